//! One fused pass that normalizes Arabic text, with presets and alignment back to the
//! original.
//!
//! ```
//! use nass_normalize::{Normalizer, Preset};
//!
//! let search = Normalizer::from_preset(Preset::Search);
//! assert_eq!(search.normalize("أعلنَ الجيشُ العراقيُّ أنَّ بغـــداد"), "اعلن الجيش العراقي ان بغداد");
//!
//! // Spans found in normalized text map back to the original bytes.
//! let text = "وقالَ المتحدِّثُ";
//! let (norm, alignment) = search.normalize_aligned(text);
//! assert_eq!(norm, "وقال المتحدث");
//! let word = norm.find("المتحدث").unwrap();
//! let span = alignment.original_range(word..word + "المتحدث".len());
//! assert_eq!(&text[span], "المتحدِّثُ");
//! ```
//!
//! A [`Normalizer`] is built once from its operations (each on or off) into a table of
//! every code point's action; [`Normalizer::normalize`] is then one pass over the bytes:
//! ASCII runs are skipped a word at a time, each other code point is one table lookup,
//! and runs of unchanged text are copied in bulk (or not at all: the result borrows when
//! nothing changes). Building the table asks only about the code points that the enabled
//! operations or the Unicode normalization can touch (a few thousand; every other one is
//! kept), so it takes a millisecond or two.
//!
//! # Operations
//!
//! | operation | builder method | what it does |
//! |---|---|---|
//! | Unicode | [`unicode`](NormalizerBuilder::unicode) | none, NFC or NFKC, applied first |
//! | ligatures | [`spell_out_ligatures`](NormalizerBuilder::spell_out_ligatures) | before Unicode normalization, U+FDFC RIAL SIGN becomes ريال (Arabic yeh, where NFKC gives Farsi yeh) and U+FDFD, the basmala ligature (which NFKC leaves alone), becomes بسم الله الرحمن الرحيم, as CAMeL Tools does |
//! | letters | [`letters`](NormalizerBuilder::letters) | the [`LetterFolds`] in the set: alef forms, alef maksura, Farsi ya, keheh, teh marbuta, hamza carriers, heh forms, presentation forms |
//! | diacritics | [`diacritics`](NormalizerBuilder::diacritics) | removes the [`Diacritics`] classes in the set |
//! | tatweel | [`tatweel`](NormalizerBuilder::tatweel) | removes U+0640 |
//! | invisibles | [`invisibles`](NormalizerBuilder::invisibles) | removes format controls ([`is_invisible_control`]) and maps Unicode spaces ([`is_unicode_space`]) to U+0020; line breaks are never touched |
//! | digits | [`digits`](NormalizerBuilder::digits), [`all_decimal_digits`](NormalizerBuilder::all_decimal_digits) | converts ASCII, Arabic-Indic and Persian digits to one [`DigitSet`], with ٫ ٬ ٪ and `.` `,` `%` between or after digits; optionally every Unicode decimal digit to ASCII |
//! | elongation | [`elongation`](NormalizerBuilder::elongation) | after everything else, a run of three or more of the same Arabic letter with nothing between them becomes one letter (كتييير to كتير, هههه to ه), except exactly three ت (تتتبع, the imperfect of forms V and VI); two in a row (الله، ممتاز) and a letter carrying a mark (محمّد) are never touched; digits, punctuation and other scripts neither. Off in every preset |
//!
//! # Presets
//!
//! | preset | Unicode | letters | diacritics | tatweel | invisibles | ligatures | digits |
//! |---|---|---|---|---|---|---|---|
//! | `search` | NFKC | all | all classes | removed | removed | spelled out | every decimal digit to ASCII |
//! | `camel` | NFKC | alef (أ إ آ ٱ), ى, ة | U+064B–U+0652, U+0670 | kept | kept | spelled out | kept |
//! | `lucene` | none | alef (أ إ آ), ى, ة | U+064B–U+0652 | removed | kept | kept | kept |
//! | `display` | NFC | presentation forms | kept | removed | removed | kept | kept |
//!
//! - `search` is the most aggressive fold, for indexing and matching.
//! - `camel` gives CAMeL Tools 1.6's usual chain (`normalize_unicode`, `dediac_ar`,
//!   `normalize_alef_ar`, `normalize_alef_maksura_ar`, `normalize_teh_marbuta_ar`) byte for
//!   byte, in every case. CAMeL runs each step once, NFKC first, so where a letter it folds
//!   afterwards is followed by a combining hamza or madda (ى + U+0654, ٱ + U+0653) its
//!   output keeps the uncomposed pair (ي + U+0654, ا + U+0653), which is not in NFKC; so
//!   does this preset, which runs one round of the reference where the others run rounds
//!   until nothing changes. It is therefore the one preset that is not idempotent, in
//!   that corner only: normalizing its output again composes the pair (ئ, آ then ا), as
//!   CAMeL's chain run twice does ([`Normalizer::is_idempotent`]).
//! - `lucene` gives Lucene's `ArabicNormalizer` exactly: no Unicode normalization, alef
//!   with hamza or madda to alef (not alef wasla), alef maksura to yeh, teh marbuta to heh,
//!   tatweel and U+064B–U+0652 removed.
//! - `display` is safe for text shown to people: diacritics are kept. It removes ZWNJ, which
//!   Persian spelling uses inside words; turn [`invisibles`](NormalizerBuilder::invisibles)
//!   off for Persian text.
//!
//! # Meaning
//!
//! The result is defined by a slow, obviously correct reference,
//! [`Normalizer::reference`]: spell out the ligatures (if asked), apply the Unicode
//! normalization, then each enabled per-character operation in the order of the table
//! above; repeat until nothing changes. One round is enough for almost every text; a second
//! is needed only where an operation brings together what normalization composes (a
//! tatweel removed between alef and a combining hamza, ا + ـ + U+0654, leaves ا + U+0654,
//! which is أ). Collapsing elongation, when on, comes last, once: it only removes letters
//! from runs of letters, which composes nothing and makes no new run. So the result is
//! always in the chosen Unicode normal form, and normalizing is idempotent for every set
//! of operations, except with the `camel` preset, which runs a single round as CAMeL does
//! (see its entry above). The fast path gives byte-identical output to
//! the reference on every input: code points whose result depends on their neighbours
//! (combining hamza and madda, marks out of canonical order, anything whose normalization is
//! not local) are handed to the reference in small windows that start and end at code
//! points nothing can combine across. A differential property test and a fuzz target hold
//! the two together.
//!
//! Because Unicode normalization comes first, a letter spelled with a combining mark is one
//! letter by the time the operations see it: with NFC, ي + U+0654 is ئ, and removing
//! diacritics leaves it ئ; only the hamza fold turns it into ي. With [`UnicodeForm::None`]
//! nothing is composed, and U+0654 is an ordinary mark of class
//! [`Diacritics::OTHER_MARKS`].
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use nass_core::{AlignmentBuilder, NoSink, Table};

pub use nass_core::Alignment;
pub use nass_diacritics::Diacritics;
pub use nass_letters::{HamzaFold, LetterFolds};
pub use nass_numerals::{DigitSet, DigitSources};

mod classifier;
mod elongation;
mod invisibles;
mod presets;
mod reference;

use classifier::build_table;
#[cfg(test)]
use classifier::*;
pub use invisibles::{is_invisible_control, is_unicode_space};
#[cfg(test)]
use nass_core::{CharAction, Entry, TableBuilder};
pub(crate) use presets::Settings;
pub use presets::{Preset, UnicodeForm, UnknownName, SETTINGS_BYTES};
#[cfg(test)]
use reference::*;

/// Configures a [`Normalizer`]. Starts with every operation off and NFC; a
/// [`preset`](Self::preset) sets them all at once, and later calls override it.
///
/// ```
/// use nass_normalize::{Diacritics, Normalizer, Preset};
/// let keep_shadda = Normalizer::builder()
///     .preset(Preset::Search)
///     .diacritics(Diacritics::all() - Diacritics::SHADDA)
///     .build();
/// assert_eq!(keep_shadda.normalize("مُحَمَّد"), "محمّد");
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct NormalizerBuilder {
    settings: Settings,
}

impl NormalizerBuilder {
    /// Sets every operation as the preset does.
    ///
    /// ```
    /// use nass_normalize::{Normalizer, Preset};
    /// let n = Normalizer::builder().preset(Preset::Lucene).build();
    /// assert_eq!(n.normalize("إلى المدرسة"), "الي المدرسه");
    /// ```
    pub fn preset(mut self, preset: Preset) -> Self {
        self.settings = preset.settings();
        self
    }

    /// The Unicode normalization applied first.
    ///
    /// ```
    /// use nass_normalize::{Normalizer, UnicodeForm};
    /// let nfc = Normalizer::builder().unicode(UnicodeForm::Nfc).build();
    /// assert_eq!(nfc.normalize("\u{064A}\u{0654}"), "\u{0626}"); // ي + hamza above = ئ
    /// ```
    pub fn unicode(mut self, form: UnicodeForm) -> Self {
        self.settings.unicode = form;
        self
    }

    /// Spells out U+FDFC (ريال) and U+FDFD (the basmala) before Unicode normalization.
    ///
    /// ```
    /// use nass_normalize::{Normalizer, UnicodeForm};
    /// let n = Normalizer::builder().unicode(UnicodeForm::Nfkc).spell_out_ligatures(true).build();
    /// assert_eq!(n.normalize("\u{FDFC}"), "ريال");
    /// ```
    pub fn spell_out_ligatures(mut self, on: bool) -> Self {
        self.settings.ligatures = on;
        self
    }

    /// The letter folds to apply.
    ///
    /// ```
    /// use nass_normalize::{LetterFolds, Normalizer};
    /// let n = Normalizer::builder().letters(LetterFolds::TEH_MARBUTA).build();
    /// assert_eq!(n.normalize("مدرسة"), "مدرسه");
    /// ```
    pub fn letters(mut self, folds: LetterFolds) -> Self {
        self.settings.letters = folds;
        self
    }

    /// The diacritic classes to remove.
    ///
    /// ```
    /// use nass_normalize::{Diacritics, Normalizer};
    /// let n = Normalizer::builder().diacritics(Diacritics::HARAKAT).build();
    /// assert_eq!(n.normalize("كَتَبْ"), "كتبْ");
    /// ```
    pub fn diacritics(mut self, classes: Diacritics) -> Self {
        self.settings.diacritics = classes;
        self
    }

    /// Keeps the given diacritic classes: takes them out of the set being removed.
    ///
    /// ```
    /// use nass_normalize::{Diacritics, Normalizer, Preset};
    /// let n = Normalizer::builder().preset(Preset::Search).keep_diacritics(Diacritics::SHADDA).build();
    /// assert_eq!(n.normalize("شدَّة"), "شدّه");
    /// ```
    pub fn keep_diacritics(mut self, classes: Diacritics) -> Self {
        self.settings.diacritics -= classes;
        self
    }

    /// Whether to remove tatweel.
    ///
    /// ```
    /// let n = nass_normalize::Normalizer::builder().tatweel(true).build();
    /// assert_eq!(n.normalize("بـــيت"), "بيت");
    /// ```
    pub fn tatweel(mut self, strip: bool) -> Self {
        self.settings.tatweel = strip;
        self
    }

    /// Whether to remove invisible format controls and map Unicode spaces to U+0020.
    ///
    /// ```
    /// let n = nass_normalize::Normalizer::builder().invisibles(true).build();
    /// assert_eq!(n.normalize("بغداد\u{200F}\u{00A0}٢٠٢٤"), "بغداد ٢٠٢٤");
    /// ```
    pub fn invisibles(mut self, strip: bool) -> Self {
        self.settings.invisibles = strip;
        self
    }

    /// Converts the digits of the three sets (ASCII, Arabic-Indic ٠–٩, Persian ۰–۹) to
    /// `to`, one by one, with the separators between digits: to ASCII, ٫ becomes `.` and ٬
    /// becomes `,` between two digits and ٪ becomes `%`; to Arabic-Indic or Persian, `.`
    /// and `,` between two digits become ٫ and ٬, and `%` after a digit becomes ٪
    /// ([`nass_numerals::DigitConverter`] has the rules). `None` leaves digits alone.
    ///
    /// ```
    /// use nass_normalize::{DigitSet, Normalizer};
    /// let to_ascii = Normalizer::builder().digits(DigitSet::Ascii).build();
    /// assert_eq!(to_ascii.normalize("١٢٫٥٪ من ٢٬٥٠٠"), "12.5% من 2,500");
    /// let to_arabic = Normalizer::builder().digits(DigitSet::ArabicIndic).build();
    /// assert_eq!(to_arabic.normalize("12.5% of 2,500."), "١٢٫٥٪ of ٢٬٥٠٠.");
    /// ```
    pub fn digits(mut self, to: impl Into<Option<DigitSet>>) -> Self {
        self.settings.digits = to.into();
        self
    }

    /// The digit sets that [`digits`](Self::digits) converts from (default
    /// [`DigitSources::ANY`]): digits of the other sets stay as they are, and a separator
    /// changes only between digits that are the target's after conversion
    /// ([`nass_numerals::DigitConverterBuilder::from`] has the rules).
    ///
    /// ```
    /// use nass_normalize::{DigitSet, DigitSources, Normalizer};
    /// let n = Normalizer::builder()
    ///     .digits(DigitSet::ArabicIndic)
    ///     .digits_from(DigitSources::PERSIAN)
    ///     .build();
    /// assert_eq!(n.normalize("۱۴۰۳ و١٤٤٥ و2024"), "١٤٠٣ و١٤٤٥ و2024");
    /// ```
    pub fn digits_from(mut self, sources: DigitSources) -> Self {
        self.settings.digit_sources = sources;
        self
    }

    /// With [`digits`](Self::digits) set to ASCII, also folds every other Unicode decimal
    /// digit (general category Nd: Devanagari, Bengali, Thai...) to ASCII, as Lucene's
    /// `DecimalDigitFilter` does.
    ///
    /// ```
    /// use nass_normalize::{DigitSet, Normalizer};
    /// let n = Normalizer::builder().digits(DigitSet::Ascii).all_decimal_digits(true).build();
    /// assert_eq!(n.normalize("٣ ३ ৩"), "3 3 3");
    /// ```
    pub fn all_decimal_digits(mut self, on: bool) -> Self {
        self.settings.all_digits = on;
        self
    }

    /// Whether to collapse letters stretched by repetition (كتييير to كتير): a run of three
    /// or more of the same Arabic letter becomes one, except exactly three ت (تتتبع); two
    /// in a row (الله، ممتاز) and letters carrying a mark (محمّد) are never touched. It
    /// runs after every other operation. Off in every preset. The rule in full is in the
    /// crate docs' table of operations.
    ///
    /// ```
    /// use nass_normalize::{Normalizer, Preset};
    /// let n = Normalizer::builder().preset(Preset::Search).elongation(true).build();
    /// assert_eq!(n.normalize("كتييير جداااا ههههه"), "كتير جدا ه");
    /// assert_eq!(n.normalize("الله ممتاز"), "الله ممتاز");
    /// ```
    pub fn elongation(mut self, on: bool) -> Self {
        self.settings.elongation = on;
        self
    }

    /// How the hamza letters are spelled: [`HamzaFold::Tasheel`] (the default) leaves them
    /// to the [`letters`](Self::letters) folds (آ أ إ to ا with `ALEF_HAMZA`, ؤ ئ to و ي
    /// with `HAMZA_CARRIERS`); [`HamzaFold::Uniform`] writes every hamza form and carrier
    /// as ء whatever the folds, and آ as ءء, or as ءا at the start of a word of exactly
    /// three code points or whose third is a shadda: PyArabic's `normalize_hamza`
    /// (method `uniform`) on each word. It applies where the letter folds do, after the
    /// Unicode normalization; the rule on a word-initial آ looks at the text as given.
    ///
    /// ```
    /// use nass_normalize::{HamzaFold, Normalizer, Preset};
    /// let n = Normalizer::builder().preset(Preset::Search).hamza(HamzaFold::Uniform).build();
    /// assert_eq!(n.normalize("سؤال الأئمة عن آدم"), "سءال الءءمه عن ءادم");
    /// ```
    pub fn hamza(mut self, fold: HamzaFold) -> Self {
        self.settings.hamza = fold;
        self
    }

    /// Builds the normalizer: computes the table of every code point's action once.
    ///
    /// ```
    /// let n = nass_normalize::Normalizer::builder().build();
    /// assert_eq!(n.normalize("نص"), "نص");
    /// ```
    pub fn build(self) -> Normalizer {
        let table = Arc::new(build_table(self.settings));
        Normalizer {
            settings: self.settings,
            table,
        }
    }
}

/// Normalizes Arabic text in one pass. Build it once and reuse it; it is cheap to clone
/// and can be shared between threads.
///
/// ```
/// use std::borrow::Cow;
/// use nass_normalize::Normalizer;
///
/// let n = Normalizer::new(); // the search preset
/// assert_eq!(n.normalize("مُستشفى الإمارات"), "مستشفي الامارات");
/// assert!(matches!(n.normalize("بغداد"), Cow::Borrowed("بغداد")));
/// ```
#[derive(Clone)]
pub struct Normalizer {
    settings: Settings,
    table: Arc<Table>,
}

impl fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Normalizer")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl Default for Normalizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Normalizer {
    /// The `search` preset.
    ///
    /// ```
    /// assert_eq!(nass_normalize::Normalizer::new().normalize("الـعِراق"), "العراق");
    /// ```
    pub fn new() -> Self {
        Self::from_preset(Preset::Search)
    }

    /// The given preset.
    ///
    /// ```
    /// use nass_normalize::{Normalizer, Preset};
    /// let display = Normalizer::from_preset(Preset::Display);
    /// assert_eq!(display.normalize("\u{FEFB}ـــ شَيْء"), "لا شَيْء");
    /// ```
    pub fn from_preset(preset: Preset) -> Self {
        Self::builder().preset(preset).build()
    }

    /// A builder with every operation off and NFC.
    ///
    /// ```
    /// use nass_normalize::{LetterFolds, Normalizer};
    /// let n = Normalizer::builder().letters(LetterFolds::ALEF).tatweel(true).build();
    /// assert_eq!(n.normalize("إســلام"), "اسلام");
    /// ```
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder {
            settings: Settings::PLAIN,
        }
    }

    /// Normalizes `text`; borrows it when nothing changes.
    ///
    /// ```
    /// let n = nass_normalize::Normalizer::new();
    /// assert_eq!(n.normalize("وَصَلَ إلى القاهرةِ"), "وصل الي القاهره");
    /// ```
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if let Some(spelled) = self.initial_hamza_alefs(text) {
            let mut out = String::with_capacity(spelled.len());
            self.normalize_into(&spelled, &mut out);
            return Cow::Owned(out);
        }
        if self.table.is_unchanged(text) {
            if self.settings.elongation {
                if let Some(collapsed) = elongation::collapse(text) {
                    return Cow::Owned(collapsed);
                }
            }
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        self.normalize_into(text, &mut out);
        Cow::Owned(out)
    }

    /// Appends the normalization of `text` to `out`, so a buffer can be reused.
    ///
    /// ```
    /// let n = nass_normalize::Normalizer::new();
    /// let mut buf = String::from("> ");
    /// n.normalize_into("مدرسة", &mut buf);
    /// assert_eq!(buf, "> مدرسه");
    /// ```
    pub fn normalize_into(&self, text: &str, out: &mut String) {
        if let Some(spelled) = self.initial_hamza_alefs(text) {
            return self.normalize_into(&spelled, out);
        }
        let from = out.len();
        self.table.apply(text, out, &mut NoSink, &mut |w, o| {
            o.push_str(&self.settings.reference(w))
        });
        if self.settings.elongation {
            elongation::collapse_tail(out, from);
        }
    }

    /// Appends the normalization of `text`, held as code points (UTF-32), to `out`: the
    /// code points of [`normalize_into`](Self::normalize_into)'s result, without
    /// transcoding, for callers whose strings are read out as UTF-32 (Python's bindings).
    ///
    /// ```
    /// let n = nass_normalize::Normalizer::new();
    /// let text: Vec<char> = "وَصَلَ إلى القاهرةِ".chars().collect();
    /// let mut out = Vec::new();
    /// n.normalize_chars_into(&text, &mut out);
    /// assert_eq!(out.iter().collect::<String>(), "وصل الي القاهره");
    /// ```
    pub fn normalize_chars_into(&self, text: &[char], out: &mut Vec<char>) {
        if self.settings.elongation || self.settings.hamza == HamzaFold::Uniform {
            // Rules that read whole words: through UTF-8.
            let text: String = text.iter().collect();
            let mut norm = String::with_capacity(text.len());
            self.normalize_into(&text, &mut norm);
            out.extend(norm.chars());
            return;
        }
        self.table.apply_chars(text, out, &mut |w, o| {
            let w: String = w.iter().collect();
            o.extend(self.settings.reference(&w).chars());
        });
    }

    /// Normalizes `text` and returns the [`Alignment`] that maps every offset and span
    /// of the result back to `text`.
    ///
    /// ```
    /// let n = nass_normalize::Normalizer::new();
    /// let text = "ذهبَ إلى ﻻهور";
    /// let (norm, a) = n.normalize_aligned(text);
    /// assert_eq!(norm, "ذهب الي لاهور");
    /// let start = norm.find("لاهور").unwrap();
    /// let span = a.original_range(start..norm.len());
    /// assert_eq!(&text[span], "ﻻهور");
    /// ```
    pub fn normalize_aligned(&self, text: &str) -> (String, Alignment) {
        if self.settings.hamza == HamzaFold::Uniform {
            let at = nass_letters::initial_hamza_alefs(text);
            if !at.is_empty() {
                return self.normalize_aligned_spelled(text, &at);
            }
        }
        let mut out = String::with_capacity(text.len());
        let mut sink = AlignmentBuilder::new();
        self.table.apply(text, &mut out, &mut sink, &mut |w, o| {
            o.push_str(&self.settings.reference(w))
        });
        let alignment = sink.finish(text.len(), out.len());
        if self.settings.elongation {
            return elongation::collapse_aligned(out, alignment);
        }
        (out, alignment)
    }

    /// The slow reference that defines what [`normalize`](Self::normalize) returns: the
    /// ligature spelling, the Unicode normalization and each enabled operation in turn,
    /// repeated until nothing changes. For tests and for checking; use `normalize`.
    ///
    /// ```
    /// let n = nass_normalize::Normalizer::new();
    /// let text = "إنَّ الـمُـؤتمرَ";
    /// assert_eq!(n.reference(text), n.normalize(text));
    /// ```
    pub fn reference(&self, text: &str) -> String {
        let spelled = match self.settings.hamza {
            HamzaFold::Uniform => nass_letters::spell_initial_hamza_alefs(text),
            _ => Cow::Borrowed(text),
        };
        let normalized = self.settings.reference(&spelled);
        match self.settings.elongation {
            true => elongation::collapse(&normalized).unwrap_or(normalized),
            false => normalized,
        }
    }

    /// The largest byte offset at which `text` can be cut so that normalizing the two
    /// parts separately gives the same result as normalizing it whole, or 0 if there is
    /// none, whatever text follows. It is always a char boundary. A line break is such a
    /// place (the cut goes before it) unless a code point whose result depends on what
    /// follows (a digit separator such as ٫ when converting digits) stands right before
    /// it. Streaming readers use it to cut their chunks.
    ///
    /// ```
    /// let n = nass_normalize::Normalizer::new();
    /// let text = "سطر أول\nسطر ثانٍ";
    /// let cut = n.last_cut(text);
    /// assert!(cut > text.find('\n').unwrap());
    /// let whole = n.normalize(text);
    /// let parts = n.normalize(&text[..cut]) + n.normalize(&text[cut..]);
    /// assert_eq!(whole, parts);
    /// ```
    pub fn last_cut(&self, text: &str) -> usize {
        let mut end = text.len();
        loop {
            let cut = self.table.last_cut(&text[..end]);
            // A cut valid for a prefix is valid for the whole. Collapsing elongation
            // looks at runs of letters, and the uniform hamza spelling at whole words
            // (letters and digits of any script): they need a cut where no word can
            // continue, before an ASCII space or punctuation (which no operation turns
            // into a letter, a digit or a mark).
            let ends_words = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric();
            if !self.settings.needs_words() || cut == 0 || ends_words(text.as_bytes()[cut]) {
                return cut;
            }
            end = cut;
        }
    }

    /// With the uniform hamza spelling, `text` with the word-initial آ that it writes ءا
    /// spelled so (the rule needs the whole word, which the per-code-point table does
    /// not see); `None` when there is nothing to spell.
    fn initial_hamza_alefs(&self, text: &str) -> Option<String> {
        // Only the uniform spelling reads words here; every other setting pays nothing.
        if self.settings.hamza != HamzaFold::Uniform {
            return None;
        }
        match nass_letters::spell_initial_hamza_alefs(text) {
            Cow::Owned(spelled) => Some(spelled),
            Cow::Borrowed(_) => None,
        }
    }

    /// [`normalize_aligned`](Self::normalize_aligned) of `text` whose word-initial آ at
    /// the offsets `at` the uniform hamza spelling writes ءا: normalizes the spelled text
    /// and maps its alignment back through the spelling (each ءا to its آ).
    fn normalize_aligned_spelled(&self, text: &str, at: &[usize]) -> (String, Alignment) {
        let spelled = nass_letters::spell_initial_hamza_alefs(text);
        let (out, inner) = self.normalize_aligned(&spelled);
        // Each آ (2 bytes) became ءا (4 bytes): the k-th starts at at[k] + 2k.
        let starts: Vec<usize> = at.iter().enumerate().map(|(k, &a)| a + 2 * k).collect();
        let back = |x: usize| {
            let k = starts.partition_point(|&s| s < x);
            match k.checked_sub(1) {
                Some(j) if x < starts[j] + 4 => at[j],
                _ => x - 2 * k,
            }
        };
        let alignment =
            elongation::realign(&out, text.len(), |o| back(inner.original_offset(o)), &[]);
        (out, alignment)
    }

    /// Whether normalizing the result again always leaves it as it is: true for every
    /// normalizer but those built from [`Preset::Camel`] (later builder calls keep its
    /// single round), which runs each step of CAMeL's chain once, as CAMeL does, so that
    /// a folded letter before a combining hamza or madda (ى + U+0654, ٱ + U+0653) stays
    /// uncomposed (ي + U+0654, ا + U+0653), which normalizing again composes.
    ///
    /// ```
    /// use nass_normalize::{Normalizer, Preset};
    /// let camel = Normalizer::from_preset(Preset::Camel);
    /// assert!(!camel.is_idempotent());
    /// let once = camel.normalize("\u{0649}\u{0654}");
    /// assert_eq!(once, "\u{064A}\u{0654}");
    /// assert_eq!(camel.normalize(&once), "\u{0626}");
    /// assert!(Normalizer::from_preset(Preset::Search).is_idempotent());
    /// ```
    pub fn is_idempotent(&self) -> bool {
        !self.settings.single_round
    }

    /// The settings' Unicode normalization form.
    ///
    /// ```
    /// use nass_normalize::{Normalizer, Preset, UnicodeForm};
    /// assert_eq!(Normalizer::from_preset(Preset::Lucene).unicode_form(), UnicodeForm::None);
    /// ```
    pub fn unicode_form(&self) -> UnicodeForm {
        self.settings.unicode
    }

    /// Every setting of this normalizer as [`SETTINGS_BYTES`] bytes (a layout version,
    /// then the operations), from which [`from_settings_bytes`](Self::from_settings_bytes)
    /// builds the same normalizer again: for files that store what normalized their
    /// contents, such as a compiled gazetteer index.
    ///
    /// ```
    /// use nass_normalize::{Diacritics, Normalizer, Preset};
    /// let n = Normalizer::builder()
    ///     .preset(Preset::Search)
    ///     .diacritics(Diacritics::all() - Diacritics::SHADDA)
    ///     .build();
    /// let again = Normalizer::from_settings_bytes(&n.settings_bytes()).unwrap();
    /// assert_eq!(again.settings_bytes(), n.settings_bytes());
    /// assert_eq!(again.normalize("مُحَمَّد"), "محمّد");
    /// assert!(Normalizer::from_settings_bytes(b"not them").is_none());
    /// ```
    pub fn settings_bytes(&self) -> [u8; SETTINGS_BYTES] {
        self.settings.encode()
    }

    /// The normalizer whose [`settings_bytes`](Self::settings_bytes) are `bytes`, or
    /// `None` when no normalizer of this version has them (another layout version, an
    /// unknown operation bit, a wrong length).
    ///
    /// ```
    /// use nass_normalize::{Normalizer, Preset};
    /// let lucene = Normalizer::from_preset(Preset::Lucene);
    /// let again = Normalizer::from_settings_bytes(&lucene.settings_bytes()).unwrap();
    /// assert_eq!(again.normalize("إلى المدرسة"), "الي المدرسه");
    /// ```
    pub fn from_settings_bytes(bytes: &[u8]) -> Option<Normalizer> {
        let settings = presets::Settings::decode(bytes)?;
        Some(NormalizerBuilder { settings }.build())
    }
}

#[cfg(test)]
mod table_reference;
#[cfg(test)]
mod tests;
