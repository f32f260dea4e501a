//! Character classes and the whitespace-collapsed view of normalized text.

use std::borrow::Cow;

/// Whether `c` belongs to a word: letters, digits, combining marks (Arabic diacritics and
/// Quranic marks, generic combining marks), tatweel and the joiners ZWNJ/ZWJ.
pub(crate) fn is_word_char(c: char) -> bool {
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

/// The proclitics in front of a name, as read from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Proclitics {
    /// Where the word (and so the surface of the match) starts.
    pub(crate) word_start: usize,
    /// How many clitic letters (0, 1 or 2).
    pub(crate) count: u8,
    /// Whether the last clitic is the preposition ل (so an elided article may follow).
    pub(crate) ends_in_lam: bool,
}

const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

/// Reads the letters between the start of the word that contains byte `at` of `t` and
/// `at`. `Some` when they are a valid proclitic sequence: nothing, one of و ف ب ل ك, or
/// a conjunction (و ف) followed by a preposition (ب ل ك). Marks, tatweel and joiners among
/// them are ignored.
pub(crate) fn proclitics(t: &str, at: usize) -> Option<Proclitics> {
    let mut letters = ['\0'; 2];
    let mut n = 0usize;
    let mut word_start = at;
    for (i, c) in t[..at].char_indices().rev() {
        if !is_word_char(c) {
            break;
        }
        word_start = i;
        if is_transparent(c) {
            continue;
        }
        if n == 2 {
            return None;
        }
        letters[n] = c;
        n += 1;
    }
    // `letters` holds them last first.
    let valid = match n {
        0 => true,
        1 => CONJUNCTIONS.contains(&letters[0]) || PREPOSITIONS.contains(&letters[0]),
        _ => PREPOSITIONS.contains(&letters[0]) && CONJUNCTIONS.contains(&letters[1]),
    };
    valid.then_some(Proclitics {
        word_start,
        count: n as u8,
        ends_in_lam: n > 0 && letters[0] == 'ل',
    })
}

/// Whether a whitespace run at byte `i` of `b` starts here; returns the length of the
/// whitespace character at `i`, or 0.
#[inline]
fn space_len(s: &str, b: &[u8], i: usize) -> usize {
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

/// Whitespace runs collapsed to one U+0020, with the map back to the uncollapsed offsets.
#[derive(Debug, Default)]
pub(crate) struct Collapsed {
    /// `(collapsed offset, shift)`: from this collapsed offset on, add `shift`.
    shifts: Vec<(usize, usize)>,
}

impl Collapsed {
    /// The uncollapsed offset of collapsed offset `x`.
    pub(crate) fn map(&self, x: usize) -> usize {
        let k = self.shifts.partition_point(|&(at, _)| at <= x);
        if k == 0 {
            x
        } else {
            x + self.shifts[k - 1].1
        }
    }
}

/// Every whitespace run of `s` (any Unicode `White_Space` character: spaces, tabs, line
/// breaks, no-break spaces) replaced by one U+0020, keeping a run that is already a single
/// U+0020 as it is. Borrows when nothing changes.
pub(crate) fn collapse(s: &str) -> (Cow<'_, str>, Collapsed) {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut map = Collapsed::default();
    let mut copied = 0; // bytes of `s` copied (or replaced) so far
    let mut shift = 0;
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
            let removed = j - i - 1;
            if removed > 0 {
                shift += removed;
                map.shifts.push((out.len(), shift));
            }
        }
        i = j;
    }
    if copied == 0 {
        return (Cow::Borrowed(s), map);
    }
    out.push_str(&s[copied..]);
    (Cow::Owned(out), map)
}

/// `s` with whitespace runs collapsed and trimmed at both ends: the key of a name.
pub(crate) fn name_key(s: &str) -> String {
    collapse(s.trim()).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_maps_back() {
        let s = "ا  ب\n\tج\u{00A0}د ه";
        let (c, m) = collapse(s);
        assert_eq!(c, "ا ب ج د ه");
        for (x, ch) in c.char_indices() {
            if ch != ' ' {
                assert_eq!(s[m.map(x)..].chars().next(), Some(ch), "at {x}");
            }
        }
        assert_eq!(m.map(c.len()), s.len());
        let (c, _) = collapse("ا ب");
        assert!(matches!(c, Cow::Borrowed(_)));
        assert_eq!(collapse("\n").0, " ");
        assert_eq!(collapse("").0, "");
    }

    #[test]
    fn proclitic_sequences() {
        let p = |s: &str| proclitics(&format!("{s}بغداد"), s.len());
        for ok in [
            "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
        ] {
            let r = p(ok).unwrap_or_else(|| panic!("{ok}"));
            assert_eq!(r.word_start, 0);
            assert_eq!(r.count as usize, ok.chars().count());
            assert_eq!(r.ends_in_lam, ok.ends_with('ل'));
        }
        for bad in ["بو", "لف", "وو", "ا", "من", "وبل", "x"] {
            assert!(p(bad).is_none(), "{bad}");
        }
        // After a space or punctuation the word starts afresh.
        let t = "قال: وبغداد";
        let at = t.find("بغداد").unwrap();
        assert_eq!(proclitics(t, at).unwrap().word_start, t.find('و').unwrap());
        // Diacritics and tatweel on the clitic are ignored.
        let t = "وَبـبغداد";
        assert_eq!(proclitics(t, t.rfind("بغداد").unwrap()).unwrap().count, 2);
    }
}
