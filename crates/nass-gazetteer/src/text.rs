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
pub(crate) fn is_conjunction(c: char) -> bool {
    matches!(c, 'و' | 'ف')
}

/// The prepositions that can be proclitics: ب ل ك.
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

/// The first byte at or after `i` that is not a transparent character.
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
