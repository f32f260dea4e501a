//! `nass completions SHELL` and `nass manpage`: shell completion scripts and man pages,
//! generated from the same clap definitions the command line is parsed with, so they
//! name every subcommand, option and value the binary accepts.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use clap_complete::Shell;

use crate::error::CliError;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to write the completion script for.
    #[arg(value_enum)]
    shell: Shell,
}

#[derive(Args, Debug)]
pub struct ManpageArgs {
    /// Write the pages to this folder instead of standard output (created if missing):
    /// nass.1 and one page per subcommand (nass-normalize.1, nass-tokenize.1...).
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    dir: Option<PathBuf>,
}

/// Writes the completion script of `cmd` for the chosen shell to `out`.
///
/// The script is generated whole into memory first: clap_complete's writing entry point
/// panics on a write error, and a closed pipe must end quietly like every filter's.
pub fn completions(
    args: &CompletionsArgs,
    mut cmd: clap::Command,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let name = cmd.get_name().to_string();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, name, &mut script);
    out.write_all(&script).map_err(CliError::Write)?;
    out.flush().map_err(CliError::Write)?;
    Ok(())
}

/// Writes the man page of `cmd` to `out`, or with `--dir` the pages of `cmd` and of every
/// subcommand (at any depth) to that folder, and nothing to `out`.
pub fn manpage(
    args: &ManpageArgs,
    cmd: clap::Command,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // `nass help` is not a page of its own: `nass SUBCOMMAND --help` is.
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    match &args.dir {
        None => {
            clap_mangen::Man::new(cmd)
                .render(out)
                .map_err(CliError::Write)?;
            out.flush().map_err(CliError::Write)?;
            Ok(())
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| in_file(dir, e))?;
            write_pages(&cmd, dir)
        }
    }
}

/// Writes `cmd`'s page and its visible subcommands' pages to `dir`.
fn write_pages(cmd: &clap::Command, dir: &Path) -> Result<(), CliError> {
    let man = clap_mangen::Man::new(cmd.clone());
    let path = dir.join(man.get_filename());
    let mut page = Vec::new();
    man.render(&mut page).map_err(CliError::Write)?;
    std::fs::write(&path, page).map_err(|e| in_file(&path, e))?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    Ok(())
}

/// A file's write error, with its path in the message.
fn in_file(path: &Path, e: io::Error) -> CliError {
    CliError::Write(io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}
