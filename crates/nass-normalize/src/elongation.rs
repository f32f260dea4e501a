//! Elongation: letters stretched by repetition (كتييير، كككتير، هههههه) collapsed.
//!
//! # The rule
//!
//! - **Which letters**: the Arabic letters of [`nass_core::arabic::is_arabic_letter`]
//!   (the basic alphabet, hamza forms, teh marbuta, alef maksura, the Persian and Urdu
//!   letters of the Arabic block and Arabic Supplement). Digits, punctuation, tatweel,
//!   marks and every other script are never touched (`1000`, `!!!`, `www` stay).
//! - **What counts as stretching**: a run of three or more of the same code point, one
//!   right after the other with nothing between them. It becomes one letter (the run's
//!   first, so that alignment keeps its place).
//! - **The one exception**: exactly three ت stay, because a verb of forms V and VI in
//!   the imperfect spells three in a row (تتتبع، تتتابع); four or more collapse.
//! - **Never touched**: two letters in a row, which Arabic spells legitimately (the two
//!   lams of الله and لله, the assimilated article of للغة, ممتاز، مدد، حيي); and a letter
//!   that carries a mark, since the mark (a shadda, a vowel) stands between it and the
//!   next letter and ends the run: شدّة and مُدَدَ are as they were.
//!
//! The rule cannot tell a stretched double letter from a stretched single one: a
//! stretched الله written with five lams collapses to اله.
//!
//! Collapsing only removes letters from the middle of a run of starters, so it never
//! brings together anything that Unicode normalization would compose, and never makes a
//! new run: applied after the other operations, it leaves text that they and it leave
//! alone.

use std::ops::Range;

use nass_core::arabic::is_arabic_letter;
use nass_core::{Alignment, AlignmentBuilder, Sink};

/// The shortest run that counts as stretching.
const MIN_RUN: usize = 3;

/// The byte ranges of `text` that collapsing removes, in order: for each stretched run,
/// every letter after its first.
pub(crate) fn stretched(text: &str) -> Vec<Range<usize>> {
    let mut drops = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_arabic_letter(c) {
            continue;
        }
        let mut count = 1;
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if d != c {
                break;
            }
            chars.next();
            count += 1;
            end = i + d.len_utf8();
        }
        if count >= MIN_RUN && !(c == 'ت' && count == MIN_RUN) {
            drops.push(start + c.len_utf8()..end);
        }
    }
    drops
}

/// `text` with the stretched runs collapsed, or `None` when there are none.
pub(crate) fn collapse(text: &str) -> Option<String> {
    let drops = stretched(text);
    if drops.is_empty() {
        return None;
    }
    Some(without(text, &drops))
}

/// `text` without the byte ranges `drops` (sorted, disjoint).
fn without(text: &str, drops: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for d in drops {
        out.push_str(&text[at..d.start]);
        at = d.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Collapses the stretched runs of `out[from..]` in place.
pub(crate) fn collapse_tail(out: &mut String, from: usize) {
    if let Some(collapsed) = collapse(&out[from..]) {
        out.truncate(from);
        out.push_str(&collapsed);
    }
}

/// Collapses the stretched runs of `text`, the output of a step whose alignment back to
/// the original is `alignment`, and returns the collapsed text with its alignment to
/// the same original.
pub(crate) fn collapse_aligned(text: String, alignment: Alignment) -> (String, Alignment) {
    let drops = stretched(&text);
    if drops.is_empty() {
        return (text, alignment);
    }
    let collapsed = without(&text, &drops);
    let a = realign(
        &text,
        alignment.original_len(),
        |o| alignment.original_offset(o),
        &drops,
    );
    (collapsed, a)
}

/// The alignment of `text` without the byte ranges `drops` (sorted, disjoint, on char
/// boundaries) to an original of `original_len` bytes, where `map` gives the original
/// offset of each char boundary of `text` (non-decreasing, `map(text.len())` is
/// `original_len`). Each code point of `text` maps to the original bytes from where it
/// starts to where the next one starts; code points that share their original bytes
/// (the letters of an expanded ligature) form one piece, which keeps the bytes that
/// `drops` leave of it; a piece of one code point whose length is unchanged is linear.
pub(crate) fn realign(
    text: &str,
    original_len: usize,
    map: impl Fn(usize) -> usize,
    drops: &[Range<usize>],
) -> Alignment {
    let mut b = AlignmentBuilder::new();
    let mut drops = drops.iter().peekable();
    let mut piece_in = map(0);
    let (mut piece_len, mut piece_kept, mut piece_chars) = (0, 0, 0);
    let mut out = 0;
    for (i, c) in text.char_indices() {
        while drops.next_if(|d| d.end <= i).is_some() {}
        let dropped = drops.peek().is_some_and(|d| d.start <= i);
        let len = c.len_utf8();
        piece_len += len;
        piece_chars += 1;
        if !dropped {
            piece_kept += len;
        }
        let next_in = map(i + len);
        if next_in > piece_in || i + len == text.len() {
            let in_len = next_in.saturating_sub(piece_in);
            if piece_chars == 1 && piece_kept == in_len && piece_len == in_len {
                b.linear(piece_in, in_len, out);
            } else {
                b.atomic(piece_in, in_len, out, piece_kept);
            }
            out += piece_kept;
            piece_in = next_in;
            (piece_len, piece_kept, piece_chars) = (0, 0, 0);
        }
    }
    b.finish(original_len, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn must_change() {
        let table: &[(&str, &str, &str)] = &[
            ("stretched ya", "كتييير", "كتير"),
            ("stretched first letter", "كككتير", "كتير"),
            ("laughter", "هههههه", "ه"),
            ("stretched alef", "ياااارب", "يارب"),
            ("stretched final alef", "مرحباااا", "مرحبا"),
            ("stretched lam alef", "لاااا", "لا"),
            ("stretched waw", "واااو", "واو"),
            ("exactly three", "جميييل", "جميل"),
            ("four teh", "تتتتعب", "تعب"),
            ("a stretched double lam loses its double", "اللللله", "اله"),
            ("two runs in one word", "ككتييير ههههه", "ككتير ه"),
            ("run at the end", "نعمممم", "نعم"),
            ("teh marbuta", "حلوةةة", "حلوة"),
            ("persian letter", "\u{06AF}\u{06AF}\u{06AF}", "\u{06AF}"),
        ];
        for (name, input, want) in table {
            assert_eq!(collapse(input).as_deref(), Some(*want), "{name}");
        }
    }

    #[test]
    fn must_not_change() {
        let table: &[(&str, &str)] = &[
            ("the two lams of allah", "الله"),
            ("lillah", "لله"),
            ("assimilated article", "للغة العربية"),
            ("doubled meem", "ممتاز"),
            ("doubled dal", "مدد"),
            ("doubled ya", "حيي"),
            ("form V imperfect", "تتتبع"),
            ("form VI imperfect", "تتتابع"),
            ("shadda", "محمّد شدّة"),
            ("marks between repeats", "كَكَكَ"),
            ("shadda between repeats", "ييّي"),
            ("tatweel is not a letter", "جمـــيل"),
            ("latin", "sooo www"),
            ("punctuation", "!!!؟؟؟"),
            ("digits", "1000 ١٠٠٠ ۱۰۰۰"),
            ("mixed letters", "ابتثجح"),
            ("empty", ""),
        ];
        for (name, input) in table {
            assert_eq!(collapse(input), None, "{name}");
        }
    }

    #[test]
    fn keeps_the_first_letter_of_a_run() {
        assert_eq!(stretched("بييي"), vec![4..8]);
    }
}
