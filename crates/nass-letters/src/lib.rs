//! Arabic letter unification: alef forms, alef maksura and ya (Farsi ya too), teh
//! marbuta, hamza carriers, keheh, Persian and Urdu heh forms, presentation forms.
//!
//! ```
//! use nass_letters::{fold_letters, LetterFolds};
//!
//! assert_eq!(fold_letters("إلى مدرسة القرية", LetterFolds::all()), "الي مدرسه القريه");
//! // Only the alef forms:
//! assert_eq!(fold_letters("أحمد إبراهيم", LetterFolds::ALEF_HAMZA), "احمد ابراهيم");
//! ```
//!
//! Each fold is one bit of [`LetterFolds`]:
//!
//! | fold | from | to |
//! |---|---|---|
//! | [`ALEF_HAMZA`](LetterFolds::ALEF_HAMZA) | آ أ إ (U+0622 U+0623 U+0625) | ا |
//! | [`ALEF_WASLA`](LetterFolds::ALEF_WASLA) | ٱ (U+0671) | ا |
//! | [`ALEF_OTHER`](LetterFolds::ALEF_OTHER) | ٲ ٳ ٵ (U+0672 U+0673 U+0675) | ا |
//! | [`ALEF_MAKSURA`](LetterFolds::ALEF_MAKSURA) | ى (U+0649) | ي |
//! | [`FARSI_YA`](LetterFolds::FARSI_YA) | ی ې ے (U+06CC U+06D0 U+06D2) | ي |
//! | [`KEHEH`](LetterFolds::KEHEH) | ک (U+06A9) | ك |
//! | [`TEH_MARBUTA`](LetterFolds::TEH_MARBUTA) | ة (U+0629) | ه |
//! | [`HAMZA_CARRIERS`](LetterFolds::HAMZA_CARRIERS) | ؤ (U+0624), ئ (U+0626) | و, ي |
//! | [`HEH_FORMS`](LetterFolds::HEH_FORMS) | ۀ ہ ۂ ھ ە ۃ (U+06C0 U+06C1 U+06C2 U+06BE U+06D5, and Urdu's teh marbuta goal U+06C3) | ه |
//! | [`PRESENTATION_FORMS`](LetterFolds::PRESENTATION_FORMS) | U+FB50–U+FDFF, U+FE70–U+FEFF | their NFKC decomposition, composed |
//!
//! The folds work on code points as they stand: a letter spelled with a combining hamza
//! (ي + U+0654) is two code points here. `nass-normalize` composes such sequences first
//! and runs every fold in one pass. [`ACTION_RANGES`] holds every code point a fold can
//! change, so that a table builder need ask about no other. [`lookup`] is the fold
//! words are looked up in fixed lists by.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::ops::RangeInclusive;

use nass_core::CharAction;
use unicode_normalization::UnicodeNormalization;

pub mod lookup;

bitflags::bitflags! {
    /// A set of letter folds.
    ///
    /// ```
    /// use nass_letters::LetterFolds;
    /// let lucene = LetterFolds::ALEF_HAMZA | LetterFolds::ALEF_MAKSURA | LetterFolds::TEH_MARBUTA;
    /// assert_eq!(lucene.fold_char('ٱ'), None); // Lucene leaves alef wasla alone
    /// assert_eq!(lucene.fold_char('ى'), Some('ي'));
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct LetterFolds: u16 {
        /// آ أ إ to ا.
        const ALEF_HAMZA = 1 << 0;
        /// ٱ (alef wasla) to ا.
        const ALEF_WASLA = 1 << 1;
        /// ٲ ٳ ٵ (alef with wavy hamza above or below, high hamza alef) to ا.
        const ALEF_OTHER = 1 << 2;
        /// ى (alef maksura) to ي.
        const ALEF_MAKSURA = 1 << 3;
        /// Farsi and Urdu ya forms ی ې ے to ي.
        const FARSI_YA = 1 << 4;
        /// ک (keheh) to ك.
        const KEHEH = 1 << 5;
        /// ة (teh marbuta) to ه.
        const TEH_MARBUTA = 1 << 6;
        /// ؤ to و and ئ to ي.
        const HAMZA_CARRIERS = 1 << 7;
        /// Persian and Urdu heh forms ۀ ہ ۂ ھ ە, and Urdu's teh marbuta goal ۃ, to ه.
        const HEH_FORMS = 1 << 8;
        /// Arabic presentation forms (ligatures and contextual forms) to their base letters.
        const PRESENTATION_FORMS = 1 << 9;
    }
}

impl LetterFolds {
    /// Every alef fold: [`ALEF_HAMZA`](Self::ALEF_HAMZA), [`ALEF_WASLA`](Self::ALEF_WASLA)
    /// and [`ALEF_OTHER`](Self::ALEF_OTHER).
    pub const ALEF: Self = Self::ALEF_HAMZA
        .union(Self::ALEF_WASLA)
        .union(Self::ALEF_OTHER);

    /// The single letter `c` folds to under this set, or `None` if no fold in the set
    /// applies. Presentation forms are not single letters: see [`presentation_form_base`].
    ///
    /// ```
    /// use nass_letters::LetterFolds;
    /// assert_eq!(LetterFolds::all().fold_char('ة'), Some('ه'));
    /// assert_eq!(LetterFolds::ALEF.fold_char('ة'), None);
    /// assert_eq!(LetterFolds::all().fold_char('ب'), None);
    /// ```
    pub const fn fold_char(self, c: char) -> Option<char> {
        let (fold, to) = match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' => (Self::ALEF_HAMZA, 'ا'),
            '\u{0671}' => (Self::ALEF_WASLA, 'ا'),
            '\u{0672}' | '\u{0673}' | '\u{0675}' => (Self::ALEF_OTHER, 'ا'),
            '\u{0649}' => (Self::ALEF_MAKSURA, 'ي'),
            '\u{06CC}' | '\u{06D0}' | '\u{06D2}' => (Self::FARSI_YA, 'ي'),
            '\u{06A9}' => (Self::KEHEH, 'ك'),
            '\u{0629}' => (Self::TEH_MARBUTA, 'ه'),
            '\u{0624}' => (Self::HAMZA_CARRIERS, 'و'),
            '\u{0626}' => (Self::HAMZA_CARRIERS, 'ي'),
            '\u{06C0}' | '\u{06C1}' | '\u{06C2}' | '\u{06BE}' | '\u{06D5}' | '\u{06C3}' => {
                (Self::HEH_FORMS, 'ه')
            }
            _ => return None,
        };
        if self.contains(fold) {
            Some(to)
        } else {
            None
        }
    }

    /// What this set does to one code point: the primitive that [`fold_letters`] and
    /// `nass-normalize` apply.
    ///
    /// ```
    /// use nass_core::CharAction;
    /// use nass_letters::LetterFolds;
    /// assert_eq!(LetterFolds::all().action('أ'), CharAction::Replace("ا".into()));
    /// assert_eq!(LetterFolds::all().action('\u{FEFB}'), CharAction::Replace("لا".into()));
    /// assert_eq!(LetterFolds::empty().action('أ'), CharAction::Keep);
    /// ```
    pub fn action(self, c: char) -> CharAction {
        if let Some(to) = self.fold_char(c) {
            return CharAction::Replace(to.to_string());
        }
        if self.contains(Self::PRESENTATION_FORMS) {
            if let Some(base) = presentation_form_base(c) {
                let folded = base.chars().map(|ch| self.fold_char(ch).unwrap_or(ch));
                return CharAction::Replace(folded.collect());
            }
        }
        CharAction::Keep
    }
}

/// Whether `c` is in one of the Arabic presentation-form blocks (U+FB50–U+FDFF,
/// U+FE70–U+FEFF).
///
/// ```
/// assert!(nass_letters::is_presentation_form('\u{FEFB}')); // lam-alef ligature
/// assert!(!nass_letters::is_presentation_form('ل'));
/// ```
pub const fn is_presentation_form(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// The base letters of an Arabic presentation form, with NFKC's meaning (the
/// compatibility decomposition, canonically composed), or `None` if `c` is not a
/// presentation form or has no decomposition (U+FDFD, the basmala ligature, has none).
///
/// ```
/// use nass_letters::presentation_form_base;
/// assert_eq!(presentation_form_base('\u{FE8E}').as_deref(), Some("ا")); // alef final form
/// assert_eq!(presentation_form_base('\u{FEF7}').as_deref(), Some("لأ")); // lam-alef with hamza
/// assert_eq!(presentation_form_base('\u{FDFD}'), None);
/// assert_eq!(presentation_form_base('ا'), None);
/// ```
pub fn presentation_form_base(c: char) -> Option<String> {
    if !is_presentation_form(c) {
        return None;
    }
    let base: String = std::iter::once(c).nfkc().collect();
    if base.chars().eq(std::iter::once(c)) {
        None
    } else {
        Some(base)
    }
}

/// Ranges that hold every code point [`LetterFolds::action`] can change, for any set of
/// folds: outside them it is always [`CharAction::Keep`], so a table builder need not ask
/// about the rest. Sorted; a test holds the list to the folds.
///
/// ```
/// use nass_core::CharAction;
/// use nass_letters::{LetterFolds, ACTION_RANGES};
/// assert!(ACTION_RANGES.iter().any(|r| r.contains(&'أ')));
/// assert!(!ACTION_RANGES.iter().any(|r| r.contains(&'ب')));
/// assert_eq!(LetterFolds::all().action('ب'), CharAction::Keep);
/// ```
pub const ACTION_RANGES: &[RangeInclusive<char>] = &[
    '\u{0622}'..='\u{0626}',
    '\u{0629}'..='\u{0629}',
    '\u{0649}'..='\u{0649}',
    '\u{0671}'..='\u{0675}',
    '\u{06A9}'..='\u{06A9}',
    '\u{06BE}'..='\u{06BE}',
    '\u{06C0}'..='\u{06C3}',
    '\u{06CC}'..='\u{06CC}',
    '\u{06D0}'..='\u{06D2}',
    '\u{06D5}'..='\u{06D5}',
    '\u{FB50}'..='\u{FDFF}',
    '\u{FE70}'..='\u{FEFF}',
];

/// Applies the folds in `folds` to every code point; borrows when nothing changes.
///
/// ```
/// use nass_letters::{fold_letters, LetterFolds};
/// assert_eq!(fold_letters("مسئول", LetterFolds::HAMZA_CARRIERS), "مسيول");
/// assert_eq!(fold_letters("کتاب", LetterFolds::KEHEH), "كتاب");
/// ```
pub fn fold_letters(text: &str, folds: LetterFolds) -> Cow<'_, str> {
    nass_core::map_chars(text, |c| folds.action(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        let all = LetterFolds::all();
        let table: &[(&str, &str, LetterFolds, &str)] = &[
            ("alef hamza above", "أمل", LetterFolds::ALEF_HAMZA, "امل"),
            ("alef hamza below", "إسلام", LetterFolds::ALEF_HAMZA, "اسلام"),
            ("alef madda", "آخر", LetterFolds::ALEF_HAMZA, "اخر"),
            (
                "wasla kept by ALEF_HAMZA",
                "ٱلله",
                LetterFolds::ALEF_HAMZA,
                "ٱلله",
            ),
            ("wasla", "ٱلله", LetterFolds::ALEF_WASLA, "الله"),
            ("wavy hamza alef", "\u{0672}", LetterFolds::ALEF_OTHER, "ا"),
            ("maksura", "مستشفى", LetterFolds::ALEF_MAKSURA, "مستشفي"),
            ("farsi ya", "ایران", LetterFolds::FARSI_YA, "ايران"),
            ("yeh barree", "\u{06D2}", LetterFolds::FARSI_YA, "ي"),
            ("keheh", "کرد", LetterFolds::KEHEH, "كرد"),
            ("teh marbuta", "مدينة", LetterFolds::TEH_MARBUTA, "مدينه"),
            (
                "teh marbuta goal is not Arabic teh marbuta",
                "\u{06C3}",
                LetterFolds::TEH_MARBUTA,
                "\u{06C3}",
            ),
            (
                "teh marbuta goal is an Urdu heh form",
                "\u{06C3}",
                LetterFolds::HEH_FORMS,
                "ه",
            ),
            ("waw hamza", "مؤتمر", LetterFolds::HAMZA_CARRIERS, "موتمر"),
            ("ya hamza", "رئيس", LetterFolds::HAMZA_CARRIERS, "رييس"),
            ("heh doachashmee", "\u{06BE}", LetterFolds::HEH_FORMS, "ه"),
            ("ae", "\u{06D5}", LetterFolds::HEH_FORMS, "ه"),
            (
                "lam alef ligature",
                "\u{FEFB}",
                LetterFolds::PRESENTATION_FORMS,
                "لا",
            ),
            (
                "beh initial form",
                "\u{FE91}",
                LetterFolds::PRESENTATION_FORMS,
                "ب",
            ),
            (
                "allah ligature",
                "\u{FDF2}",
                LetterFolds::PRESENTATION_FORMS,
                "الله",
            ),
            ("lam alef hamza then alef fold", "\u{FEF7}", all, "لا"),
            ("nothing to do", "كتب", all, "كتب"),
            ("latin untouched", "Baghdad 2024", all, "Baghdad 2024"),
        ];
        for (name, input, folds, want) in table {
            assert_eq!(fold_letters(input, *folds), *want, "{name}");
        }
    }

    #[test]
    fn presentation_forms_with_all_folds_end_in_folded_letters() {
        // fold_letters applies the presentation fold and then the letter folds to its
        // result: "لأ" from U+FEF7 becomes "لا" only if ALEF_HAMZA is in the set.
        assert_eq!(
            fold_letters("\u{FEF7}", LetterFolds::PRESENTATION_FORMS),
            "لأ"
        );
    }

    #[test]
    fn action_ranges_hold_every_change() {
        let mut sets: Vec<LetterFolds> = LetterFolds::all().iter().collect();
        sets.push(LetterFolds::all());
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if ACTION_RANGES.iter().any(|r| r.contains(&c)) {
                continue;
            }
            for &folds in &sets {
                assert_eq!(folds.action(c), CharAction::Keep, "{c:?}");
            }
        }
        assert!(ACTION_RANGES.windows(2).all(|w| w[0].end() < w[1].start()));
    }

    #[test]
    fn every_fold_target_is_a_fixed_point() {
        let all = LetterFolds::all();
        for cp in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if let Some(to) = all.fold_char(c) {
                assert_eq!(all.fold_char(to), None, "U+{cp:04X}");
            }
        }
    }
}
