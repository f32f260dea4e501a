//! The Unicode forms, the presets (named sets of operations), the settings a normalizer
//! is built from, and the error for a name that does not exist.

use std::fmt;
use std::str::FromStr;

use crate::{Diacritics, DigitSet, DigitSources, HamzaFold, LetterFolds};
pub use nass_core::UnknownName;

/// The Unicode normalization applied before the character operations.
///
/// ```
/// use nass_normalize::UnicodeForm;
/// assert_eq!("nfkc".parse::<UnicodeForm>().unwrap(), UnicodeForm::Nfkc);
/// assert!("nfd".parse::<UnicodeForm>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
#[non_exhaustive]
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
            Preset::Camel => "CAMeL Tools' chain byte for byte: NFKC, dediac_ar, alef, alef maksura, teh marbuta, each once (so not idempotent before a combining hamza or madda)",
            Preset::Lucene => "Lucene's ArabicNormalizer exactly: alef with hamza/madda, alef maksura, teh marbuta, tatweel, U+064B-U+0652",
            Preset::Display => "safe for display: NFC, presentation forms, invisibles and tatweel only; diacritics kept",
        }
    }

    pub(crate) const fn settings(self) -> Settings {
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
                ..Settings::PLAIN
            },
            Preset::Camel => Settings {
                unicode: UnicodeForm::Nfkc,
                ligatures: true,
                letters: LetterFolds::ALEF_HAMZA
                    .union(LetterFolds::ALEF_WASLA)
                    .union(LetterFolds::ALEF_MAKSURA)
                    .union(LetterFolds::TEH_MARBUTA),
                diacritics: Diacritics::CAMEL,
                single_round: true,
                ..Settings::PLAIN
            },
            Preset::Lucene => Settings {
                unicode: UnicodeForm::None,
                letters: LetterFolds::ALEF_HAMZA
                    .union(LetterFolds::ALEF_MAKSURA)
                    .union(LetterFolds::TEH_MARBUTA),
                diacritics: Diacritics::CLASSIC,
                tatweel: true,
                ..Settings::PLAIN
            },
            Preset::Display => Settings {
                letters: LetterFolds::PRESENTATION_FORMS,
                tatweel: true,
                invisibles: true,
                ..Settings::PLAIN
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Settings {
    pub(crate) unicode: UnicodeForm,
    pub(crate) ligatures: bool,
    pub(crate) letters: LetterFolds,
    pub(crate) diacritics: Diacritics,
    pub(crate) tatweel: bool,
    pub(crate) invisibles: bool,
    pub(crate) digits: Option<DigitSet>,
    pub(crate) all_digits: bool,
    pub(crate) elongation: bool,
    pub(crate) hamza: HamzaFold,
    pub(crate) digit_sources: DigitSources,
    /// One round of the reference only, as CAMeL's chain runs each step once (the
    /// `camel` preset): the result need not be in the normal form.
    pub(crate) single_round: bool,
}

impl Settings {
    /// Every operation off, NFC: what [`Normalizer::builder`](crate::Normalizer::builder)
    /// starts from, and what each preset changes.
    pub(crate) const PLAIN: Settings = Settings {
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
        single_round: false,
    };
    /// The settings as [`SETTINGS_BYTES`] bytes, for
    /// [`Normalizer::settings_bytes`](crate::Normalizer::settings_bytes).
    pub(crate) fn encode(&self) -> [u8; SETTINGS_BYTES] {
        let form = UnicodeForm::ALL.iter().position(|&f| f == self.unicode);
        let digits = self.digits.map_or(0, |d| {
            1 + DigitSet::ALL.iter().position(|&s| s == d).unwrap_or(0)
        });
        let sources = DigitSet::ALL
            .iter()
            .enumerate()
            .filter(|(_, &s)| self.digit_sources.contains(s))
            .fold(0u8, |acc, (i, _)| acc | 1 << i);
        let flags = u8::from(self.ligatures)
            | u8::from(self.tatweel) << 1
            | u8::from(self.invisibles) << 2
            | u8::from(self.all_digits) << 3
            | u8::from(self.elongation) << 4
            | u8::from(self.single_round) << 5
            | u8::from(self.hamza == HamzaFold::Uniform) << 6;
        let [l0, l1] = self.letters.bits().to_le_bytes();
        [
            SETTINGS_VERSION,
            form.unwrap_or(0) as u8,
            l0,
            l1,
            self.diacritics.bits(),
            flags,
            digits as u8,
            sources,
        ]
    }

    /// The settings [`encode`](Self::encode) wrote, or `None` for bytes it cannot have
    /// written.
    pub(crate) fn decode(b: &[u8]) -> Option<Settings> {
        let &[version, form, l0, l1, diacritics, flags, digits, sources] = b else {
            return None;
        };
        if version != SETTINGS_VERSION || flags >> 7 != 0 || sources == 0 || sources >> 3 != 0 {
            return None;
        }
        let digit_sources = DigitSet::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| sources & 1 << i != 0)
            .map(|(_, &s)| DigitSources::only(s))
            .reduce(DigitSources::union)?;
        Some(Settings {
            unicode: *UnicodeForm::ALL.get(usize::from(form))?,
            ligatures: flags & 1 != 0,
            letters: LetterFolds::from_bits(u16::from_le_bytes([l0, l1]))?,
            diacritics: Diacritics::from_bits(diacritics)?,
            tatweel: flags & 1 << 1 != 0,
            invisibles: flags & 1 << 2 != 0,
            digits: match digits {
                0 => None,
                d => Some(*DigitSet::ALL.get(usize::from(d) - 1)?),
            },
            all_digits: flags & 1 << 3 != 0,
            elongation: flags & 1 << 4 != 0,
            hamza: if flags & 1 << 6 != 0 {
                HamzaFold::Uniform
            } else {
                HamzaFold::Tasheel
            },
            digit_sources,
            single_round: flags & 1 << 5 != 0,
        })
    }
}

/// The length of [`Normalizer::settings_bytes`](crate::Normalizer::settings_bytes).
pub const SETTINGS_BYTES: usize = 8;

/// The layout of the settings bytes; a change of layout changes it.
const SETTINGS_VERSION: u8 = 1;
