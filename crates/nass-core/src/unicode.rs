//! Composition facts from the Unicode Character Database, as the
//! `unicode-normalization` crate implements it.
//!
//! ```
//! use nass_core::unicode::{composes_backward, composites_starting_with};
//! assert!(composes_backward('\u{0654}')); // hamza above: ا + ٔ = أ
//! assert!(!composes_backward('\u{064E}')); // fatha never composes
//! assert!(composites_starting_with('ا').any(|c| c == 'أ'));
//! ```

use std::ops::RangeInclusive;

mod composition_table;
mod inert_table;

/// Every primary composition as the unicode-normalization crate composes: the code
/// points that are the second element of one (sorted, deduplicated), and `(first,
/// composite)` for each (sorted). The definition the generated composition table is
/// checked against.
#[cfg(test)]
fn compositions_by_definition() -> (Vec<char>, Vec<(char, char)>) {
    use unicode_normalization::char::{compose, decompose_canonical};
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
    (seconds, pairs)
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
    composition_table::SECONDS.binary_search(&c).is_ok()
}

/// The primary composites whose canonical decomposition starts with `first`.
///
/// ```
/// let mut from_waw: Vec<char> = nass_core::unicode::composites_starting_with('و').collect();
/// assert_eq!(from_waw, vec!['ؤ']);
/// ```
pub fn composites_starting_with(first: char) -> impl Iterator<Item = char> {
    let pairs = composition_table::PAIRS;
    let start = pairs.partition_point(|&(f, _)| f < first);
    pairs[start..]
        .iter()
        .take_while(move |&&(f, _)| f == first)
        .map(|&(_, composite)| composite)
        .chain(hangul_composites_starting_with(first))
}

const HANGUL_S_BASE: u32 = 0xAC00;
const HANGUL_L_BASE: u32 = 0x1100;
const HANGUL_L_COUNT: u32 = 19;
const HANGUL_V_COUNT: u32 = 21;
const HANGUL_T_COUNT: u32 = 28;
const HANGUL_S_COUNT: u32 = HANGUL_L_COUNT * HANGUL_V_COUNT * HANGUL_T_COUNT;

fn is_hangul_syllable(c: char) -> bool {
    (HANGUL_S_BASE..HANGUL_S_BASE + HANGUL_S_COUNT).contains(&u32::from(c))
}

/// The Hangul syllables that compose from `first`, by the algorithm of Unicode's section
/// 3.12 (the generated table leaves them out): a leading jamo L gives the 21 syllables LV,
/// a syllable LV gives the 27 syllables LVT; anything else gives none.
fn hangul_composites_starting_with(first: char) -> impl Iterator<Item = char> {
    let cp = u32::from(first);
    let (start, step, count) = if (HANGUL_L_BASE..HANGUL_L_BASE + HANGUL_L_COUNT).contains(&cp) {
        let lv = HANGUL_S_BASE + (cp - HANGUL_L_BASE) * HANGUL_V_COUNT * HANGUL_T_COUNT;
        (lv, HANGUL_T_COUNT, HANGUL_V_COUNT)
    } else if is_hangul_syllable(first) && (cp - HANGUL_S_BASE) % HANGUL_T_COUNT == 0 {
        (cp + 1, 1, HANGUL_T_COUNT - 1)
    } else {
        (0, 0, 0)
    };
    (0..count).filter_map(move |i| char::from_u32(start + i * step))
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

/// The code points [`is_normalization_inert`] holds, as sorted, disjoint inclusive ranges
/// (all below U+10000). A range may span the surrogates, which are not chars: iterating it
/// skips them.
///
/// ```
/// use nass_core::unicode::{is_normalization_inert, normalization_inert_ranges};
/// let arabic = normalization_inert_ranges().find(|r| r.contains(&'ب')).unwrap();
/// assert!(arabic.clone().all(is_normalization_inert));
/// assert!(!normalization_inert_ranges().any(|r| r.contains(&'ا')));
/// ```
pub fn normalization_inert_ranges() -> impl Iterator<Item = RangeInclusive<char>> + Clone {
    inert_table::INERT_BMP.iter().map(|&(start, end)| {
        let ch = |cp: u16| char::from_u32(u32::from(cp)).unwrap_or(char::REPLACEMENT_CHARACTER);
        ch(start)..=ch(end)
    })
}

/// The definition [`is_normalization_inert`]'s table is generated from.
#[cfg(test)]
fn inert_by_definition(c: char) -> bool {
    use unicode_normalization::char::{
        canonical_combining_class, decompose_canonical, decompose_compatible,
    };
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
mod generated_tables {
    use super::*;

    fn char_literal(c: char) -> String {
        format!("'\\u{{{:04X}}}'", u32::from(c))
    }

    /// Fails when the unicode-normalization crate's Unicode version changes the facts;
    /// `NASS_REGENERATE=1 cargo test -p nass-core composition_table` rewrites the table.
    #[test]
    fn composition_table_matches_its_definition() {
        let (seconds, all_pairs) = compositions_by_definition();
        let pairs: Vec<(char, char)> = all_pairs
            .iter()
            .copied()
            .filter(|&(_, composite)| !is_hangul_syllable(composite))
            .collect();
        if std::env::var_os("NASS_REGENERATE").is_some() {
            let mut out = String::from(
                "//! Generated by `NASS_REGENERATE=1 cargo test -p nass-core composition_table`\n\
                 //! from the unicode-normalization crate: see `compositions_by_definition`. Do\n\
                 //! not edit.\n\n\
                 /// Code points that are the second element of some primary composition, sorted.\n\
                 pub(super) const SECONDS: &[char] = &[\n",
            );
            for &c in &seconds {
                out.push_str(&format!("    {},\n", char_literal(c)));
            }
            out.push_str(
                "];\n\n\
                 /// `(first, composite)` for every primary composition but the Hangul syllables\n\
                 /// (composed by their algorithm), sorted.\n\
                 pub(super) const PAIRS: &[(char, char)] = &[\n",
            );
            for &(first, composite) in &pairs {
                out.push_str(&format!(
                    "    ({}, {}),\n",
                    char_literal(first),
                    char_literal(composite)
                ));
            }
            out.push_str("];\n");
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/unicode/composition_table.rs"
            );
            std::fs::write(path, out).unwrap();
        }
        let regenerate =
            "regenerate with NASS_REGENERATE=1 cargo test -p nass-core composition_table";
        assert_eq!(composition_table::SECONDS, &seconds[..], "{regenerate}");
        assert_eq!(composition_table::PAIRS, &pairs[..], "{regenerate}");
        // With the Hangul syllables, composed by their algorithm, every composition.
        let mut by_first = all_pairs.iter().peekable();
        for cp in 0..0x30000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut want = Vec::new();
            while let Some(&(_, composite)) = by_first.next_if(|&&(f, _)| f == c) {
                want.push(composite);
            }
            assert_eq!(
                composites_starting_with(c).collect::<Vec<_>>(),
                want,
                "U+{cp:04X}"
            );
        }
        assert!(by_first.next().is_none());
        // Spot checks by hand: ا + U+0654 = أ, و + U+0654 = ؤ, e + U+0301 = é.
        assert!(composes_backward('\u{0654}') && composes_backward('\u{0301}'));
        assert!(!composes_backward('\u{064E}') && !composes_backward('ا'));
        assert!(composites_starting_with('ا').eq(['آ', 'أ', 'إ']));
        assert!(composites_starting_with('e').any(|c| c == 'é'));
    }

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
        // Ranges start and end at chars (a surrogate never starts or ends one).
        assert!(normalization_inert_ranges().eq(ranges
            .iter()
            .map(|&(s, e)| char::from_u32(s.into()).unwrap()..=char::from_u32(e.into()).unwrap())));
        // Spot checks of the definition itself, by hand.
        assert!(inert_by_definition('ب') && inert_by_definition(' '));
        assert!(!inert_by_definition('ا') && !inert_by_definition('\u{0654}'));
        assert!(!inert_by_definition('\u{AC00}')); // 가: a final jamo composes with it
        assert!(inert_by_definition('\u{AC01}')); // 각: three jamo, complete
        assert!(!inert_by_definition('\u{00A0}')); // NBSP: NFKC maps it to a space
    }
}
