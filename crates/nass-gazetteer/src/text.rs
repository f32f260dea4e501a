//! Character classes and the whitespace-collapsed view of normalized text.

use std::borrow::Cow;

/// Whether `c` belongs to a word: letters, digits, combining marks (Arabic diacritics and
/// Quranic marks, generic combining marks), tatweel and the joiners ZWNJ/ZWJ.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    if (0x0600..=0x06FF).contains(&u) {
        // The Arabic block, without the general Unicode lookup (held equal to it by a test).
        return matches!(u,
            0x0610..=0x061A
            | 0x0620..=0x0669
            | 0x066E..=0x06D3
            | 0x06D5..=0x06DC
            | 0x06DF..=0x06E8
            | 0x06EA..=0x06FC
            | 0x06FF);
    }
    is_word_char_slow(c)
}

/// The definition: alphanumeric, a combining mark, tatweel or a joiner.
fn is_word_char_slow(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || matches!(c, '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// Combining marks that can sit on an Arabic letter (and the generic combining block).
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED
        | 0x08D3..=0x08FF)
}

/// Ignored when reading proclitics: marks, tatweel and joiners.
fn is_transparent(c: char) -> bool {
    is_mark(c) || matches!(c, '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// The conjunctions that can be proclitics: و ف.
/// (The reference matcher's; the fast one compares bytes.)
#[cfg(test)]
pub(crate) fn is_conjunction(c: char) -> bool {
    matches!(c, 'و' | 'ف')
}

/// The prepositions that can be proclitics: ب ل ك.
/// (The reference matcher's; the fast one compares bytes.)
#[cfg(test)]
pub(crate) fn is_preposition(c: char) -> bool {
    matches!(c, 'ب' | 'ل' | 'ك')
}

/// The char at byte `i` of `t` (a char boundary) and its length; `('\0', 1)` past the end.
#[inline]
pub(crate) fn decode(t: &str, i: usize) -> (char, usize) {
    let b = t.as_bytes();
    match b.get(i) {
        None => ('\0', 1),
        Some(&x) if x < 0x80 => (x as char, 1),
        Some(&x) if x & 0xE0 == 0xC0 && i + 1 < b.len() => {
            let c = (u32::from(x & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
            (char::from_u32(c).unwrap_or('\u{FFFD}'), 2)
        }
        Some(_) => {
            let c = t[i..].chars().next().unwrap_or('\0');
            (c, c.len_utf8())
        }
    }
}

/// What a character is to the matcher, by its class (see [`class_at`]).
pub(crate) const OTHER: u8 = 0;
/// Whitespace: `char::is_whitespace` or ASCII whitespace.
pub(crate) const SPACE: u8 = 1;
/// A word character that is not transparent.
pub(crate) const WORD: u8 = 2;
/// A word character that is transparent to proclitics: a mark, tatweel, ZWNJ or ZWJ.
pub(crate) const TRANSPARENT: u8 = 3;

/// The class of a character from its definitions: [`is_word_char`], [`is_transparent`],
/// whitespace.
fn class_of(c: char) -> u8 {
    if is_word_char(c) {
        if is_transparent(c) {
            TRANSPARENT
        } else {
            WORD
        }
    } else if c.is_whitespace() || c.is_ascii_whitespace() {
        SPACE
    } else {
        OTHER
    }
}

/// The classes of the code points below U+0800 (the ones written in one or two bytes),
/// computed once.
pub(crate) fn classes() -> &'static [u8; 0x800] {
    static CLASSES: std::sync::OnceLock<[u8; 0x800]> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut t = [OTHER; 0x800];
        for (u, k) in t.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(u as u32) {
                *k = class_of(c);
            }
        }
        t
    })
}

/// The class of the char at byte `i` of `t` (a char boundary before the end) and its
/// length: a table lookup for one- and two-byte characters.
#[inline(always)]
pub(crate) fn class_at(classes: &[u8; 0x800], t: &str, i: usize) -> (u8, usize) {
    let b = t.as_bytes();
    let x = b[i];
    if x < 0x80 {
        return (classes[usize::from(x)], 1);
    }
    if x < 0xE0 {
        if let Some(&y) = b.get(i + 1) {
            let u = (usize::from(x & 0x1F) << 6) | usize::from(y & 0x3F);
            return (classes[u], 2);
        }
    }
    class_at_slow(t, i)
}

/// [`class_at`] for characters of three and four bytes.
#[cold]
#[inline(never)]
fn class_at_slow(t: &str, i: usize) -> (u8, usize) {
    let (c, len) = decode(t, i);
    (class_of(c), len)
}

/// The end of the word whose characters continue at `i`: the first byte at or after `i`
/// that begins a character that is not a word character.
#[inline]
pub(crate) fn word_end(classes: &[u8; 0x800], t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    while i < b.len() {
        let x = b[i];
        // The common case: two-byte letters of the Arabic block and its neighbours.
        if (0xC0..0xE0).contains(&x) && i + 1 < b.len() {
            let u = (usize::from(x & 0x1F) << 6) | usize::from(b[i + 1] & 0x3F);
            if classes[u] < WORD {
                return i;
            }
            i += 2;
            continue;
        }
        let (k, len) = class_at(classes, t, i);
        if k < WORD {
            return i;
        }
        i += len;
    }
    i
}

/// The first byte at or after `i` (and before `end`) that does not begin a transparent
/// character.
#[inline]
pub(crate) fn skip_transparent_to(
    classes: &[u8; 0x800],
    t: &str,
    mut i: usize,
    end: usize,
) -> usize {
    while i < end {
        let (k, len) = class_at(classes, t, i);
        if k != TRANSPARENT {
            break;
        }
        i += len;
    }
    i
}

/// The first byte at or after `i` that is not a transparent character.
/// (The reference matcher's; the fast one compares bytes.)
#[cfg(test)]
pub(crate) fn skip_transparent(t: &str, mut i: usize) -> usize {
    while i < t.len() {
        let (c, len) = decode(t, i);
        if !is_transparent(c) {
            break;
        }
        i += len;
    }
    i
}

/// The byte offsets where the whitespace runs of `s` start.
pub(crate) fn space_runs(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_run = false;
    while i < b.len() {
        let n = space_len(s, b, i);
        if n > 0 {
            if !in_run {
                out.push(i);
            }
            in_run = true;
            i += n;
        } else {
            in_run = false;
            i += 1;
        }
    }
    out
}

/// Whether a whitespace run at byte `i` of `b` starts here; returns the length of the
/// whitespace character at `i`, or 0.
#[inline]
pub(crate) fn space_len(s: &str, b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => {
            let c = s[i..].chars().next().unwrap_or('\0');
            if c.is_whitespace() {
                c.len_utf8()
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// Every whitespace run of `s` (any Unicode `White_Space` character: spaces, tabs, line
/// breaks, no-break spaces) replaced by one U+0020, keeping a run that is already a single
/// U+0020 as it is. Borrows when nothing changes.
fn collapse(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut copied = 0; // bytes of `s` copied (or replaced) so far
    let mut i = 0;
    while i < b.len() {
        let n = space_len(s, b, i);
        if n == 0 {
            i += 1;
            continue;
        }
        let mut j = i + n;
        while j < b.len() {
            let m = space_len(s, b, j);
            if m == 0 {
                break;
            }
            j += m;
        }
        if !(j == i + 1 && b[i] == b' ') {
            if out.capacity() == 0 {
                out.reserve(s.len());
            }
            out.push_str(&s[copied..i]);
            out.push(' ');
            copied = j;
        }
        i = j;
    }
    if copied == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// `s` with whitespace runs collapsed and trimmed at both ends: the key of a name.
pub(crate) fn name_key(s: &str) -> String {
    collapse(s.trim()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_whitespace() {
        assert_eq!(collapse("ا  ب\n\tج\u{00A0}د ه"), "ا ب ج د ه");
        assert!(matches!(collapse("ا ب"), Cow::Borrowed(_)));
        assert_eq!(collapse("\n"), " ");
        assert_eq!(collapse(""), "");
        assert_eq!(name_key(" \u{2003}الأمم \n المتحدة\t"), "الأمم المتحدة");
        assert_eq!(space_runs("ا  ب\n\tج\u{00A0}د"), [2, 6, 10]);
    }

    #[test]
    fn word_chars_fast_path_is_the_definition() {
        for u in 0..0x1_0000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_word_char(c), is_word_char_slow(c), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn classes_follow_the_definitions() {
        let t = classes();
        for u in 0..0x800u32 {
            if let Some(c) = char::from_u32(u) {
                let mut buf = [0u8; 4];
                let s: &str = c.encode_utf8(&mut buf);
                assert_eq!(class_at(t, s, 0), (class_of(c), c.len_utf8()), "U+{u:04X}");
            }
        }
        // A few by hand.
        assert_eq!(class_of('ب'), WORD);
        assert_eq!(class_of('7'), WORD);
        assert_eq!(class_of('\u{064E}'), TRANSPARENT); // fatha
        assert_eq!(class_of('\u{0640}'), TRANSPARENT); // tatweel
        assert_eq!(class_of('\u{200C}'), TRANSPARENT); // ZWNJ
        assert_eq!(class_of('\u{00A0}'), SPACE);
        assert_eq!(class_of('\u{000B}'), SPACE);
        assert_eq!(class_of('\u{000C}'), SPACE);
        assert_eq!(class_of('\u{3000}'), SPACE);
        assert_eq!(class_of('،'), OTHER);
        assert_eq!(class_of('-'), OTHER);
        // Three- and four-byte characters go through the definitions.
        assert_eq!(class_at(t, "\u{200D}ب", 0), (TRANSPARENT, 3));
        assert_eq!(class_at(t, "😀", 0), (OTHER, 4));
        let s = "كتاب\u{064E}\u{200C}ها، و";
        assert_eq!(word_end(t, s, 0), s.find('،').unwrap());
        assert_eq!(word_end(t, s, s.len()), s.len());
        assert_eq!(word_end(t, "ab1 c", 1), 3);
        assert_eq!(skip_transparent_to(t, "\u{064E}\u{0640}ب", 0, 6), 4);
        assert_eq!(skip_transparent_to(t, "\u{064E}\u{0640}ب", 0, 2), 2);
    }

    #[test]
    fn decoding() {
        let t = "aب€😀";
        assert_eq!(decode(t, 0), ('a', 1));
        assert_eq!(decode(t, 1), ('ب', 2));
        assert_eq!(decode(t, 3), ('€', 3));
        assert_eq!(decode(t, 6), ('😀', 4));
        assert_eq!(decode(t, 10), ('\0', 1));
        assert_eq!(skip_transparent("\u{064E}\u{0640}ب", 0), 4);
    }
}
