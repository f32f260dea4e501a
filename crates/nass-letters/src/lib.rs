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

pub mod lookup;
mod presentation_table;

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
        match self.fold_target(c) {
            Some((to, _)) => Some(to),
            None => None,
        }
    }

    /// What `c` folds to under this set, as a letter and as a static string.
    const fn fold_target(self, c: char) -> Option<(char, &'static str)> {
        let (fold, to, s) = match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' => (Self::ALEF_HAMZA, 'ا', "ا"),
            '\u{0671}' => (Self::ALEF_WASLA, 'ا', "ا"),
            '\u{0672}' | '\u{0673}' | '\u{0675}' => (Self::ALEF_OTHER, 'ا', "ا"),
            '\u{0649}' => (Self::ALEF_MAKSURA, 'ي', "ي"),
            '\u{06CC}' | '\u{06D0}' | '\u{06D2}' => (Self::FARSI_YA, 'ي', "ي"),
            '\u{06A9}' => (Self::KEHEH, 'ك', "ك"),
            '\u{0629}' => (Self::TEH_MARBUTA, 'ه', "ه"),
            '\u{0624}' => (Self::HAMZA_CARRIERS, 'و', "و"),
            '\u{0626}' => (Self::HAMZA_CARRIERS, 'ي', "ي"),
            '\u{06C0}' | '\u{06C1}' | '\u{06C2}' | '\u{06BE}' | '\u{06D5}' | '\u{06C3}' => {
                (Self::HEH_FORMS, 'ه', "ه")
            }
            _ => return None,
        };
        if self.contains(fold) {
            Some((to, s))
        } else {
            None
        }
    }

    /// What `c` becomes under this set and the hamza spelling, as a static string, or
    /// `None` when it is kept; presentation forms aside.
    fn fold_str(self, c: char, hamza: HamzaFold) -> Option<&'static str> {
        match hamza.replacement(c) {
            Some(r) => Some(r),
            None => match self.fold_target(c) {
                Some((_, s)) => Some(s),
                None => None,
            },
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
        self.action_with(c, HamzaFold::Tasheel)
    }

    /// What this set does to one code point with the hamza letters spelled as `hamza`
    /// says: with [`HamzaFold::Uniform`], a hamza letter becomes ء (آ becomes ءء) whatever
    /// the folds in the set, also inside a presentation form. (The uniform spelling's
    /// rule for an آ that starts a word needs the word: see [`spell_initial_hamza_alefs`].)
    ///
    /// ```
    /// use nass_core::CharAction;
    /// use nass_letters::{HamzaFold, LetterFolds};
    /// let all = LetterFolds::all();
    /// assert_eq!(all.action_with('أ', HamzaFold::Uniform), CharAction::Replace("ء".into()));
    /// assert_eq!(all.action_with('\u{FEF7}', HamzaFold::Uniform), CharAction::Replace("لء".into()));
    /// assert_eq!(all.action_with('أ', HamzaFold::Tasheel), CharAction::Replace("ا".into()));
    /// ```
    pub fn action_with(self, c: char, hamza: HamzaFold) -> CharAction {
        if let Some(r) = self.fold_str(c, hamza) {
            return CharAction::Replace(Cow::Borrowed(r));
        }
        if self.contains(Self::PRESENTATION_FORMS) {
            if let Some(base) = presentation_form_base(c) {
                // Static unless a letter of the base folds too (ﻷ to لا): then computed.
                if base.chars().all(|ch| self.fold_str(ch, hamza).is_none()) {
                    return CharAction::Replace(Cow::Borrowed(base));
                }
                let mut folded = String::with_capacity(base.len() + 2);
                for ch in base.chars() {
                    match self.fold_str(ch, hamza) {
                        Some(r) => folded.push_str(r),
                        None => folded.push(ch),
                    }
                }
                return CharAction::Replace(Cow::Owned(folded));
            }
        }
        CharAction::Keep
    }
}

/// How the hamza letters are spelled after folding: the two families PyArabic's
/// `normalize_hamza` offers.
///
/// - [`Tasheel`](Self::Tasheel) ("easing", the default) leaves the hamza letters to the
///   [`LetterFolds`]: [`ALEF_HAMZA`](LetterFolds::ALEF_HAMZA) writes آ أ إ as ا and
///   [`HAMZA_CARRIERS`](LetterFolds::HAMZA_CARRIERS) writes ؤ ئ as و ي.
/// - [`Uniform`](Self::Uniform) writes every hamza as the bare hamza ء, whatever the
///   letter folds say: أ إ ؤ ئ and the combining hamzas U+0654 U+0655 become ء, and
///   آ (a hamza and an alef) becomes ءء, except at the start of a word, where it becomes
///   ءا when the word has exactly three code points or its third code point is a shadda,
///   and its second is not one of the harakat U+064B–U+0650, U+0652 (see
///   [`initial_madda_is_hamza_alef`]). That is PyArabic 0.6.15's `uniform` method, with
///   "word" meaning a run of [`nass_diacritics::word::is_word_char`] (letters, numbers,
///   marks, tatweel and joiners; PyArabic applies its rule to the start
///   of whatever string it is given, meant to be one word).
///
/// ```
/// use nass_letters::{fold_hamza_uniform, HamzaFold};
/// assert_eq!(fold_hamza_uniform("سؤال الأئمة آجلا"), "سءال الءءمة ءءجلا");
/// assert_eq!(fold_hamza_uniform("آدم"), "ءادم");
/// assert_eq!(HamzaFold::default(), HamzaFold::Tasheel);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HamzaFold {
    /// The letter folds decide: آ أ إ to ا with [`LetterFolds::ALEF_HAMZA`], ؤ ئ to و ي
    /// with [`LetterFolds::HAMZA_CARRIERS`].
    #[default]
    Tasheel,
    /// Every hamza form and carrier to ء; آ to ءء (ءا at the start of some words).
    Uniform,
}

impl HamzaFold {
    /// Both families, in order.
    pub const ALL: [HamzaFold; 2] = [HamzaFold::Tasheel, HamzaFold::Uniform];

    /// The family's name: `tasheel` or `uniform`.
    ///
    /// ```
    /// assert_eq!(nass_letters::HamzaFold::Uniform.name(), "uniform");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            HamzaFold::Tasheel => "tasheel",
            HamzaFold::Uniform => "uniform",
        }
    }

    /// What the uniform spelling does to `c` away from the start of a word, or `None`
    /// for [`Tasheel`](Self::Tasheel) and for code points it keeps.
    ///
    /// ```
    /// use nass_letters::HamzaFold;
    /// assert_eq!(HamzaFold::Uniform.replacement('ؤ'), Some("ء"));
    /// assert_eq!(HamzaFold::Uniform.replacement('آ'), Some("ءء"));
    /// assert_eq!(HamzaFold::Uniform.replacement('ا'), None);
    /// assert_eq!(HamzaFold::Tasheel.replacement('ؤ'), None);
    /// ```
    pub const fn replacement(self, c: char) -> Option<&'static str> {
        match (self, c) {
            (HamzaFold::Uniform, '\u{0623}' | '\u{0624}' | '\u{0625}' | '\u{0626}')
            | (HamzaFold::Uniform, '\u{0654}' | '\u{0655}') => Some("\u{0621}"),
            (HamzaFold::Uniform, '\u{0622}') => Some("\u{0621}\u{0621}"),
            _ => None,
        }
    }
}

impl std::str::FromStr for HamzaFold {
    type Err = String;

    /// Parses `tasheel` or `uniform` (any case).
    ///
    /// ```
    /// use nass_letters::HamzaFold;
    /// assert_eq!("Uniform".parse::<HamzaFold>(), Ok(HamzaFold::Uniform));
    /// assert!("soft".parse::<HamzaFold>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        HamzaFold::ALL
            .into_iter()
            .find(|h| h.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown hamza fold '{s}' (expected one of: tasheel, uniform)"))
    }
}

/// Whether an آ that starts a word whose code points are `word` (آ first) is spelled ءا
/// by the uniform hamza spelling rather than ءء: the word's second code point is not one
/// of the harakat U+064B–U+0650, U+0652, and either the word has exactly three code
/// points or its third is a shadda.
///
/// ```
/// use nass_letters::initial_madda_is_hamza_alef;
/// assert!(initial_madda_is_hamza_alef("آدم"));
/// assert!(initial_madda_is_hamza_alef("آلّة"));
/// assert!(!initial_madda_is_hamza_alef("آجلا"));
/// assert!(!initial_madda_is_hamza_alef("آ"));
/// ```
pub fn initial_madda_is_hamza_alef(word: &str) -> bool {
    let mut chars = word.chars();
    if chars.next() != Some('\u{0622}') {
        return false;
    }
    let (Some(second), Some(third)) = (chars.next(), chars.next()) else {
        return false;
    };
    let haraka = matches!(second as u32, 0x064B..=0x0650 | 0x0652);
    !haraka && (third == '\u{0651}' || chars.next().is_none())
}

/// The byte offsets of the آ that start a word of `text` (after a code point that is not
/// a word character, [`nass_diacritics::word::is_word_char`], or at the start) and that
/// the uniform spelling writes ءا
/// ([`initial_madda_is_hamza_alef`]).
///
/// ```
/// assert_eq!(nass_letters::initial_hamza_alefs("آدم و آجلا وآخر"), vec![0]);
/// ```
pub fn initial_hamza_alefs(text: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut start = 0;
    for piece in text.split(|c: char| !nass_diacritics::word::is_word_char(c)) {
        if initial_madda_is_hamza_alef(piece) {
            found.push(start);
        }
        start += piece.len();
        // The separator that ended the piece.
        start += text[start..].chars().next().map_or(0, char::len_utf8);
    }
    found
}

/// `text` with its word-initial آ that the uniform spelling writes ءا spelled so
/// ([`initial_hamza_alefs`]); borrows when there is none.
///
/// ```
/// assert_eq!(nass_letters::spell_initial_hamza_alefs("آدم آجلا"), "ءادم آجلا");
/// ```
pub fn spell_initial_hamza_alefs(text: &str) -> Cow<'_, str> {
    if !text.contains('\u{0622}') {
        return Cow::Borrowed(text);
    }
    let at = initial_hamza_alefs(text);
    if at.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2 * at.len());
    let mut from = 0;
    for a in at {
        out.push_str(&text[from..a]);
        out.push_str("\u{0621}\u{0627}");
        from = a + '\u{0622}'.len_utf8();
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// PyArabic's `uniform` hamza spelling ([`HamzaFold::Uniform`]) alone: every hamza
/// form and carrier to ء, آ to ءء, or ءا at the start of some words.
///
/// ```
/// assert_eq!(nass_letters::fold_hamza_uniform("مسؤول رئيس إسلام"), "مسءول رءيس ءسلام");
/// ```
pub fn fold_hamza_uniform(text: &str) -> Cow<'_, str> {
    match spell_initial_hamza_alefs(text) {
        Cow::Borrowed(t) => fold_hamza_chars(t),
        Cow::Owned(t) => Cow::Owned(fold_hamza_chars(&t).into_owned()),
    }
}

fn fold_hamza_chars(text: &str) -> Cow<'_, str> {
    nass_core::map_chars(text, |c| match HamzaFold::Uniform.replacement(c) {
        Some(r) => CharAction::Replace(r.into()),
        None => CharAction::Keep,
    })
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
/// Read from a generated table (`presentation_table.rs`), so nothing is allocated.
///
/// ```
/// use nass_letters::presentation_form_base;
/// assert_eq!(presentation_form_base('\u{FE8E}').as_deref(), Some("ا")); // alef final form
/// assert_eq!(presentation_form_base('\u{FEF7}').as_deref(), Some("لأ")); // lam-alef with hamza
/// assert_eq!(presentation_form_base('\u{FDFD}'), None);
/// assert_eq!(presentation_form_base('ا'), None);
/// ```
pub fn presentation_form_base(c: char) -> Option<&'static str> {
    if !is_presentation_form(c) {
        return None;
    }
    presentation_table::BASES
        .binary_search_by_key(&c, |&(form, _)| form)
        .ok()
        .map(|k| presentation_table::BASES[k].1)
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

/// Ranges that hold every code point the uniform hamza spelling changes
/// ([`HamzaFold::replacement`]). Sorted.
///
/// ```
/// use nass_letters::{HamzaFold, HAMZA_RANGES};
/// assert!(HAMZA_RANGES.iter().any(|r| r.contains(&'\u{0654}')));
/// assert_eq!(HamzaFold::Uniform.replacement('ب'), None);
/// ```
pub const HAMZA_RANGES: &[RangeInclusive<char>] =
    &['\u{0622}'..='\u{0626}', '\u{0654}'..='\u{0655}'];

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
    fn hamza_uniform_table() {
        // Checked against PyArabic 0.6.15's normalize_hamza(word) (method "uniform"),
        // and by hand against its rule.
        let table: &[(&str, &str)] = &[
            ("سؤال", "سءال"),
            ("آدم", "ءادم"),
            ("آخر", "ءاخر"),
            ("آلّة", "ءالّة"),
            ("آجلا", "ءءجلا"),
            ("آمن", "ءامن"),
            ("آمَن", "ءءمَن"),
            ("آَمن", "ءءَمن"),
            ("مآذن", "مءءذن"),
            ("قرآن", "قرءءن"),
            ("أأنت", "ءءنت"),
            ("إسلام", "ءسلام"),
            ("رئيس", "رءيس"),
            ("ا\u{0654}", "اء"),
            ("ا\u{0655}", "اء"),
            ("ءامن", "ءامن"),
            ("آ", "ءء"),
            ("آب", "ءءب"),
            ("آدمُ", "ءءدمُ"),
            ("آلاف", "ءءلاف"),
            ("يشاء", "يشاء"),
            ("مسؤولية", "مسءولية"),
        ];
        for (input, want) in table {
            assert_eq!(fold_hamza_uniform(input), *want, "{input}");
        }
        // Word by word in running text: every word's initial آ is judged on its own.
        assert_eq!(
            fold_hamza_uniform("قال آدم: «آمن» و(آخر)، آجلا وآخر"),
            "قال ءادم: «ءامن» و(ءاخر)، ءءجلا وءءخر"
        );
    }

    /// The definition of the generated presentation-form table: NFKC of every code point
    /// of the two presentation-form blocks that it changes.
    fn presentation_bases_by_definition() -> Vec<(char, String)> {
        use unicode_normalization::UnicodeNormalization;
        (0xFB50..=0xFDFFu32)
            .chain(0xFE70..=0xFEFF)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let base: String = std::iter::once(c).nfkc().collect();
                (!base.chars().eq(std::iter::once(c))).then_some((c, base))
            })
            .collect()
    }

    /// Fails when the unicode-normalization crate's Unicode version changes the bases;
    /// `NASS_REGENERATE=1 cargo test -p nass-letters presentation_table` rewrites it.
    #[test]
    fn presentation_table_matches_its_definition() {
        let want = presentation_bases_by_definition();
        if std::env::var_os("NASS_REGENERATE").is_some() {
            let mut out = String::from(
                "//! Generated by `NASS_REGENERATE=1 cargo test -p nass-letters presentation_table`\n\
                 //! from the unicode-normalization crate: see\n\
                 //! `presentation_bases_by_definition`. Do not edit.\n\n\
                 /// Every Arabic presentation form that NFKC changes, with what NFKC makes of it,\n\
                 /// sorted.\n\
                 pub(crate) const BASES: &[(char, &str)] = &[\n",
            );
            for (c, base) in &want {
                let escaped: String = base
                    .chars()
                    .map(|d| format!("\\u{{{:04X}}}", u32::from(d)))
                    .collect();
                out.push_str(&format!(
                    "    ('\\u{{{:04X}}}', \"{escaped}\"),\n",
                    u32::from(*c)
                ));
            }
            out.push_str("];\n");
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/presentation_table.rs");
            std::fs::write(path, out).unwrap();
        }
        let got: Vec<(char, String)> = presentation_table::BASES
            .iter()
            .map(|&(c, b)| (c, b.to_string()))
            .collect();
        assert_eq!(
            got, want,
            "regenerate with NASS_REGENERATE=1 cargo test -p nass-letters presentation_table"
        );
        // By hand: the lam-alef ligature, a final alef, the Allah ligature.
        assert_eq!(presentation_form_base('\u{FEFB}'), Some("لا"));
        assert_eq!(presentation_form_base('\u{FE8E}'), Some("ا"));
        assert_eq!(presentation_form_base('\u{FDF2}'), Some("الله"));
    }

    #[test]
    fn hamza_ranges_hold_every_change() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if !HAMZA_RANGES.iter().any(|r| r.contains(&c)) {
                assert_eq!(HamzaFold::Uniform.replacement(c), None, "{c:?}");
            }
        }
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
