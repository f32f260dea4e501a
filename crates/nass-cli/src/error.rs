//! Everything that stops a run, and the exit status it gives.

use std::io;
use std::path::PathBuf;

use nass::gazetteer::GazetteerError;

use crate::calendar::LineError;

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
        /// Offset from the start of the file it is in.
        file_offset: u64,
        /// The file the byte is in.
        path: PathBuf,
    },
    /// Standard output could not be written.
    Write(io::Error),
    /// Standard output is closed: whatever is written to it would be lost.
    StdoutClosed,
    /// A thread could not be started.
    Spawn(io::Error),
    /// A gazetteer could not be loaded (the error names the file and line).
    Gazetteer(GazetteerError),
    /// A compiled gazetteer index could not be opened (the error names the file).
    Index(GazetteerError),
    /// An output file (not standard output) could not be written.
    Output(PathBuf, io::Error),
    /// A line of input is not what the command reads.
    Line {
        /// Its number, from 1 over the whole input.
        line: u64,
        /// What is wrong with it.
        error: LineError,
    },
    /// Some lines failed and were reported one by one (`--keep-going`).
    SomeLinesFailed,
    /// A line of `nass numbers --to-words` is no number.
    NotANumber {
        /// Its number, from 1 over the whole input.
        line: u64,
        /// The input offset of the problem.
        offset: u64,
        /// What is wrong.
        why: String,
    },
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
            CliError::InvalidUtf8 {
                offset,
                file_offset,
                path,
            } => write!(
                f,
                "invalid UTF-8 at byte {offset} of the input (byte {file_offset} of {}); use --lossy to replace it with U+FFFD",
                name(path)
            ),
            CliError::Write(e) => write!(f, "write error: {e}"),
            CliError::StdoutClosed => write!(f, "standard output is closed"),
            CliError::Spawn(e) => write!(f, "cannot start a thread: {e}"),
            CliError::Gazetteer(e) => write!(f, "gazetteer {e}"),
            CliError::Index(e) => write!(f, "index {e}"),
            CliError::Output(p, e) => write!(f, "cannot write {}: {e}", p.display()),
            CliError::Line { line, error } => write!(f, "line {line}: {error}"),
            CliError::SomeLinesFailed => write!(f, "some lines could not be converted (see above)"),
            CliError::NotANumber { line, offset, why } => {
                write!(f, "line {line}: not a number at byte {offset} of the input: {why}")
            }
        }
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::Open(_, e)
            | CliError::Read(_, e)
            | CliError::Write(e)
            | CliError::Output(_, e)
            | CliError::Spawn(e) => Some(e),
            CliError::Gazetteer(e) | CliError::Index(e) => Some(e),
            CliError::Line { error, .. } => Some(error),
            _ => None,
        }
    }
}

// No `From<io::Error>`: an I/O error says nothing of which side it came from, so each
// one is given its kind (`Open`, `Read`, `Write`) where it happens, and a read error
// cannot turn into a write error through `?`.

impl CliError {
    /// Standard output is gone because its reader stopped reading (`| head`): the run
    /// ends quietly, with success.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, CliError::Write(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// The exit status of a run that stopped with an error (the argument parser's usage
/// errors exit with 2, a closed pipe with 0).
pub const FAILURE: u8 = 1;

/// The exit statuses, as `nass --help` lists them (and the README).
pub const EXIT_STATUS: &str = "\
Exit status:
  0  success, also when the reader of standard output stops early (| head)
  1  an error, printed on standard error as `nass: ...`: a file that cannot be opened or
     read, invalid UTF-8 without --lossy, a write error, a gazetteer that cannot be
     loaded, an index that cannot be opened or written, a line `nass calendar` cannot
     convert (with --keep-going: at the end), a line `nass numbers --to-words` cannot
     read
  2  a usage error: an unknown option or value, a missing argument";
