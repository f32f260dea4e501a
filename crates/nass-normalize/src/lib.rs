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
//!   byte, with one documented exception: where CAMeL's own output is not in NFKC, because a
//!   folded letter is followed by a combining hamza or madda (ى + U+0654, أ + U+0654), CAMeL
//!   returns the uncomposed pair (ي + U+0654), which changes if normalized again; nass
//!   composes it (ئ, or ا once the alef fold applies), so that normalizing is idempotent.
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
//! of operations. The fast path gives byte-identical output to
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
use std::ops::RangeInclusive;
use std::str::FromStr;
use std::sync::Arc;

use nass_core::{map_chars, AlignmentBuilder, CharAction, Entry, NoSink, Table, TableBuilder};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

pub use nass_core::Alignment;
pub use nass_diacritics::Diacritics;
pub use nass_letters::{HamzaFold, LetterFolds};
use nass_numerals::DigitConverter;
pub use nass_numerals::{DigitSet, DigitSources};

mod elongation;
mod invisibles;
pub use invisibles::{is_invisible_control, is_unicode_space};

/// The Unicode normalization applied before the character operations.
///
/// ```
/// use nass_normalize::UnicodeForm;
/// assert_eq!("nfkc".parse::<UnicodeForm>().unwrap(), UnicodeForm::Nfkc);
/// assert!("nfd".parse::<UnicodeForm>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnicodeForm {
    /// No Unicode normalization: code points are taken as they stand.
    None,
    /// Canonical composition (NFC).
    Nfc,
    /// Compatibility composition (NFKC): also folds presentation forms, ligatures, width
    /// variants, and no-break spaces.
    Nfkc,
}

impl UnicodeForm {
    /// Every form, in order.
    pub const ALL: [UnicodeForm; 3] = [UnicodeForm::None, UnicodeForm::Nfc, UnicodeForm::Nfkc];

    /// The form's name: `none`, `nfc` or `nfkc`.
    ///
    /// ```
    /// assert_eq!(nass_normalize::UnicodeForm::Nfc.name(), "nfc");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            UnicodeForm::None => "none",
            UnicodeForm::Nfc => "nfc",
            UnicodeForm::Nfkc => "nfkc",
        }
    }
}

impl FromStr for UnicodeForm {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UnicodeForm::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownName::new("Unicode form", s, &["none", "nfc", "nfkc"]))
    }
}

/// A named set of operations.
///
/// ```
/// use nass_normalize::Preset;
/// let p: Preset = "camel".parse().unwrap();
/// assert_eq!(p, Preset::Camel);
/// assert_eq!(p.name(), "camel");
/// let err = "solr".parse::<Preset>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown preset 'solr' (expected one of: search, camel, lucene, display)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// The most aggressive fold, for indexing and matching.
    Search,
    /// CAMeL Tools' usual normalization chain, byte for byte.
    Camel,
    /// Lucene's `ArabicNormalizer`, exactly.
    Lucene,
    /// Safe for text shown to people: presentation forms, invisibles and tatweel only.
    Display,
}

impl Preset {
    /// Every preset, in order.
    pub const ALL: [Preset; 4] = [
        Preset::Search,
        Preset::Camel,
        Preset::Lucene,
        Preset::Display,
    ];

    /// The preset's name, as the command line spells it.
    ///
    /// ```
    /// assert_eq!(nass_normalize::Preset::Lucene.name(), "lucene");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Preset::Search => "search",
            Preset::Camel => "camel",
            Preset::Lucene => "lucene",
            Preset::Display => "display",
        }
    }

    /// One line saying what the preset does.
    ///
    /// ```
    /// assert!(nass_normalize::Preset::Search.description().contains("NFKC"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            Preset::Search => "most aggressive fold for indexing and matching: NFKC, every diacritic, tatweel, every letter fold, invisibles, digits to ASCII",
            Preset::Camel => "CAMeL Tools' chain byte for byte: NFKC, dediac_ar, alef, alef maksura, teh marbuta",
            Preset::Lucene => "Lucene's ArabicNormalizer exactly: alef with hamza/madda, alef maksura, teh marbuta, tatweel, U+064B-U+0652",
            Preset::Display => "safe for display: NFC, presentation forms, invisibles and tatweel only; diacritics kept",
        }
    }

    const fn settings(self) -> Settings {
        match self {
            Preset::Search => Settings {
                unicode: UnicodeForm::Nfkc,
                ligatures: true,
                letters: LetterFolds::all(),
                diacritics: Diacritics::all(),
                tatweel: true,
                invisibles: true,
                digits: Some(DigitSet::Ascii),
                all_digits: true,
                elongation: false,
                hamza: HamzaFold::Tasheel,
                digit_sources: DigitSources::ANY,
            },
            Preset::Camel => Settings {
                unicode: UnicodeForm::Nfkc,
                ligatures: true,
                letters: LetterFolds::ALEF_HAMZA
                    .union(LetterFolds::ALEF_WASLA)
                    .union(LetterFolds::ALEF_MAKSURA)
                    .union(LetterFolds::TEH_MARBUTA),
                diacritics: Diacritics::CAMEL,
                tatweel: false,
                invisibles: false,
                digits: None,
                all_digits: false,
                elongation: false,
                hamza: HamzaFold::Tasheel,
                digit_sources: DigitSources::ANY,
            },
            Preset::Lucene => Settings {
                unicode: UnicodeForm::None,
                ligatures: false,
                letters: LetterFolds::ALEF_HAMZA
                    .union(LetterFolds::ALEF_MAKSURA)
                    .union(LetterFolds::TEH_MARBUTA),
                diacritics: Diacritics::CLASSIC,
                tatweel: true,
                invisibles: false,
                digits: None,
                all_digits: false,
                elongation: false,
                hamza: HamzaFold::Tasheel,
                digit_sources: DigitSources::ANY,
            },
            Preset::Display => Settings {
                unicode: UnicodeForm::Nfc,
                ligatures: false,
                letters: LetterFolds::PRESENTATION_FORMS,
                diacritics: Diacritics::empty(),
                tatweel: true,
                invisibles: true,
                digits: None,
                all_digits: false,
                elongation: false,
                hamza: HamzaFold::Tasheel,
                digit_sources: DigitSources::ANY,
            },
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Preset {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownName::new("preset", s, &["search", "camel", "lucene", "display"]))
    }
}

/// The error for a preset or Unicode form name that does not exist.
///
/// ```
/// let err = "nfd".parse::<nass_normalize::UnicodeForm>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown Unicode form 'nfd' (expected one of: none, nfc, nfkc)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    given: String,
    expected: &'static [&'static str],
}

impl UnknownName {
    fn new(what: &'static str, given: &str, expected: &'static [&'static str]) -> Self {
        UnknownName {
            what,
            given: given.to_string(),
            expected,
        }
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} '{}' (expected one of: {})",
            self.what,
            self.given,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Settings {
    unicode: UnicodeForm,
    ligatures: bool,
    letters: LetterFolds,
    diacritics: Diacritics,
    tatweel: bool,
    invisibles: bool,
    digits: Option<DigitSet>,
    all_digits: bool,
    elongation: bool,
    hamza: HamzaFold,
    digit_sources: DigitSources,
}

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
            settings: Settings {
                unicode: UnicodeForm::Nfc,
                ligatures: false,
                letters: LetterFolds::empty(),
                diacritics: Diacritics::empty(),
                tatweel: false,
                invisibles: false,
                digits: None,
                all_digits: false,
                elongation: false,
                hamza: HamzaFold::Tasheel,
                digit_sources: DigitSources::ANY,
            },
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
            // looks at runs of letters, and the uniform hamza spelling at whole words:
            // they need a cut where no word can continue, before an ASCII code point
            // (which no operation turns into a letter or a mark).
            if !self.settings.needs_words() || cut == 0 || text.as_bytes()[cut].is_ascii() {
                return cut;
            }
            end = cut;
        }
    }

    /// With the uniform hamza spelling, `text` with the word-initial آ that it writes ءا
    /// spelled so (the rule needs the whole word, which the per-code-point table does
    /// not see); `None` when there is nothing to spell.
    fn initial_hamza_alefs(&self, text: &str) -> Option<String> {
        match (
            self.settings.hamza,
            nass_letters::spell_initial_hamza_alefs(text),
        ) {
            (HamzaFold::Uniform, Cow::Owned(spelled)) => Some(spelled),
            _ => None,
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

    /// The settings' Unicode normalization form.
    ///
    /// ```
    /// use nass_normalize::{Normalizer, Preset, UnicodeForm};
    /// assert_eq!(Normalizer::from_preset(Preset::Lucene).unicode_form(), UnicodeForm::None);
    /// ```
    pub fn unicode_form(&self) -> UnicodeForm {
        self.settings.unicode
    }
}

/// Replaces `text` by what `step` makes of it, when that is new.
fn step(text: &mut Cow<'_, str>, step: impl FnOnce(&str) -> Cow<'_, str>) {
    if let Cow::Owned(next) = step(text) {
        *text = Cow::Owned(next);
    }
}

fn ligature_action(c: char) -> CharAction {
    match c {
        '\u{FDFC}' => CharAction::Replace("ريال".into()),
        '\u{FDFD}' => CharAction::Replace("بسم الله الرحمن الرحيم".into()),
        _ => CharAction::Keep,
    }
}

impl Settings {
    /// What [`Normalizer::reference`] returns.
    fn reference(&self, text: &str) -> String {
        match self.reference_round(text) {
            Cow::Borrowed(_) => text.to_string(),
            Cow::Owned(next) => self.reference_rounds_from(next),
        }
    }

    /// The reference's further rounds, after a first one that gave `current`.
    fn reference_rounds_from(&self, mut current: String) -> String {
        // Each further round only composes what the previous one brought together, so it
        // shortens the text or leaves it alone; a handful of rounds always suffices.
        for _ in 0..64 {
            match self.reference_round(&current) {
                Cow::Owned(next) if next != current => current = next,
                _ => return current,
            }
        }
        current
    }

    /// One round of the reference: borrows `text` when nothing changes it.
    fn reference_round<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut text = Cow::Borrowed(text);
        if self.ligatures {
            step(&mut text, |t| map_chars(t, ligature_action));
        }
        match self.unicode {
            UnicodeForm::None => {}
            UnicodeForm::Nfc => step(&mut text, |t| match is_in_form(UnicodeForm::Nfc, t) {
                true => Cow::Borrowed(t),
                false => Cow::Owned(t.nfc().collect()),
            }),
            UnicodeForm::Nfkc => step(&mut text, |t| match is_in_form(UnicodeForm::Nfkc, t) {
                true => Cow::Borrowed(t),
                false => Cow::Owned(t.nfkc().collect()),
            }),
        }
        self.operations(text)
    }

    /// The per-character operations of a round, in order, applied to `text`.
    fn operations<'a>(&self, mut text: Cow<'a, str>) -> Cow<'a, str> {
        let s = *self;
        if !s.letters.is_empty() || s.hamza != HamzaFold::Tasheel {
            step(&mut text, |t| map_chars(t, |c| s.letter_action(c)));
        }
        if !s.diacritics.is_empty() || s.tatweel {
            step(&mut text, |t| {
                map_chars(t, |c| nass_diacritics::action(c, s.diacritics, s.tatweel))
            });
        }
        if s.invisibles {
            step(&mut text, |t| map_chars(t, invisibles::action));
        }
        if let Some(converter) = s.digit_converter() {
            step(&mut text, |t| converter.convert(t));
        }
        text
    }

    /// Whether an operation looks at whole words or runs of letters, beyond what the
    /// table sees.
    fn needs_words(&self) -> bool {
        self.elongation || self.hamza == HamzaFold::Uniform
    }

    /// The letter folds' action on `c`, with the hamza spelling.
    fn letter_action(&self, c: char) -> CharAction {
        self.letters.action_with(c, self.hamza)
    }

    /// The digit conversion, when it is on.
    fn digit_converter(&self) -> Option<DigitConverter> {
        self.digits.map(|to| {
            DigitConverter::builder(to)
                .from(self.digit_sources)
                .all_decimal_digits(self.all_digits)
                .separators(true)
                .build()
        })
    }

    /// Whether the digit conversion changes `c` in some context but not in another (a
    /// separator between digits).
    fn digits_depend_on_context(&self, c: char) -> bool {
        self.digit_converter().is_some_and(|d| {
            let zero = Some(d.target().zero());
            d.separator(zero, c, zero) != d.separator(None, c, None)
        })
    }
}

/// Whether the operations (not the Unicode normalization) leave `c` alone.
fn operations_keep(s: &Settings, c: char) -> bool {
    (!s.ligatures || ligature_action(c) == CharAction::Keep)
        && s.letter_action(c) == CharAction::Keep
        && nass_diacritics::action(c, s.diacritics, s.tatweel) == CharAction::Keep
        && (!s.invisibles || invisibles::action(c) == CharAction::Keep)
        && s.digit_converter().is_none_or(|d| {
            // Only digits and separators that change between digits (the one rule,
            // nass-numerals' `separator_in_context`) can change.
            let zero = Some(d.target().zero());
            if nass_numerals::decimal_digit_value(c).is_none()
                && d.separator(zero, c, zero).is_none()
            {
                return true;
            }
            let mut buf = [0; 4];
            matches!(d.convert(c.encode_utf8(&mut buf)), Cow::Borrowed(_))
        })
}

/// Whether `text` is known to be in the form already: its code points are all inert
/// (each a starter that the form leaves alone and that combines with nothing), or the
/// quick check says yes.
fn is_in_form(form: UnicodeForm, text: &str) -> bool {
    text.chars().all(nass_core::unicode::is_normalization_inert)
        || match form {
            UnicodeForm::None => true,
            UnicodeForm::Nfc => is_nfc_quick(text.chars()) == IsNormalized::Yes,
            UnicodeForm::Nfkc => is_nfkc_quick(text.chars()) == IsNormalized::Yes,
        }
}

/// Whether normalization leaves `c` alone when it stands by itself.
fn normalization_keeps(form: UnicodeForm, c: char) -> bool {
    let once = std::iter::once(c);
    let quick = match form {
        UnicodeForm::None => return true,
        UnicodeForm::Nfc => is_nfc_quick(once),
        UnicodeForm::Nfkc => is_nfkc_quick(once),
    };
    match quick {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => {
            let s: String = match form {
                UnicodeForm::Nfc => std::iter::once(c).nfc().collect(),
                _ => std::iter::once(c).nfkc().collect(),
            };
            s.chars().eq(std::iter::once(c))
        }
    }
}

/// What the form makes of `c` standing alone, or `None` when it leaves it as it is: the
/// same as normalizing the one-code-point string, with shortcuts. When `c`'s full
/// decomposition is one code point, nothing can compose: that is the result. When it is
/// more, the form leaves `c` as it is exactly when composing the parts in turn, each with
/// what the ones before it composed to, gives back `c` (a part that does not compose stays
/// in the result, so the result would have more than one code point).
fn normalized_alone(form: UnicodeForm, c: char) -> Option<String> {
    // The longest full decomposition (U+FDFA) has 18 code points.
    let mut parts = ['\0'; 18];
    let mut len = 0;
    let mut take = |d: char| {
        if let Some(slot) = parts.get_mut(len) {
            *slot = d;
        }
        len += 1;
    };
    match form {
        UnicodeForm::None => return None,
        UnicodeForm::Nfc => unicode_normalization::char::decompose_canonical(c, &mut take),
        UnicodeForm::Nfkc => unicode_normalization::char::decompose_compatible(c, &mut take),
    }
    if len == 1 {
        return (parts[0] != c).then(|| parts[0].to_string());
    }
    let composed = parts.get(1..len).and_then(|rest| {
        rest.iter().try_fold(parts[0], |acc, &next| {
            unicode_normalization::char::compose(acc, next)
        })
    });
    if composed == Some(c) {
        return None;
    }
    let once = std::iter::once(c);
    let normalized: String = match form {
        UnicodeForm::Nfc => once.nfc().collect(),
        _ => once.nfkc().collect(),
    };
    (!normalized.chars().eq(std::iter::once(c))).then_some(normalized)
}

/// The first code point of `c`'s decomposition under the form (canonical for NFC,
/// compatibility for NFKC).
fn first_of_decomposition(form: UnicodeForm, c: char) -> char {
    let mut first = None;
    let mut take = |d: char| {
        first.get_or_insert(d);
    };
    match form {
        UnicodeForm::Nfkc => unicode_normalization::char::decompose_compatible(c, &mut take),
        _ => unicode_normalization::char::decompose_canonical(c, &mut take),
    }
    first.unwrap_or(c)
}

/// Whether nothing before `c` can combine with `c` or with what follows it.
fn boundary_before(form: UnicodeForm, c: char) -> bool {
    let starter =
        |d: char| canonical_combining_class(d) == 0 && !nass_core::unicode::composes_backward(d);
    starter(c) && starter(first_of_decomposition(form, c))
}

/// The table: every code point below U+10000 that some enabled operation or the Unicode
/// normalization can touch is classified; the rest are kept as anchors (which is what
/// classifying them would give).
fn build_table(s: Settings) -> Table {
    let classifier = Classifier::new(s);
    let mut b = TableBuilder::new();
    for c in classifier.candidates().iter() {
        let entry = classifier.classify(c);
        if entry != Entry::KeepAnchor {
            b.set(c, entry);
        }
    }
    b.astral(move |c| classify_astral(&s, c));
    b.build()
}

/// Code points that the ligature spelling changes.
const LIGATURE_RANGES: &[RangeInclusive<char>] = &['\u{FDFC}'..='\u{FDFD}'];

/// Classifies code points for the table, with what it knows of the settings: which code
/// points below U+10000 the enabled operations may touch (the union of their range lists,
/// each tested to hold every code point its operation changes), and which are inert.
struct Classifier {
    s: Settings,
    /// Code points in the range lists of the enabled operations.
    touched: BmpSet,
    /// [`nass_core::unicode::is_normalization_inert`], as a set.
    inert: BmpSet,
}

impl Classifier {
    fn new(s: Settings) -> Self {
        let mut touched = BmpSet::default();
        let mut insert = |on: bool, ranges: &[RangeInclusive<char>]| {
            if on {
                for r in ranges {
                    touched.fill(r.clone(), true);
                }
            }
        };
        insert(s.ligatures, LIGATURE_RANGES);
        insert(!s.letters.is_empty(), nass_letters::ACTION_RANGES);
        insert(s.hamza != HamzaFold::Tasheel, nass_letters::HAMZA_RANGES);
        insert(
            !s.diacritics.is_empty() || s.tatweel,
            nass_diacritics::ACTION_RANGES,
        );
        insert(s.invisibles, invisibles::ACTION_RANGES);
        // The separators whose change depends on context are in the list too.
        insert(s.digits.is_some(), nass_numerals::CONVERTIBLE_RANGES);
        let mut inert = BmpSet::default();
        for r in nass_core::unicode::normalization_inert_ranges() {
            inert.fill(r, true);
        }
        Classifier { s, touched, inert }
    }

    /// The code points below U+10000 whose entry is not obviously [`Entry::KeepAnchor`]:
    /// those the Unicode normalization may touch (all but the inert ones) and those the
    /// enabled operations may touch. For the others, [`classify`](Self::classify) gives
    /// `KeepAnchor`.
    fn candidates(&self) -> BmpSet {
        let mut set = BmpSet::default();
        for (w, (&touched, &inert)) in set
            .words
            .iter_mut()
            .zip(self.touched.words.iter().zip(self.inert.words.iter()))
        {
            *w = match self.s.unicode {
                UnicodeForm::None => touched,
                _ => touched | !inert,
            };
        }
        set
    }

    /// [`nass_core::unicode::is_normalization_inert`].
    fn inert(&self, c: char) -> bool {
        self.inert.contains(c)
    }

    /// [`operations_keep`], answered at once outside the operations' ranges.
    fn operations_keep(&self, c: char) -> bool {
        self.untouched(c) || operations_keep(&self.s, c)
    }

    /// What the fast path may do with `c` (see `nass_core::Entry`). The definition is
    /// `table_reference::classify`; this gives the same entry (the tests hold the two
    /// tables equal) with shortcuts: an inert code point is left alone by normalization
    /// and is an anchor, and what is left alone needs no string.
    fn classify(&self, c: char) -> Entry {
        let s = &self.s;
        let form = s.unicode;
        if s.digits_depend_on_context(c) {
            return Entry::Complex;
        }
        let inert = form == UnicodeForm::None || self.inert(c);
        // What normalization makes of `c` alone; `None`: it leaves it as it is.
        let normalized = if inert {
            None
        } else {
            normalized_alone(form, c)
        };
        let keeps = normalized.is_none() && self.operations_keep(c);
        // Most code points: left alone by every operation, and a starter that
        // normalization does not touch.
        if inert && keeps {
            return Entry::KeepAnchor;
        }
        let normalization_keeps = normalized.is_none();
        // What `c` alone becomes; `None`: it is left as it is.
        let result = if keeps {
            None
        } else {
            Some(self.reference_alone(c, normalized))
        };
        if form == UnicodeForm::None {
            // Every code point is handled alone.
            return match result {
                None => Entry::KeepAnchor,
                Some(r) if r.is_empty() => Entry::Drop,
                Some(r) => Entry::Replace(r),
            };
        }
        let ccc = canonical_combining_class(c);
        let composes = nass_core::unicode::composes_backward(c)
            || nass_core::unicode::composites_starting_with(c)
                .next()
                .is_some();
        if result.as_deref() == Some("") {
            // Transparent only if it takes no part in composition.
            return if normalization_keeps && !composes {
                Entry::Drop
            } else {
                Entry::Complex
            };
        }
        if ccc != 0 {
            return if result.is_none() && !composes {
                Entry::KeepMark(ccc)
            } else {
                Entry::Complex
            };
        }
        if !boundary_before(form, c) || !result.as_deref().is_none_or(|r| self.anchor(r)) {
            return Entry::Complex;
        }
        // Whatever `c` composes with must also leave an anchor behind.
        for composite in nass_core::unicode::composites_starting_with(c) {
            if !self.leaves_an_anchor(composite) {
                return Entry::Complex;
            }
        }
        match result {
            None => Entry::KeepAnchor,
            Some(r) => Entry::Replace(r),
        }
    }

    /// Whether what `c` alone becomes can stand as an anchor ([`anchor_result`]); the
    /// form is NFC or NFKC.
    fn leaves_an_anchor(&self, c: char) -> bool {
        let form = self.s.unicode;
        let inert = self.inert(c);
        let normalized = if inert {
            None
        } else {
            normalized_alone(form, c)
        };
        if normalized.is_none() && self.operations_keep(c) {
            // Left as it is: an inert code point is a starter nothing combines with.
            inert || (boundary_before(form, c) && canonical_combining_class(c) == 0)
        } else {
            self.anchor(&self.reference_alone(c, normalized))
        }
    }

    /// [`anchor_result`]: a non-empty result of inert code points is one at once.
    fn anchor(&self, result: &str) -> bool {
        let inert = !result.is_empty() && result.chars().all(|d| self.inert(d));
        inert || anchor_result(self.s.unicode, result)
    }

    /// Whether a round of the reference leaves `text` as it is, known at once: no
    /// enabled operation can change its code points, and it is in the normal form.
    fn stable(&self, text: &str) -> bool {
        text.chars().all(|d| self.untouched(d)) && is_in_form(self.s.unicode, text)
    }

    /// Whether no enabled operation can change `c` (the ligature spelling included).
    fn untouched(&self, c: char) -> bool {
        u32::from(c) < 0x10000 && !self.touched.contains(c)
    }

    /// [`Settings::reference`] of `c` alone, given what the normalization makes of it
    /// ([`normalized_alone`]).
    fn reference_alone(&self, c: char, normalized: Option<String>) -> String {
        let s = &self.s;
        if !self.untouched(c) && s.ligatures && ligature_action(c) != CharAction::Keep {
            return s.reference(c.encode_utf8(&mut [0; 4]));
        }
        // The first round: the normalization (the ligature spelling leaves `c` alone),
        // then the operations.
        let normalized = normalized.unwrap_or_else(|| c.to_string());
        if normalized.chars().all(|d| self.untouched(d)) {
            // The operations leave it alone, and it is normalized: the next round changes
            // nothing.
            return normalized;
        }
        let first = match s.operations(Cow::Borrowed(&normalized)) {
            Cow::Borrowed(_) => normalized,
            Cow::Owned(next) => next,
        };
        if self.stable(&first) {
            return first;
        }
        s.reference_rounds_from(first)
    }
}

/// A set of code points below U+10000 (surrogates included, as numbers), one bit each.
struct BmpSet {
    words: Box<[u64; 1024]>,
}

impl Default for BmpSet {
    fn default() -> Self {
        BmpSet {
            words: Box::new([0; 1024]),
        }
    }
}

impl BmpSet {
    fn contains(&self, c: char) -> bool {
        let cp = u32::from(c);
        cp < 0x10000 && self.words[(cp / 64) as usize] & (1 << (cp % 64)) != 0
    }

    /// Sets or clears the bits of the range's part below U+10000.
    fn fill(&mut self, r: RangeInclusive<char>, on: bool) {
        let (start, end) = (u32::from(*r.start()), u32::from(*r.end()).min(0xFFFF));
        if start > end {
            return;
        }
        let (first, last) = ((start / 64) as usize, (end / 64) as usize);
        for w in first..=last {
            let lo = if w == first { start % 64 } else { 0 };
            let hi = if w == last { end % 64 } else { 63 };
            let mask = (u64::MAX >> (63 - hi)) & (u64::MAX << lo);
            if on {
                self.words[w] |= mask;
            } else {
                self.words[w] &= !mask;
            }
        }
    }

    /// The chars in the set, in order.
    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let b = bits.trailing_zeros();
                bits &= bits - 1;
                Some(w as u32 * 64 + b)
            })
            .filter_map(char::from_u32)
        })
    }
}

/// Whether a code point's result can stand as an anchor: non-empty, starters only, and
/// nothing before it can combine with it.
fn anchor_result(form: UnicodeForm, result: &str) -> bool {
    let mut chars = result.chars();
    match chars.next() {
        None => false,
        Some(first) => {
            boundary_before(form, first)
                && result.chars().all(|d| canonical_combining_class(d) == 0)
        }
    }
}

/// Code points above U+FFFF: only normalization and the digit fold (astral Nd digits)
/// touch them.
fn classify_astral(s: &Settings, c: char) -> Entry {
    let form = s.unicode;
    if !operations_keep(s, c) {
        return Entry::Complex;
    }
    if form == UnicodeForm::None {
        return Entry::KeepAnchor;
    }
    if !normalization_keeps(form, c) || nass_core::unicode::composes_backward(c) {
        return Entry::Complex;
    }
    match canonical_combining_class(c) {
        0 => Entry::KeepAnchor,
        ccc if nass_core::unicode::composites_starting_with(c)
            .next()
            .is_none() =>
        {
            Entry::KeepMark(ccc)
        }
        _ => Entry::Complex,
    }
}

#[cfg(test)]
mod table_reference;
#[cfg(test)]
mod tests;
