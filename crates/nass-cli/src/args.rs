//! The command line: the subcommands, and the arguments several of them share (the
//! input, the thread count, a preset, a digit set).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use nass::normalize::{DigitSet, Preset};

use crate::error::EXIT_STATUS;
use crate::parallel::Run;
use crate::stream::{StreamOptions, DEFAULT_CHUNK_SIZE};
use crate::{
    analyze, calendar, completions, dates, gazetteer, matching, normalize, numbers, tokenize,
    translit,
};

/// Arabic text normalization for shell pipelines. Every subcommand reads the given files
/// (or standard input) as one stream and writes standard output; byte offsets count from
/// the start of the whole input.
#[derive(Parser, Debug)]
#[command(name = "nass", version, about, long_about = None, after_help = EXIT_STATUS)]
pub struct Cli {
    /// The subcommand and its arguments.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Normalize Arabic text: a preset, adjusted by per-operation flags.
    ///
    /// The stream is cut only where normalizing the two parts apart gives the same text;
    /// a stretch of 1 MiB with no such point (combining marks with no base letter) is cut
    /// anyway, to keep memory bounded.
    Normalize(normalize::NormalizeArgs),
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
    Digits(normalize::DigitsArgs),
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
    /// Compile gazetteer lists into an index for `nass match --index` (`nass gazetteer
    /// compile --output INDEX FILE...`).
    Gazetteer(gazetteer::GazetteerArgs),
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
pub struct InputArgs {
    /// Replace each invalid UTF-8 sequence with U+FFFD, in place in its word, line or
    /// sentence, instead of stopping with an error; offsets still count input bytes.
    #[arg(long)]
    pub lossy: bool,
    /// Bytes read at a time (for tests; the default suits large files).
    #[arg(long, default_value_t = DEFAULT_CHUNK_SIZE as u64, hide = true, value_parser = clap::value_parser!(u64).range(1..))]
    pub chunk_size: u64,
    /// Files to read, in order, as one stream ("-" or none: standard input). A byte order
    /// mark at the very start of a file is skipped (offsets still count its bytes).
    pub files: Vec<PathBuf>,
}

impl InputArgs {
    /// The run of a filter over these inputs with `threads`.
    pub fn run(&self, threads: &ThreadsArg) -> Run<'_> {
        Run {
            files: &self.files,
            options: self.options(),
            threads: threads.get(),
        }
    }

    /// How the stream reads these inputs.
    pub fn options(&self) -> StreamOptions {
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
    /// The digit set, or none to leave digits alone.
    pub fn set(self) -> Option<DigitSet> {
        match self {
            DigitArg::Ascii => Some(DigitSet::Ascii),
            DigitArg::Arabic => Some(DigitSet::ArabicIndic),
            DigitArg::Persian => Some(DigitSet::Persian),
            DigitArg::None => None,
        }
    }
}

/// The most working threads: more would not run faster on any machine this is for,
/// and each holds a few pieces (thousands of threads took 100 MB, and the system may
/// refuse to start them).
const MAX_THREADS: i64 = 64;

/// How many threads a filter works with.
#[derive(Args, Debug)]
pub struct ThreadsArg {
    /// Working threads, at most 64 (default: one per CPU, less one when the output is a
    /// pipe, whose reader needs a CPU too; 1 works in the reading thread). The output is
    /// the same whatever the number.
    #[arg(long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..=MAX_THREADS))]
    threads: Option<u16>,
}

impl ThreadsArg {
    /// The number of threads to use.
    pub fn get(&self) -> usize {
        match self.threads {
            Some(n) => usize::from(n),
            None => {
                let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
                let cpus = cpus.min(MAX_THREADS as usize);
                if crate::stdout::is_pipe() {
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
pub struct PresetArg(pub Preset);

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
