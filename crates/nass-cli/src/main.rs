//! `nass`: Arabic text filters for shell pipelines.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use nass::normalize::{
    Diacritics, DigitSet, DigitSources, LetterFolds, Normalizer, Preset, UnicodeForm,
};

mod analyze;
mod calendar;
mod completions;
mod dates;
mod matching;
mod numbers;
mod output;
mod parallel;
mod stream;
mod tokenize;
mod translit;

use stream::{StreamOptions, DEFAULT_CHUNK_SIZE};

/// Arabic text normalization for shell pipelines. Every subcommand reads the given files
/// (or standard input) as one stream and writes standard output; byte offsets count from
/// the start of the whole input.
#[derive(Parser, Debug)]
#[command(name = "nass", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Normalize Arabic text: a preset, adjusted by per-operation flags.
    ///
    /// The stream is cut only where normalizing the two parts apart gives the same text;
    /// a stretch of 1 MiB with no such point (combining marks with no base letter) is cut
    /// anyway, to keep memory bounded.
    Normalize(NormalizeArgs),
    /// Split Arabic text into tokens (words, numbers, punctuation, URLs, emoji...), with
    /// byte offsets into the input.
    ///
    /// The stream is cut only between tokens (with --sentences, at line breaks or between
    /// sentences); a stretch of 1 MiB with no whitespace is cut anyway, to keep memory
    /// bounded, so a longer token comes out as several.
    Tokenize(tokenize::TokenizeArgs),
    /// Convert digits: Arabic-Indic (٠١٢) and Persian (۰۱۲) to ASCII or back, with the
    /// separators ٫ ٬ ٪ between digits.
    ///
    /// The stream is cut only where converting the two parts apart gives the same text;
    /// a stretch of 1 MiB with no such point is cut anyway, to keep memory bounded.
    Digits(DigitsArgs),
    /// List the numbers in the text (digits in any script, and with --words Arabic
    /// number words) with their exact values and byte offsets.
    ///
    /// A number never spans a line break; a stretch of 1 MiB with no whitespace is cut
    /// anyway, to keep memory bounded, so a longer number comes out as several.
    Numbers(numbers::NumbersArgs),
    /// Find names from a gazetteer (every country, territory, capital and main
    /// organization by default) through clitics and spelling variation: ببغداد, للعراق, ايران.
    ///
    /// The stream is cut only where no name can span the cut; a stretch of 1 MiB with no
    /// such point is cut anyway, to keep memory bounded.
    Match(matching::MatchArgs),
    /// Convert dates between the Gregorian and Hijri calendars: one ISO date (YYYY-MM-DD)
    /// per line in, its conversion out.
    ///
    /// A line longer than 1 MiB is reported as too long (and counts as one line).
    Calendar(calendar::CalendarArgs),
    /// List the date expressions in the text (11 فبراير/شباط 2024، 1445/08/01هـ، 7-8
    /// أغسطس، الخميس الماضي) with their values and byte offsets.
    ///
    /// A date never spans a line break; a stretch of 1 MiB with no whitespace is cut
    /// anyway, to keep memory bounded.
    Dates(dates::DatesArgs),
    /// Transliterate Arabic script to Buckwalter, Safe Buckwalter, XML Buckwalter or
    /// Habash-Soudi-Buckwalter (--to), or back to Arabic (--from); characters outside the
    /// scheme pass through.
    Translit(translit::TranslitArgs),
    /// Analyze text for a search index: terms (tokens lowercased, normalized, stop words
    /// removed, stemmed) with byte offsets into the input and positions.
    ///
    /// A removed stop word leaves its position empty. The stream is cut only between
    /// tokens; a stretch of 1 MiB with no whitespace is cut anyway, to keep memory
    /// bounded, so a longer token comes out as several.
    Analyze(analyze::AnalyzeArgs),
    /// Write the shell completion script of nass (bash, zsh, fish, elvish or powershell).
    Completions(completions::CompletionsArgs),
    /// Write the man page of nass (roff); with --dir, write it and one page per subcommand
    /// to a folder.
    Manpage(completions::ManpageArgs),
}

/// Where the input comes from and how it is read.
#[derive(Args, Debug)]
struct InputArgs {
    /// Replace each invalid UTF-8 sequence with U+FFFD, in place in its word, line or
    /// sentence, instead of stopping with an error; offsets still count input bytes.
    #[arg(long)]
    lossy: bool,
    /// Bytes read at a time (for tests; the default suits large files).
    #[arg(long, default_value_t = DEFAULT_CHUNK_SIZE as u64, hide = true, value_parser = clap::value_parser!(u64).range(1..))]
    chunk_size: u64,
    /// Files to read, in order, as one stream ("-" or none: standard input). A byte order
    /// mark at the very start of a file is skipped (offsets still count its bytes).
    files: Vec<PathBuf>,
}

impl InputArgs {
    fn options(&self) -> StreamOptions {
        let chunk_size = usize::try_from(self.chunk_size)
            .unwrap_or(usize::MAX)
            .min(1 << 30);
        StreamOptions {
            lossy: self.lossy,
            chunk_size,
            ..StreamOptions::default()
        }
    }
}

#[derive(Args, Debug)]
struct NormalizeArgs {
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

/// Where digits go.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DigitArg {
    /// ASCII digits 0-9, with . , % as separators.
    Ascii,
    /// Arabic-Indic digits ٠-٩ (U+0660-U+0669), with ٫ ٬ ٪.
    Arabic,
    /// Extended Arabic-Indic (Persian and Urdu) digits ۰-۹ (U+06F0-U+06F9), with ٫ ٬ ٪.
    Persian,
    /// Leave digits alone.
    None,
}

impl DigitArg {
    pub fn set(self) -> Option<DigitSet> {
        match self {
            DigitArg::Ascii => Some(DigitSet::Ascii),
            DigitArg::Arabic => Some(DigitSet::ArabicIndic),
            DigitArg::Persian => Some(DigitSet::Persian),
            DigitArg::None => None,
        }
    }
}

#[derive(Args, Debug)]
struct DigitsArgs {
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

/// The most normalizing threads: more would not run faster on any machine this is for,
/// and each holds a few pieces (thousands of threads took 100 MB, and the system may
/// refuse to start them).
const MAX_THREADS: i64 = 64;

/// How many threads a normalizing filter uses.
#[derive(Args, Debug)]
struct ThreadsArg {
    /// Normalizing threads, at most 64 (default: one per CPU, less one when the output is
    /// a pipe, whose reader needs a CPU too; 1 normalizes in the reading thread). The
    /// output is the same whatever the number.
    #[arg(long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..=MAX_THREADS))]
    threads: Option<u16>,
}

impl ThreadsArg {
    fn get(&self) -> usize {
        match self.threads {
            Some(n) => usize::from(n),
            None => {
                let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
                let cpus = cpus.min(MAX_THREADS as usize);
                if stdout_is_pipe() {
                    cpus.saturating_sub(1).max(1)
                } else {
                    cpus
                }
            }
        }
    }
}

/// A preset, as the library names and describes it.
#[derive(Clone, Copy, Debug)]
struct PresetArg(Preset);

impl ValueEnum for PresetArg {
    fn value_variants<'a>() -> &'a [Self] {
        const ALL: [PresetArg; 4] = [
            PresetArg(Preset::ALL[0]),
            PresetArg(Preset::ALL[1]),
            PresetArg(Preset::ALL[2]),
            PresetArg(Preset::ALL[3]),
        ];
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name()).help(self.0.description()))
    }
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
                HamzaArg::Tasheel => nass::normalize::HamzaFold::Tasheel,
                HamzaArg::Uniform => nass::normalize::HamzaFold::Uniform,
            });
        }
        b.build()
    }
}

/// Everything that stops a run, with the message it prints.
#[derive(Debug)]
pub enum CliError {
    /// A file could not be opened.
    Open(PathBuf, io::Error),
    /// A file could not be read.
    Read(PathBuf, io::Error),
    /// The input is not UTF-8 at this byte offset of the whole input.
    InvalidUtf8 {
        /// Offset from the start of the whole input.
        offset: u64,
        /// The file the byte is in.
        path: PathBuf,
    },
    /// Standard output could not be written.
    Write(io::Error),
    /// Standard output is closed: whatever is written to it would be lost.
    StdoutClosed,
    /// A thread could not be started.
    Spawn(io::Error),
    /// A gazetteer could not be loaded (the message names the file and line).
    Gazetteer(String),
    /// A line of input is not what the command reads.
    Line {
        /// Its number, from 1 over the whole input.
        line: u64,
        /// What is wrong with it.
        why: String,
    },
    /// Some lines failed and were reported one by one (`--keep-going`).
    SomeLinesFailed,
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = |p: &PathBuf| {
            if p.as_os_str() == "-" {
                "standard input".to_string()
            } else {
                p.display().to_string()
            }
        };
        match self {
            CliError::Open(p, e) => write!(f, "cannot open {}: {e}", name(p)),
            CliError::Read(p, e) => write!(f, "cannot read {}: {e}", name(p)),
            CliError::InvalidUtf8 { offset, path } => write!(
                f,
                "invalid UTF-8 at byte {offset} of the input (in {}); use --lossy to replace it with U+FFFD",
                name(path)
            ),
            CliError::Write(e) => write!(f, "write error: {e}"),
            CliError::StdoutClosed => write!(f, "standard output is closed"),
            CliError::Spawn(e) => write!(f, "cannot start a thread: {e}"),
            CliError::Gazetteer(why) => write!(f, "gazetteer {why}"),
            CliError::Line { line, why } => write!(f, "line {line}: {why}"),
            CliError::SomeLinesFailed => write!(f, "some lines could not be converted (see above)"),
        }
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Write(e)
    }
}

fn normalize(args: &NormalizeArgs) -> Result<(), CliError> {
    parallel::normalize_stream(
        &args.normalizer(),
        &args.input,
        args.threads.get(),
        unbuffered_stdout,
    )
}

/// `nass digits` is the normalizer with the digit conversion alone: the same single pass,
/// and the same safe cuts (never between a separator and the digit after it).
fn digits(args: &DigitsArgs) -> Result<(), CliError> {
    let normalizer = Normalizer::builder()
        .unicode(UnicodeForm::None)
        .digits(args.to.set())
        .digits_from(args.from.sources())
        .all_decimal_digits(args.all_digits)
        .build();
    parallel::normalize_stream(
        &normalizer,
        &args.input,
        args.threads.get(),
        unbuffered_stdout,
    )
}

/// A duplicate of standard output's file descriptor (on Unix; elsewhere, none).
fn stdout_file() -> Option<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .map(std::fs::File::from)
    }
    #[cfg(not(unix))]
    None
}

/// Whether standard output is a pipe (on Unix; elsewhere, never said).
fn stdout_is_pipe() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let metadata = stdout_file().and_then(|f| f.metadata().ok());
        metadata.is_some_and(|m| m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    false
}

/// Standard output for filters that write large pieces: where it can be, a duplicate of
/// its file descriptor, which skips the line buffering of `io::stdout()` (it would copy
/// the end of every piece after its last line break, and write it separately).
fn unbuffered_stdout() -> Box<dyn Write> {
    match stdout_file() {
        Some(file) => Box::new(file),
        None => Box::new(io::stdout().lock()),
    }
}

/// Whether standard output is closed. Where its descriptor is open, it may still be:
/// before `main`, the Rust runtime opens /dev/null for reading and writing in place of a
/// closed standard output, and no `>` redirection opens anything for reading too.
fn stdout_is_closed() -> bool {
    #[cfg(unix)]
    {
        use std::io::Read;
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        let Some(mut out) = stdout_file() else {
            return true;
        };
        let Ok(meta) = out.metadata() else {
            return false;
        };
        let is_null = meta.file_type().is_char_device()
            && std::fs::metadata("/dev/null").is_ok_and(|null| null.rdev() == meta.rdev());
        // Reading /dev/null opened for writing alone fails; opened for both, it ends.
        is_null && out.read(&mut [0u8; 1]).is_ok()
    }
    #[cfg(not(unix))]
    false
}

fn run(cli: &Cli) -> Result<(), CliError> {
    // Before any file is opened: one opened later could take a closed standard output's
    // descriptor.
    if stdout_is_closed() {
        return Err(CliError::StdoutClosed);
    }
    // Records go through one large buffer; the normalizing filters write their large
    // pieces from a thread of their own.
    let records = || io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
    match &cli.command {
        Command::Normalize(args) => normalize(args),
        Command::Digits(args) => digits(args),
        Command::Tokenize(args) => tokenize::run(args, &mut records()),
        Command::Numbers(args) => numbers::run(args, &mut records()),
        Command::Match(args) => matching::run(args, &mut records()),
        Command::Calendar(args) => calendar::run(args, &mut records()),
        Command::Dates(args) => dates::run(args, &mut records()),
        Command::Translit(args) => translit::run(args, &mut unbuffered_stdout()),
        Command::Analyze(args) => analyze::run(args, &mut records()),
        Command::Completions(args) => completions::completions(
            args,
            <Cli as clap::CommandFactory>::command(),
            &mut records(),
        ),
        Command::Manpage(args) => completions::manpage(
            args,
            <Cli as clap::CommandFactory>::command(),
            &mut records(),
        ),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is the reader saying it has enough: end quietly.
        Err(CliError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            // If stderr itself is gone there is nothing more to do.
            let _ = writeln!(io::stderr(), "nass: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
