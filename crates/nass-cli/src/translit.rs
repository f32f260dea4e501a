//! `nass translit`: Arabic script to a transliteration scheme (`--to`) or back (`--from`),
//! streamed through the shared engine. Every character is transliterated on its own, so
//! any character boundary is a safe cut and line endings pass through as they are.

use clap::{ArgGroup, Args, ValueEnum};
use nass::translit::{Scheme, Transliterator};

use crate::args::{InputArgs, ThreadsArg};
use crate::error::CliError;
use crate::output::Output;
use crate::parallel::{self, Filter};
use crate::stream::Piece;

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("direction").required(true).args(["to", "from"])))]
pub struct TranslitArgs {
    /// Transliterate Arabic script to this scheme.
    #[arg(long, value_enum, value_name = "SCHEME")]
    to: Option<SchemeArg>,
    /// Transliterate this scheme back to Arabic script.
    #[arg(long, value_enum, value_name = "SCHEME")]
    from: Option<SchemeArg>,
    #[command(flatten)]
    threads: ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
}

/// A scheme, as the library names and describes it.
#[derive(Clone, Copy, Debug)]
struct SchemeArg(Scheme);

impl ValueEnum for SchemeArg {
    fn value_variants<'a>() -> &'a [Self] {
        const ALL: [SchemeArg; 4] = [
            SchemeArg(Scheme::ALL[0]),
            SchemeArg(Scheme::ALL[1]),
            SchemeArg(Scheme::ALL[2]),
            SchemeArg(Scheme::ALL[3]),
        ];
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name()).help(self.0.description()))
    }
}

impl TranslitArgs {
    fn transliterator(&self) -> Transliterator {
        match (self.to, self.from) {
            (Some(SchemeArg(scheme)), _) => Transliterator::to_scheme(scheme),
            (None, Some(SchemeArg(scheme))) => Transliterator::from_scheme(scheme),
            (None, None) => unreachable!("clap requires --to or --from"),
        }
    }
}

/// `nass translit` as a filter.
struct Translit(Transliterator);

impl Filter for Translit {
    type Buf = Vec<u8>;

    fn cut(&self, text: &str) -> usize {
        text.len()
    }

    fn piece(&self, piece: &Piece<'_>, out: &mut Output<'_, Vec<u8>>) {
        self.0.transliterate_to_vec(piece.text, out.buf());
    }
}

pub fn run(args: &TranslitArgs) -> Result<(), CliError> {
    let filter = Translit(args.transliterator());
    parallel::run(
        &filter,
        args.input.run(&args.threads),
        crate::stdout::unbuffered,
    )
}
