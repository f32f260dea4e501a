//! Gazetteer lists on the command line: the one place that reads them (`nass match
//! --gazetteer` and `nass gazetteer compile`), and `nass gazetteer compile`, which writes
//! them as a compiled index for `nass match --index`.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use nass::gazetteer::{Gazetteer, GazetteerError};

use crate::error::CliError;

/// Which built-in lists a gazetteer includes (shared by `match` and `gazetteer compile`).
#[derive(Args, Debug)]
pub struct ListArgs {
    /// Leave out the built-in gazetteer (every country, territory and capital, main organizations).
    #[arg(long)]
    pub no_default: bool,
    /// Also report nisba adjectives of places (العراقي، الأميركية...), as kind `adjective`.
    #[arg(long)]
    pub adjectives: bool,
}

/// Builds the gazetteer of `files` (TSV, or JSON Lines for a name ending in .jsonl or
/// .json) and the built-in lists `lists` asks for. A malformed line is an error naming
/// its file and line.
pub fn build(files: &[PathBuf], lists: &ListArgs) -> Result<Gazetteer, CliError> {
    let mut builder = Gazetteer::builder()
        .default_entries(!lists.no_default)
        .adjectives(lists.adjectives);
    for path in files {
        let file = File::open(path).map_err(|e| CliError::Open(path.clone(), e))?;
        let reader = io::BufReader::new(file);
        let name = path.display().to_string();
        let json = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("jsonl" | "json")
        );
        builder = if json {
            builder.load_jsonl(reader, &name)
        } else {
            builder.load_tsv(reader, &name)
        }
        .map_err(CliError::Gazetteer)?;
    }
    builder.build().map_err(CliError::Gazetteer)
}

/// Opens a compiled index (an error names the file and what is wrong with it).
pub fn open(path: &Path) -> Result<Gazetteer, CliError> {
    Gazetteer::open(path).map_err(CliError::Index)
}

#[derive(Args, Debug)]
pub struct GazetteerArgs {
    #[command(subcommand)]
    command: GazetteerCommand,
}

#[derive(Subcommand, Debug)]
enum GazetteerCommand {
    /// Compile gazetteer lists (and the built-in one) into an index that `nass match
    /// --index` opens in milliseconds instead of building the lists on every run.
    ///
    /// The index holds the names as the lists give them, normalized, with their types,
    /// variants and payloads: `nass match --index INDEX` writes exactly what `nass match
    /// --gazetteer FILE...` writes with the same lists and options. The index is written
    /// to a temporary file beside INDEX and renamed over it once complete, so a failed
    /// compile leaves no partial index.
    Compile(CompileArgs),
}

#[derive(Args, Debug)]
struct CompileArgs {
    #[command(flatten)]
    lists: ListArgs,
    /// The index file to write (replaced if it exists).
    #[arg(long, short, value_name = "INDEX", value_hint = clap::ValueHint::FilePath)]
    output: PathBuf,
    /// Gazetteers to compile: TSV (`name<TAB>type<TAB>variant|variant...`, `#` comments)
    /// or, for a name ending in .jsonl or .json, JSON Lines (`name`, `type`, `variants`,
    /// `payload`).
    #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    files: Vec<PathBuf>,
}

/// `nass gazetteer ...`.
pub fn run(args: &GazetteerArgs) -> Result<(), CliError> {
    match &args.command {
        GazetteerCommand::Compile(args) => compile(args),
    }
}

fn compile(args: &CompileArgs) -> Result<(), CliError> {
    let gazetteer = build(&args.files, &args.lists)?;
    // Written to a new file and renamed over INDEX (see `Gazetteer::save`).
    gazetteer
        .save(&args.output)
        .map_err(|e| CliError::Output(args.output.clone(), io_error(&e)))
}

/// The I/O error inside a gazetteer's write error (its message, if there is none).
fn io_error(e: &GazetteerError) -> io::Error {
    match std::error::Error::source(e).and_then(|s| s.downcast_ref::<io::Error>()) {
        Some(io) => io::Error::new(io.kind(), io.to_string()),
        None => io::Error::other(e.to_string()),
    }
}
