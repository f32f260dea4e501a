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

mod inert_table;

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

/// Whether `c` is a starter that NFC and NFKC leave alone and that nothing can combine
/// with: it is NFC and NFKC quick-check Yes, has canonical combining class 0, takes part in
/// no canonical composition (as first or second element), and its canonical and
/// compatibility decompositions (itself, when it has none) start with a starter that
/// composes with nothing before it. Hangul syllables of three jamo are such code points;
/// those of two are not (a final jamo composes with them). Only code points below U+10000
/// are listed; above, the answer is `false` (not known).
///
/// ```
/// use nass_core::unicode::is_normalization_inert;
/// assert!(is_normalization_inert('ب'));
/// assert!(is_normalization_inert('中'));
/// assert!(!is_normalization_inert('ا')); // composes with hamza and madda
/// assert!(!is_normalization_inert('\u{FEFB}')); // lam-alef ligature: NFKC decomposes it
/// assert!(!is_normalization_inert('\u{064E}')); // fatha: a combining mark
/// ```
pub fn is_normalization_inert(c: char) -> bool {
    let Ok(cp) = u16::try_from(u32::from(c)) else {
        return false;
    };
    let ranges = inert_table::INERT_BMP;
    let i = ranges.partition_point(|&(start, _)| start <= cp);
    i > 0 && cp <= ranges[i - 1].1
}

/// The definition [`is_normalization_inert`]'s table is generated from.
#[cfg(test)]
fn inert_by_definition(c: char) -> bool {
    use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
    use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized};
    let starts_with_a_boundary = |decompose: fn(char, &mut dyn FnMut(char))| {
        let mut parts = Vec::new();
        decompose(c, &mut |d| parts.push(d));
        canonical_combining_class(parts[0]) == 0 && !composes_backward(parts[0])
    };
    starts_with_a_boundary(|c, f| decompose_canonical(c, f))
        && starts_with_a_boundary(|c, f| decompose_compatible(c, f))
        && canonical_combining_class(c) == 0
        && !composes_backward(c)
        && composites_starting_with(c).next().is_none()
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
        && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

#[cfg(test)]
mod inert_tests {
    use super::*;

    /// The table as ranges of code points, surrogates bridged.
    fn ranges_by_definition() -> Vec<(u16, u16)> {
        let mut ranges: Vec<(u16, u16)> = Vec::new();
        for cp in 0..=0xFFFFu16 {
            let inert = match char::from_u32(u32::from(cp)) {
                Some(c) => inert_by_definition(c),
                None => continue, // a surrogate: neither breaks nor starts a range
            };
            if !inert {
                continue;
            }
            match ranges.last_mut() {
                Some(last)
                    if (last.1 + 1..cp)
                        .all(|between| char::from_u32(u32::from(between)).is_none()) =>
                {
                    last.1 = cp
                }
                _ => ranges.push((cp, cp)),
            }
        }
        ranges
    }

    /// Fails when the unicode-normalization crate's Unicode version changes the facts;
    /// `NASS_REGENERATE=1 cargo test -p nass-core inert_table` rewrites the table.
    #[test]
    fn inert_table_matches_its_definition() {
        let ranges = ranges_by_definition();
        if std::env::var_os("NASS_REGENERATE").is_some() {
            let mut out = String::from(
                "//! Generated by `NASS_REGENERATE=1 cargo test -p nass-core inert_table` from the\n\
                 //! unicode-normalization crate: see `is_normalization_inert`. Do not edit.\n\n\
                 /// Inclusive ranges of inert code points below U+10000, sorted.\n\
                 pub(super) const INERT_BMP: &[(u16, u16)] = &[\n",
            );
            for (start, end) in &ranges {
                out.push_str(&format!("    (0x{start:04X}, 0x{end:04X}),\n"));
            }
            out.push_str("];\n");
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/unicode/inert_table.rs");
            std::fs::write(path, out).unwrap();
        }
        assert_eq!(
            inert_table::INERT_BMP,
            &ranges[..],
            "regenerate with NASS_REGENERATE=1 cargo test -p nass-core inert_table"
        );
        // Spot checks of the definition itself, by hand.
        assert!(inert_by_definition('ب') && inert_by_definition(' '));
        assert!(!inert_by_definition('ا') && !inert_by_definition('\u{0654}'));
        assert!(!inert_by_definition('\u{AC00}')); // 가: a final jamo composes with it
        assert!(inert_by_definition('\u{AC01}')); // 각: three jamo, complete
        assert!(!inert_by_definition('\u{00A0}')); // NBSP: NFKC maps it to a space
    }
}
