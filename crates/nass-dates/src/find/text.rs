//! Low-level text helpers: digits, whitespace, words, folded comparison, era marks.

use std::ops::Range;

use nass_calendar::EraMark;

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
    let at = text.len() - text[pos..].trim_start_matches(is_mark).len();
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

pub(super) fn decimal(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
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

/// Combining marks (Arabic diacritics and Quranic marks, the generic combining block) and
/// tatweel: skipped when words are compared, and part of the word they sit in. A mark with
/// no base letter (after whitespace or at the start) belongs to the word it starts.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0640}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The start of the word whose first character other than a mark is at `pos`: before the
/// marks that precede `pos` when no letter or digit carries them (whitespace, punctuation
/// or the start of the text comes before them), since a mark with no base letter belongs
/// to the word it starts.
pub(super) fn word_start(text: &str, pos: usize) -> usize {
    let head = text[..pos].trim_end_matches(is_mark);
    let carried = head
        .chars()
        .next_back()
        .is_some_and(|c| is_word_char(c) || decimal(c));
    if head.len() < pos && !carried {
        head.len()
    } else {
        pos
    }
}

pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    // Arabic letters and marks first; digits are not alphabetic, and are common enough
    // beside words to be worth answering without the Unicode table.
    ('\u{0621}'..='\u{064A}').contains(&c) || is_mark(c) || (!decimal(c) && c.is_alphabetic())
}

/// The word (letters and marks) that starts at `pos`.
pub(super) fn word_after(text: &str, pos: usize) -> Option<Range<usize>> {
    let rest = &text[pos..];
    let len = rest.len() - rest.trim_start_matches(is_word_char).len();
    (len > 0).then_some(pos..pos + len)
}

/// The word that ends before `pos`, spaces between skipped.
pub(super) fn word_before(text: &str, pos: usize) -> Option<Range<usize>> {
    let head = text[..pos].trim_end_matches(|c: char| is_space(c) && c != '\n' && c != '\r');
    let start = head.trim_end_matches(is_word_char).len();
    (start < head.len()).then_some(start..head.len())
}

pub(super) fn fold(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | '\u{06CC}' => 'ي',
        'ة' => 'ه',
        '\u{06A9}' => 'ك',
        _ => c,
    }
}

/// `word` equals `key` (written folded) once marks are skipped and letters folded.
pub(super) fn folded_eq(word: &str, key: &str) -> bool {
    let mut w = word.chars().filter(|&c| !is_mark(c)).map(fold);
    let mut k = key.chars();
    loop {
        match (w.next(), k.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// `word` is one of `keys` (written folded), possibly after the proclitics و ف ب ل (one or
/// two of them); ل before the article elides its alef (للعام = ل + العام).
pub(super) fn matches_key(word: &str, keys: &[&str]) -> bool {
    if word.len() > 64 {
        return false;
    }
    // Folding keeps or shortens every char, so 64 bytes hold the folded word: no
    // allocation for a check made at every number.
    let mut buf = [0u8; 64];
    let mut len = 0;
    for c in word.chars().filter(|&c| !is_mark(c)).map(fold) {
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    let folded = std::str::from_utf8(&buf[..len]).expect("whole chars were written");
    let try_all = |w: &str| keys.contains(&w);
    if try_all(folded) {
        return true;
    }
    let mut w = folded;
    for _ in 0..2 {
        let Some(c) = w.chars().next() else {
            return false;
        };
        if !matches!(c, 'و' | 'ف' | 'ب' | 'ل') {
            return false;
        }
        w = &w[c.len_utf8()..];
        if w.is_empty() {
            return false;
        }
        if try_all(w) {
            return true;
        }
        if c == 'ل'
            && w.starts_with('ل')
            && keys
                .iter()
                .any(|k| k.strip_prefix("ال") == Some(&w['ل'.len_utf8()..]))
        {
            return true;
        }
    }
    false
}

/// The end of `key` (written folded) read at `pos`, marks and tatweel skipped and letters
/// folded, trailing marks included.
pub(super) fn prefix_folded(text: &str, pos: usize, key: &str) -> Option<usize> {
    let mut chars = text[pos..].char_indices().filter(|&(_, c)| !is_mark(c));
    let mut end = pos;
    for k in key.chars() {
        let (i, c) = chars.next()?;
        if fold(c) != k {
            return None;
        }
        end = pos + i + c.len_utf8();
    }
    Some(text.len() - text[end..].trim_start_matches(is_mark).len())
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
    let first = text[pos..].chars().next()?;
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
