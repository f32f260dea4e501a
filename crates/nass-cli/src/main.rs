//! `nass`: Arabic text filters for shell pipelines.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

mod analyze;
mod args;
mod calendar;
mod completions;
mod dates;
mod error;
mod gazetteer;
mod matching;
mod normalize;
mod numbers;
mod output;
mod parallel;
mod stdout;
mod stream;
mod tokenize;
mod translit;

use args::{Cli, Command};
use error::CliError;

fn run(cli: &Cli) -> Result<(), CliError> {
    // Before any file is opened: one opened later could take a closed standard output's
    // descriptor.
    if stdout::is_closed() {
        return Err(CliError::StdoutClosed);
    }
    // The filters write large pieces from a thread of their own; the rest goes through
    // one large buffer.
    let records = || io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
    match &cli.command {
        Command::Normalize(args) => normalize::normalize(args),
        Command::Digits(args) => normalize::digits(args),
        Command::Tokenize(args) => tokenize::run(args),
        Command::Numbers(args) => numbers::run(args),
        Command::Match(args) => matching::run(args),
        Command::Gazetteer(args) => gazetteer::run(args),
        Command::Calendar(args) => calendar::run(args, &mut records()),
        Command::Dates(args) => dates::run(args),
        Command::Translit(args) => translit::run(args),
        Command::Analyze(args) => analyze::run(args),
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
        Err(e) if e.is_closed_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            // If stderr itself is gone there is nothing more to do.
            let _ = writeln!(io::stderr(), "nass: {e}");
            ExitCode::from(error::FAILURE)
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
