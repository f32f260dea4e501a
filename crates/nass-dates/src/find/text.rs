//! Low-level text helpers: digits, whitespace, words, folded comparison, era marks.

use std::ops::Range;

use nass_calendar::EraMark;
use nass_core::proclitics::readings;
pub(super) use nass_diacritics::word::{is_letter_word_char, is_transparent};
pub(super) use nass_letters::lookup::{fold_char_each, folds_to, lookup_fold};
use nass_numerals::digit_value;

use super::Num;

/// The value of the digit at byte `i` (ASCII, Arabic-Indic or Extended Arabic-Indic) and
/// its length in bytes.
pub(super) fn digit_at(b: &[u8], i: usize) -> Option<(u32, usize)> {
    match *b.get(i)? {
        c @ b'0'..=b'9' => Some((u32::from(c - b'0'), 1)),
        0xD9 => match *b.get(i + 1)? {
            c @ 0xA0..=0xA9 => Some((u32::from(c - 0xA0), 2)),
            _ => None,
        },
        0xDB => match *b.get(i + 1)? {
            c @ 0xB0..=0xB9 => Some((u32::from(c - 0xB0), 2)),
            _ => None,
        },
        _ => None,
    }
}

/// The first digit at or after `from`, if it comes before `limit`.
pub(super) fn find_digit(b: &[u8], from: usize, limit: Option<usize>) -> Option<usize> {
    let end = limit.unwrap_or(b.len()).min(b.len());
    let mut i = from;
    // Sixteen bytes at a time (the compiler vectorizes the branch-free test): an ASCII digit,
    // or the lead byte of an Arabic-Indic (D9 A0..A9) or Persian (DB B0..B9) digit followed
    // by its second byte. The lead bytes alone are too common in Arabic text to test.
    while i + 17 <= end {
        let w = &b[i..i + 17];
        let mut hit = false;
        for k in 0..16 {
            let (c, n) = (w[k], w[k + 1]);
            hit |= (c.wrapping_sub(b'0') < 10)
                | ((c == 0xD9) & (n.wrapping_sub(0xA0) < 10))
                | ((c == 0xDB) & (n.wrapping_sub(0xB0) < 10));
        }
        if hit {
            break;
        }
        i += 16;
    }
    while i < end {
        let c = b[i];
        if c.is_ascii_digit() || ((c == 0xD9 || c == 0xDB) && digit_at(b, i).is_some()) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The run of digits starting at `pos`, after any marks (at most 9 digits are read into the value; longer
/// runs report their length so that no date takes them).
pub(super) fn num_at(text: &str, pos: usize) -> Option<Num> {
    let b = text.as_bytes();
    // Marks with no base letter before the digits belong to the number's word.
    let at = text.len() - text[pos..].trim_start_matches(is_transparent).len();
    let (first, len) = digit_at(b, at)?;
    let mut value = first;
    let mut digits: u8 = 1;
    let mut i = at + len;
    while let Some((d, len)) = digit_at(b, i) {
        if digits < 9 {
            value = value * 10 + d;
        }
        digits = digits.saturating_add(1);
        i += len;
    }
    Some(Num {
        start: pos,
        end: i,
        value,
        digits,
    })
}

/// Whether the digits before `pos` make the number part of a larger one (3.5, 1,200) or of
/// a Latin word (F16).
pub(super) fn preceded_by_number_part(text: &str, pos: usize) -> bool {
    let mut chars = text[..pos].chars().rev();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || decimal(c) => true,
        Some('.' | ',' | '٫' | '٬' | ':' | '/') => chars.next().is_some_and(decimal),
        _ => false,
    }
}

/// Whether the number ending at `pos` continues (2024/5, 12.5, 10:30, 3,000).
pub(super) fn followed_by_number_part(text: &str, pos: usize) -> bool {
    let mut chars = text[pos..].chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some('.' | ',' | '٫' | '٬' | ':' | '/' | '-' | '%' | '٪') => {
            chars.next().is_some_and(decimal)
        }
        _ => false,
    }
}

/// A digit of the three sets the finder reads (ASCII, Arabic-Indic, Persian).
pub(super) fn decimal(c: char) -> bool {
    digit_value(c).is_some()
}

pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{200B}')
}

/// Spaces and direction marks, but not line breaks.
pub(super) fn skip_spaces(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let kept = rest.trim_start_matches(|c: char| is_space(c) && c != '\n' && c != '\r');
    text.len() - kept.len()
}

pub(super) fn skip_ws(text: &str, pos: usize) -> usize {
    skip_spaces(text, pos)
}

/// The start of the word whose first character other than a mark is at `pos`: before the
/// marks that precede `pos` when no letter or digit carries them (whitespace, punctuation
/// or the start of the text comes before them), since a mark with no base letter belongs
/// to the word it starts.
pub(super) fn word_start(text: &str, pos: usize) -> usize {
    let head = text[..pos].trim_end_matches(is_transparent);
    let carried = head
        .chars()
        .next_back()
        .is_some_and(|c| is_letter_word_char(c) || decimal(c));
    if head.len() < pos && !carried {
        head.len()
    } else {
        pos
    }
}

/// The word (letters and marks) that starts at `pos`.
pub(super) fn word_after(text: &str, pos: usize) -> Option<Range<usize>> {
    let rest = &text[pos..];
    let len = rest.len() - rest.trim_start_matches(is_letter_word_char).len();
    (len > 0).then_some(pos..pos + len)
}

/// The word that ends before `pos`, spaces between skipped.
pub(super) fn word_before(text: &str, pos: usize) -> Option<Range<usize>> {
    let head = text[..pos].trim_end_matches(|c: char| is_space(c) && c != '\n' && c != '\r');
    let start = head.trim_end_matches(is_letter_word_char).len();
    (start < head.len()).then_some(start..head.len())
}

/// `word` is one of `keys` (written folded with the lookup fold), possibly after
/// proclitics as the shared grammar reads them (`nass_core::proclitics`: و ف, then ب ك ل);
/// ل before the article elides its alef (للعام = ل + العام).
pub(super) fn matches_key(word: &str, keys: &[&str]) -> bool {
    key_index(word, keys).is_some()
}

/// The index in `keys` of the key `word` is (as [`matches_key`] reads it), folding the
/// word once whatever the number of keys.
pub(super) fn key_index(word: &str, keys: &[&str]) -> Option<usize> {
    if word.len() > 64 {
        return None;
    }
    // Folded on the stack: no allocation for a check made at every number. (A
    // presentation form can fold to more bytes than it has: a word that does not fit is
    // none of the keys.)
    let mut buf = [0u8; 64];
    let mut len = 0;
    let fits = word.chars().all(|c| {
        fold_char_each(c, |c| {
            if len + c.len_utf8() > buf.len() {
                return false;
            }
            len += c.encode_utf8(&mut buf[len..]).len();
            true
        })
    });
    if !fits {
        return None;
    }
    let folded = std::str::from_utf8(&buf[..len]).expect("whole chars were written");
    let found = readings(folded).find_map(|(proclitics, at)| {
        let rest = &folded[at..];
        keys.iter().position(|&k| k == rest).or_else(|| {
            (proclitics.elides_article() && rest.starts_with('ل'))
                .then(|| {
                    keys.iter()
                        .position(|k| k.strip_prefix("ال") == Some(&rest['ل'.len_utf8()..]))
                })
                .flatten()
        })
    });
    found
}

/// The end of `key` (written folded) read at `pos`, marks and tatweel skipped and letters
/// folded, trailing marks included. A character whose fold goes on past the key (a
/// presentation-form ligature such as ﱑ, هج, read for the key ه) is no match.
pub(super) fn prefix_folded(text: &str, pos: usize, key: &str) -> Option<usize> {
    let mut key = key.chars().peekable();
    let mut end = pos;
    for (i, c) in text[pos..].char_indices() {
        if key.peek().is_none() {
            break;
        }
        let mut read = false;
        if !fold_char_each(c, |folded| {
            read = true;
            key.next() == Some(folded)
        }) {
            return None;
        }
        if read {
            end = pos + i + c.len_utf8();
        }
    }
    if key.peek().is_some() {
        return None;
    }
    Some(text.len() - text[end..].trim_start_matches(is_transparent).len())
}

/// An era mark at `pos`: هـ (ه and any tatweel), هجري, هجرية, للهجرة, م, ميلادي, ميلادية,
/// للميلاد, ق.م, ق.هـ, قبل الميلاد, قبل الهجرة, هـ.ش, with any marks and folding; it must
/// end the word. Returns the mark, its end, and whether it is a single letter (ه، م).
pub(super) fn era_at(text: &str, pos: usize) -> Option<(EraMark, usize, bool)> {
    const KEYS: &[(&str, EraMark)] = &[
        ("قبل الميلاد", EraMark::BeforeChrist),
        ("قبل الهجره", EraMark::BeforeHijra),
        ("للهجره", EraMark::Hijri),
        ("للميلاد", EraMark::Gregorian),
        ("هجريه", EraMark::Hijri),
        ("هجري", EraMark::Hijri),
        ("ميلاديه", EraMark::Gregorian),
        ("ميلادي", EraMark::Gregorian),
        ("ق.م", EraMark::BeforeChrist),
        ("ق.ه", EraMark::BeforeHijra),
        ("ه.ش", EraMark::SolarHijri),
        ("ه", EraMark::Hijri),
        ("م", EraMark::Gregorian),
    ];
    let first = lookup_fold(text[pos..].chars().next()?).next()?;
    if !matches!(first, 'ق' | 'ل' | 'ه' | 'م') {
        return None;
    }
    let ends_word =
        |end: usize| !text[end..].starts_with(|c: char| c.is_alphabetic() || decimal(c));
    KEYS.iter().find_map(|&(key, era)| {
        let end = prefix_folded(text, pos, key)?;
        ends_word(end).then_some((era, end, key.chars().count() == 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Key matching reads proclitics by the shared grammar, as the gazetteer does: ك too.
    #[test]
    fn keys_take_the_proclitics_of_the_shared_grammar() {
        for p in [
            "", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل",
        ] {
            assert!(matches_key(&format!("{p}عام"), &["عام"]), "{p}عام");
            assert!(matches_key(&format!("{p}العام"), &["العام"]), "{p}العام");
        }
        // ل before the article elides its alef.
        assert!(matches_key("للعام", &["العام"]));
        assert!(matches_key("وللسنة", &["السنه"]));
        // Not proclitics: a conjunction after a preposition, two prepositions, three.
        for w in ["بوعام", "كبعام", "وفعام", "وبكعام", "كعامة"] {
            assert!(!matches_key(w, &["عام"]), "{w}");
        }
        // Marks and tatweel are skipped, letters folded.
        assert!(matches_key("كَعـامِ", &["عام"]));
    }
}
