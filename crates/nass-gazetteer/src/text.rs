//! Character classes and the whitespace-collapsed view of normalized text.

use std::borrow::Cow;

pub(crate) use nass_diacritics::word::{is_transparent, is_word_char};

/// The proclitic letters, by the one grammar (the reference matcher's; the fast one
/// compares bytes).
#[cfg(test)]
pub(crate) use nass_core::proclitics::{is_conjunction, is_preposition};

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

/// The class of the char that ends at byte `i` of `t` (a char boundary after the start)
/// and its length: a table lookup for one- and two-byte characters.
#[inline(always)]
pub(crate) fn class_before(classes: &[u8; 0x800], t: &str, i: usize) -> (u8, usize) {
    let b = t.as_bytes();
    let x = b[i - 1];
    if x < 0x80 {
        return (classes[usize::from(x)], 1);
    }
    if i >= 2 && b[i - 2] & 0xE0 == 0xC0 {
        let u = (usize::from(b[i - 2] & 0x1F) << 6) | usize::from(x & 0x3F);
        return (classes[u], 2);
    }
    class_before_slow(t, i)
}

/// [`class_before`] for characters of three and four bytes.
#[cold]
#[inline(never)]
fn class_before_slow(t: &str, i: usize) -> (u8, usize) {
    let c = t[..i].chars().next_back().unwrap_or('\0');
    (class_of(c), c.len_utf8())
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

/// Whether the character at byte `i` of `t` is a word character.
#[inline]
pub(crate) fn starts_word(classes: &[u8; 0x800], t: &str, i: usize) -> bool {
    i < t.len() && class_at(classes, t, i).0 >= WORD
}

/// Where a reading that begins with a word character starts in the original text `s`:
/// at the start of the word its name is in. `o` is where the normalizer's alignment puts
/// the reading's start, `name` where it puts the name's start (at or after `o`), `end`
/// where the reading ends.
///
/// Marks with no base letter at the start of a word (a stray hamza U+0654, a U+0301)
/// belong to that word, never to the whitespace or punctuation before it, and the
/// alignment alone does not always say so: when the normalizer changed whitespace and
/// the marks after it as one piece (U+0020 U+0654 is composed as a unit), it puts the
/// start on the whitespace (or further back, when the piece began inside the word
/// before); when it dropped the marks, after them. So the start is found in the
/// original: from the name's start (past the end of the word before, when the alignment
/// puts it inside that word), moved forward past characters that are not word
/// characters and marks that no letter follows, back over the word's characters to the start of the word, but not before
/// `o`, except over marks (transparent characters: marks, tatweel, ZWNJ, ZWJ) that begin
/// the word. When a letter stands before those marks, they are its own.
pub(crate) fn word_start_at(s: &str, o: usize, name: usize, end: usize) -> usize {
    let classes = classes();
    let mut first = name.max(o);
    if first == o && marks_before(s, o).is_none() {
        // The piece began inside the word before: the reading's word is a later one.
        first = word_end(classes, s, o).min(end);
    }
    // Forward to the first word with a letter: marks with no letter after them start no
    // word that a name could begin with.
    loop {
        while first < end && class_at(classes, s, first).0 < WORD {
            first += class_at(classes, s, first).1;
        }
        let letter = skip_transparent_to(classes, s, first, end);
        if letter >= end || class_at(classes, s, letter).0 == WORD {
            break;
        }
        first = letter;
    }
    if first >= end {
        return o;
    }
    let mut q = first;
    while q > o {
        let (k, len) = class_before(classes, s, q);
        if k < WORD {
            return q;
        }
        q -= len;
    }
    // At the aligned start: back over marks the normalizer dropped, to the word's start.
    marks_before(s, q).unwrap_or(q)
}

/// The start of the word that `o` is in, when only marks (transparent characters) stand
/// between that start and `o` (`o` itself when `o` is a word start); `None` when a
/// letter stands before those marks.
fn marks_before(s: &str, o: usize) -> Option<usize> {
    let classes = classes();
    let mut p = o;
    while p > 0 {
        match class_before(classes, s, p) {
            (TRANSPARENT, len) => p -= len,
            (WORD, _) => return None,
            _ => break,
        }
    }
    Some(p)
}

/// Where a reading that ends with a word character ends in the original text `s`, given
/// `e`, where the alignment puts its end, and its `start`: `e`, unless the original ends
/// there with marks that begin the next word (transparent characters after whitespace or
/// punctuation), which the alignment takes in when the normalizer changed them with the
/// last letter as one piece: then after the last word character before them. Marks
/// right after a letter stay the letter's.
pub(crate) fn word_end_at(s: &str, start: usize, e: usize) -> usize {
    let classes = classes();
    let mut p = e;
    while p > start {
        let (k, len) = class_before(classes, s, p);
        if k != TRANSPARENT {
            break;
        }
        p -= len;
    }
    if p == e {
        return e;
    }
    let mut q = p;
    while q > start {
        let (k, len) = class_before(classes, s, q);
        if k >= WORD {
            break;
        }
        q -= len;
    }
    if q < p && q > start {
        q
    } else {
        e
    }
}

/// Where the name proper starts in the original text `s` of a reading with `clitics`
/// proclitic letters that starts at `start` and ends at `end`: after that many letters
/// (characters that are not transparent) and the transparent characters after each, at
/// most `end`. (The alignment alone can put it too early, when the normalizer changed a
/// clitic letter and the name's first letter as one piece.)
pub(crate) fn clitics_end(s: &str, start: usize, clitics: u8, end: usize) -> usize {
    let classes = classes();
    let mut i = skip_transparent_to(classes, s, start, end);
    for _ in 0..clitics {
        if i >= end {
            break;
        }
        let (_, len) = class_at(classes, s, i);
        i = skip_transparent_to(classes, s, i + len, end);
    }
    i.min(end)
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

/// How many letters (word characters that are not transparent) the run of word
/// characters that `chars` begins with has, counting up to `limit`: pass `t.chars()` for
/// the run at the start of `t`, `t.chars().rev()` for the run at its end.
pub(crate) fn letters_in_run(chars: impl Iterator<Item = char>, limit: usize) -> usize {
    let mut n = 0;
    for c in chars {
        match class_of(c) {
            WORD => n += 1,
            TRANSPARENT => {}
            _ => break,
        }
        if n >= limit {
            break;
        }
    }
    n
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

/// The length of the dash at byte `i` of `b` that is not U+002D itself: the hyphens
/// U+2010 and U+2011, the figure, en and em dashes and the horizontal bar U+2012–U+2015,
/// the minus sign U+2212, and the small and full-width forms U+FE58, U+FE63, U+FF0D
/// (3 bytes each); 0 for anything else. A name's hyphen matches any of them in the text,
/// as a name's space matches any whitespace run.
#[inline]
pub(crate) fn dash_len(b: &[u8], i: usize) -> usize {
    match b.get(i..i + 3) {
        Some([0xE2, 0x80, 0x90..=0x95] | [0xE2, 0x88, 0x92] | [0xEF, 0xB9, 0x98 | 0xA3])
        | Some([0xEF, 0xBC, 0x8D]) => 3,
        _ => 0,
    }
}

/// `s` with every dash of [`dash_len`] written as U+002D.
fn fold_dashes(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    if !(0..b.len()).any(|i| dash_len(b, i) > 0) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if dash_len(b, i) > 0 {
            out.push('-');
            i += 3;
        } else {
            let c = s[i..].chars().next().expect("a char boundary");
            out.push(c);
            i += c.len_utf8();
        }
    }
    Cow::Owned(out)
}

/// `s` with whitespace runs collapsed and trimmed at both ends, and its dashes written as
/// U+002D: the key of a name.
pub(crate) fn name_key(s: &str) -> String {
    collapse(&fold_dashes(s.trim())).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The class before a place, by the table, is the class of the char before it.
        #[test]
        fn the_class_before_is_the_chars(t in "[\\PC\u{064B}\u{0640} ب،\t\u{00A0}\u{3000}]{0,12}") {
            let classes = classes();
            for (i, c) in t.char_indices() {
                let end = i + c.len_utf8();
                proptest::prop_assert_eq!(class_before(classes, &t, end), (class_of(c), c.len_utf8()));
            }
        }
    }

    #[test]
    fn dashes_are_hyphens_in_keys() {
        for dash in [
            '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
            '\u{FE58}', '\u{FE63}', '\u{FF0D}',
        ] {
            let s = format!("غينيا{dash}بيساو");
            assert_eq!(dash_len(s.as_bytes(), "غينيا".len()), 3, "{dash:?}");
            assert_eq!(name_key(&s), "غينيا-بيساو", "{dash:?}");
        }
        for other in [
            '-', '\u{2016}', '\u{2009}', '\u{FE59}', '\u{FF0E}', '\u{2216}',
        ] {
            let s = format!("ا{other}ب");
            assert_eq!(dash_len(s.as_bytes(), "ا".len()), 0, "{other:?}");
        }
        assert_eq!(dash_len(b"\xE2\x80", 0), 0);
    }

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
    fn a_word_starts_before_its_stray_marks() {
        let s = "في \u{0654}\u{064E}بغداد";
        // From the space (a piece that took the space and the mark), from the letter
        // (after dropped marks), from the mark itself: the word starts at the mark.
        // ("في " is 5 bytes, each mark 2.)
        for o in [4, 5, 9, 7] {
            assert_eq!(word_start_at(s, o, o, s.len()), 5, "{o}");
        }
        // Back from the name's start (after the clitic و) to the word's start, not
        // before the aligned start.
        let s = "في \u{0301}وبغداد";
        assert_eq!(word_start_at(s, 4, 9, s.len()), 5);
        assert_eq!(word_start_at(s, 7, 9, s.len()), 5);
        let s = "فيب\u{0301}وبغداد";
        assert_eq!(word_start_at(s, 8, 10, s.len()), 8);
        // Marks after a letter are the letter's: the start stays.
        let s = "بَغداد";
        assert_eq!(word_start_at(s, 4, 4, s.len()), 4);
        assert_eq!(word_start_at(s, 0, 0, s.len()), 0);
        // Nothing but non-word characters up to the end: unchanged.
        assert_eq!(word_start_at("a ,", 1, 1, 3), 1);
    }

    #[test]
    fn a_word_ends_before_the_next_words_marks() {
        let s = "بغداد\u{0654}\u{200D} \u{0651}ثم";
        // A piece that took the space and the next word's mark: the word ends after its
        // own marks (at 15).
        assert_eq!(word_end_at(s, 0, 18), 15);
        assert_eq!(word_end_at(s, 0, 15), 15);
        assert_eq!(word_end_at(s, 0, 12), 12);
        // Marks after a letter are the letter's.
        assert_eq!(word_end_at("بَ ت", 0, 4), 4);
        // Nothing but marks and spaces: unchanged.
        assert_eq!(word_end_at(" \u{0651}", 0, 3), 3);
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
