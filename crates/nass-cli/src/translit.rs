//! `nass translit`: Arabic script to a transliteration scheme (`--to`) or back (`--from`),
//! streamed through the shared engine. Every character is transliterated on its own, so
//! any character boundary is a safe cut and line endings pass through as they are.

use std::io::Write;

use clap::{ArgGroup, Args, ValueEnum};
use nass::translit::{Scheme, Transliterator};

use crate::args::InputArgs;
use crate::error::CliError;
use crate::stream::for_each_piece;

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

pub fn run(args: &TranslitArgs, out: &mut impl Write) -> Result<(), CliError> {
    let translit = args.transliterator();
    let mut buf = Vec::new();
    for_each_piece(
        &args.input.files,
        args.input.options(),
        |text| text.len(),
        |piece| {
            buf.clear();
            translit.transliterate_to_vec(piece.text, &mut buf);
            out.write_all(&buf).map_err(CliError::Write)?;
            Ok(())
        },
    )?;
    out.flush().map_err(CliError::Write)?;
    Ok(())
}
