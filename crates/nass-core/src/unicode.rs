//! Composition facts from the Unicode Character Database, as the
//! `unicode-normalization` crate implements it.
//!
//! ```
//! use nass_core::unicode::{composes_backward, composites_starting_with};
//! assert!(composes_backward('\u{0654}')); // hamza above: ا + ٔ = أ
//! assert!(!composes_backward('\u{064E}')); // fatha never composes
//! assert!(composites_starting_with('ا').any(|c| c == 'أ'));
//! ```

use std::sync::OnceLock;

use unicode_normalization::char::{compose, decompose_canonical};

struct Facts {
    /// Code points that are the second element of some primary composition, sorted.
    seconds: Vec<char>,
    /// (first, composite) for every primary composition, sorted by first.
    pairs: Vec<(char, char)>,
}

fn facts() -> &'static Facts {
    static FACTS: OnceLock<Facts> = OnceLock::new();
    FACTS.get_or_init(|| {
        let mut seconds = Vec::new();
        let mut pairs = Vec::new();
        let mut parts = Vec::with_capacity(4);
        // Every canonical composite lies below U+30000.
        for cp in 0..0x30000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            parts.clear();
            decompose_canonical(c, |d| parts.push(d));
            if parts.len() < 2 {
                continue;
            }
            let mut acc = parts[0];
            for &next in &parts[1..] {
                match compose(acc, next) {
                    Some(composite) => {
                        seconds.push(next);
                        pairs.push((acc, composite));
                        acc = composite;
                    }
                    None => break,
                }
            }
        }
        seconds.sort_unstable();
        seconds.dedup();
        pairs.sort_unstable();
        pairs.dedup();
        Facts { seconds, pairs }
    })
}

/// Whether `c` can compose with a preceding code point under canonical composition
/// (it is the second element of some primary composite): combining hamza and madda,
/// most Latin combining accents, Hangul vowel and final jamo, and a few Indic vowel signs.
///
/// ```
/// assert!(nass_core::unicode::composes_backward('\u{0301}'));
/// assert!(!nass_core::unicode::composes_backward('ب'));
/// ```
pub fn composes_backward(c: char) -> bool {
    facts().seconds.binary_search(&c).is_ok()
}

/// The primary composites whose canonical decomposition starts with `first`.
///
/// ```
/// let mut from_waw: Vec<char> = nass_core::unicode::composites_starting_with('و').collect();
/// assert_eq!(from_waw, vec!['ؤ']);
/// ```
pub fn composites_starting_with(first: char) -> impl Iterator<Item = char> {
    let pairs = &facts().pairs;
    let start = pairs.partition_point(|&(f, _)| f < first);
    pairs[start..]
        .iter()
        .take_while(move |&&(f, _)| f == first)
        .map(|&(_, composite)| composite)
}
