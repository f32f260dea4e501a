//! `nass normalize` and `nass digits`: the normalizer as a filter, and its digit
//! conversion alone.

use clap::{Args, ValueEnum};
use nass::normalize::{Diacritics, DigitSources, HamzaFold, LetterFolds, Normalizer, UnicodeForm};

use crate::args::{DigitArg, InputArgs, PresetArg, ThreadsArg};
use crate::error::CliError;
use crate::output::Output;
use crate::parallel::{self, Filter};
use crate::stream::Piece;

#[derive(Args, Debug)]
pub struct NormalizeArgs {
    /// The preset to start from; the flags below override it.
    #[arg(long, value_enum, default_value = "search")]
    preset: PresetArg,
    /// Unicode normalization applied first.
    #[arg(long, value_enum)]
    unicode: Option<UnicodeArg>,
    /// Diacritic classes to remove (comma-separated), instead of the preset's.
    #[arg(long, value_enum, value_delimiter = ',')]
    diacritics: Option<Vec<DiacriticClass>>,
    /// Diacritic classes to keep: taken out of the set being removed.
    #[arg(long, value_enum, value_delimiter = ',')]
    keep: Vec<DiacriticClass>,
    /// Remove tatweel.
    #[arg(long, overrides_with = "no_tatweel")]
    tatweel: bool,
    /// Keep tatweel.
    #[arg(long)]
    no_tatweel: bool,
    /// Letter folds to apply (comma-separated), instead of the preset's.
    #[arg(long, value_enum, value_delimiter = ',')]
    letters: Option<Vec<LetterFold>>,
    /// Remove invisible format controls (ZWNJ, RLM, BOM...) and map Unicode spaces to a space.
    #[arg(long, overrides_with = "no_invisibles")]
    invisibles: bool,
    /// Keep invisible format controls and Unicode spaces.
    #[arg(long)]
    no_invisibles: bool,
    /// Convert digits to this set (with ٫ ٬ ٪ and . , % between digits), instead of the
    /// preset's choice; `none` leaves digits alone.
    #[arg(long, value_enum)]
    digits: Option<DigitArg>,
    /// Collapse letters stretched by repetition: three or more of the same Arabic letter
    /// in a row become one (كتييير to كتير), except exactly three ت; two in a row (الله)
    /// and letters with a mark are never touched. Off in every preset.
    #[arg(long)]
    elongation: bool,
    /// How hamza letters are spelled: `tasheel` leaves them to --letters (alef-hamza,
    /// hamza-carriers); `uniform` writes every hamza form and carrier as ء (آ as ءء, or
    /// ءا at the start of some words), as PyArabic's normalize_hamza does.
    #[arg(long, value_enum)]
    hamza: Option<HamzaArg>,
    #[command(flatten)]
    threads: ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Args, Debug)]
pub struct DigitsArgs {
    /// The digits to write.
    #[arg(long, value_enum)]
    to: DigitArg,
    /// The digits to convert; the others stay (a separator changes only between digits
    /// that are the target's after conversion).
    #[arg(long, value_enum, default_value = "any")]
    from: DigitSourceArg,
    /// With --to ascii (and --from any), also fold every other Unicode decimal digit
    /// (Devanagari, Bengali, Thai...) to ASCII.
    #[arg(long)]
    all_digits: bool,
    #[command(flatten)]
    threads: ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
}

/// Which digits `nass digits` converts.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum DigitSourceArg {
    /// ASCII digits 0-9.
    Ascii,
    /// Arabic-Indic digits ٠-٩.
    Arabic,
    /// Extended Arabic-Indic (Persian and Urdu) digits ۰-۹.
    Persian,
    /// Every digit.
    Any,
}

impl DigitSourceArg {
    fn sources(self) -> DigitSources {
        match self {
            DigitSourceArg::Ascii => DigitSources::ASCII,
            DigitSourceArg::Arabic => DigitSources::ARABIC_INDIC,
            DigitSourceArg::Persian => DigitSources::PERSIAN,
            DigitSourceArg::Any => DigitSources::ANY,
        }
    }
}

/// How hamza letters are spelled.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum HamzaArg {
    /// As the letter folds say (آ أ إ to ا, ؤ ئ to و ي when those folds are on).
    Tasheel,
    /// Every hamza form and carrier to ء.
    Uniform,
}

/// A Unicode normalization form.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum UnicodeArg {
    /// No Unicode normalization.
    None,
    /// Canonical composition.
    Nfc,
    /// Compatibility composition: also folds presentation forms, ligatures, width variants.
    Nfkc,
}

/// A class of diacritics.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum DiacriticClass {
    /// Harakat and tanwin, U+064B-U+0650.
    Harakat,
    /// Shadda, U+0651.
    Shadda,
    /// Sukun, U+0652.
    Sukun,
    /// Other combining marks of the Arabic block, U+0653-U+065F (madda, combining hamza...).
    Other,
    /// Superscript (dagger) alef, U+0670.
    Dagger,
    /// Quranic annotation marks.
    Quranic,
    /// Marks of Arabic Extended-A and -B.
    Extended,
    /// Every class.
    All,
    /// No class.
    None,
}

impl DiacriticClass {
    fn set(self) -> Diacritics {
        match self {
            DiacriticClass::Harakat => Diacritics::HARAKAT,
            DiacriticClass::Shadda => Diacritics::SHADDA,
            DiacriticClass::Sukun => Diacritics::SUKUN,
            DiacriticClass::Other => Diacritics::OTHER_MARKS,
            DiacriticClass::Dagger => Diacritics::DAGGER_ALEF,
            DiacriticClass::Quranic => Diacritics::QURANIC,
            DiacriticClass::Extended => Diacritics::EXTENDED,
            DiacriticClass::All => Diacritics::all(),
            DiacriticClass::None => Diacritics::empty(),
        }
    }
}

/// A letter fold.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum LetterFold {
    /// آ أ إ to ا.
    AlefHamza,
    /// ٱ (alef wasla) to ا.
    AlefWasla,
    /// ٲ ٳ ٵ to ا.
    AlefOther,
    /// ى (alef maksura) to ي.
    AlefMaksura,
    /// Farsi and Urdu ya ی ې ے to ي.
    FarsiYa,
    /// ک (keheh) to ك.
    Keheh,
    /// ة (teh marbuta) to ه.
    TehMarbuta,
    /// ؤ to و and ئ to ي.
    Hamza,
    /// Persian and Urdu heh forms ۀ ہ ۂ ھ ە ۃ to ه.
    Heh,
    /// Arabic presentation forms to their base letters.
    Presentation,
    /// Every fold.
    All,
    /// No fold.
    None,
}

impl LetterFold {
    fn set(self) -> LetterFolds {
        match self {
            LetterFold::AlefHamza => LetterFolds::ALEF_HAMZA,
            LetterFold::AlefWasla => LetterFolds::ALEF_WASLA,
            LetterFold::AlefOther => LetterFolds::ALEF_OTHER,
            LetterFold::AlefMaksura => LetterFolds::ALEF_MAKSURA,
            LetterFold::FarsiYa => LetterFolds::FARSI_YA,
            LetterFold::Keheh => LetterFolds::KEHEH,
            LetterFold::TehMarbuta => LetterFolds::TEH_MARBUTA,
            LetterFold::Hamza => LetterFolds::HAMZA_CARRIERS,
            LetterFold::Heh => LetterFolds::HEH_FORMS,
            LetterFold::Presentation => LetterFolds::PRESENTATION_FORMS,
            LetterFold::All => LetterFolds::all(),
            LetterFold::None => LetterFolds::empty(),
        }
    }
}

impl NormalizeArgs {
    fn normalizer(&self) -> Normalizer {
        let mut b = Normalizer::builder().preset(self.preset.0);
        if let Some(form) = self.unicode {
            b = b.unicode(match form {
                UnicodeArg::None => UnicodeForm::None,
                UnicodeArg::Nfc => UnicodeForm::Nfc,
                UnicodeArg::Nfkc => UnicodeForm::Nfkc,
            });
        }
        if let Some(classes) = &self.diacritics {
            b = b.diacritics(classes.iter().fold(Diacritics::empty(), |s, c| s | c.set()));
        }
        let keep = self
            .keep
            .iter()
            .fold(Diacritics::empty(), |s, c| s | c.set());
        b = b.keep_diacritics(keep);
        if let Some(folds) = &self.letters {
            b = b.letters(folds.iter().fold(LetterFolds::empty(), |s, f| s | f.set()));
        }
        if self.tatweel || self.no_tatweel {
            b = b.tatweel(self.tatweel);
        }
        if self.invisibles || self.no_invisibles {
            b = b.invisibles(self.invisibles);
        }
        if let Some(digits) = self.digits {
            b = b.digits(digits.set());
        }
        if self.elongation {
            b = b.elongation(true);
        }
        if let Some(hamza) = self.hamza {
            b = b.hamza(match hamza {
                HamzaArg::Tasheel => HamzaFold::Tasheel,
                HamzaArg::Uniform => HamzaFold::Uniform,
            });
        }
        b.build()
    }
}

/// The normalizer as a filter: cut where it says, each piece normalized on its own.
struct Normalize(Normalizer);

impl Filter for Normalize {
    type Buf = String;

    fn cut(&self, text: &str) -> usize {
        self.0.last_cut(text)
    }

    fn piece(&self, piece: &Piece<'_>, out: &mut Output<'_, String>) {
        self.0.normalize_into(piece.text, out.buf());
    }
}

pub fn normalize(args: &NormalizeArgs) -> Result<(), CliError> {
    let filter = Normalize(args.normalizer());
    parallel::run(
        &filter,
        args.input.run(&args.threads),
        crate::stdout::unbuffered,
    )
}

/// `nass digits` is the normalizer with the digit conversion alone: the same single pass,
/// and the same safe cuts (never between a separator and the digit after it).
pub fn digits(args: &DigitsArgs) -> Result<(), CliError> {
    let normalizer = Normalizer::builder()
        .unicode(UnicodeForm::None)
        .digits(args.to.set())
        .digits_from(args.from.sources())
        .all_decimal_digits(args.all_digits)
        .build();
    parallel::run(
        &Normalize(normalizer),
        args.input.run(&args.threads),
        crate::stdout::unbuffered,
    )
}
