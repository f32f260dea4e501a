//! The streaming engine every filter shares: read the concatenation of the inputs in
//! large chunks, validate UTF-8, cut where the caller says a cut is safe, and hand each
//! piece over with its byte offset from the start of the whole input.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::CliError;

/// A piece of the input, valid UTF-8.
#[derive(Clone, Copy, Debug)]
pub struct Piece<'a> {
    /// The text.
    pub text: &'a str,
    /// Its byte offset from the start of the whole input (every file counted, in order).
    pub offset: u64,
    /// How many input bytes it stands for: `text.len()`, except for the U+FFFD that
    /// `--lossy` puts in place of an invalid sequence, which stands for that sequence.
    pub input_len: usize,
}

impl<'a> Piece<'a> {
    fn new(text: &'a str, offset: u64) -> Self {
        Piece {
            text,
            offset,
            input_len: text.len(),
        }
    }
}

/// How the inputs are read.
#[derive(Clone, Copy, Debug)]
pub struct StreamOptions {
    /// Replace invalid UTF-8 with U+FFFD instead of stopping with an error.
    pub lossy: bool,
    /// Bytes read at a time.
    pub chunk_size: usize,
    /// When no safe cut exists in this many pending bytes, cut at the last char boundary
    /// anyway, so memory stays bounded whatever the input.
    pub max_pending: usize,
}

impl Default for StreamOptions {
    fn default() -> Self {
        StreamOptions {
            lossy: false,
            chunk_size: DEFAULT_CHUNK_SIZE,
            max_pending: 16 << 20,
        }
    }
}

/// Bytes read at a time. 128 KiB keeps the input piece and the output buffer in the
/// caches (1 MiB pieces ran at half the speed), with half the reads, pieces and writes of
/// 64 KiB: `nass normalize` into a pipe took about 10 % less time (see BENCHMARKS.md).
pub const DEFAULT_CHUNK_SIZE: usize = 128 << 10;

/// How far `line_cut` reads while looking for a line break before it gives up and asks
/// for a cut inside the line.
pub const MAX_LINE_WAIT: usize = 1 << 20;

/// A cut for filters whose records may span whitespace but never a line break: after the
/// last line break of `text`; failing that, 0 (read more) until `text` reaches
/// [`MAX_LINE_WAIT`] bytes, and then `inside_line(text)`.
pub fn line_cut(text: &str, inside_line: impl FnOnce(&str) -> usize) -> usize {
    match memchr::memrchr(b'\n', text.as_bytes()) {
        Some(i) => i + 1,
        None if text.len() < MAX_LINE_WAIT => 0,
        None => inside_line(text),
    }
}

/// One input: a file, or standard input for `-`.
fn open(path: &Path) -> Result<Box<dyn Read>, CliError> {
    if path.as_os_str() == "-" {
        Ok(Box::new(io::stdin().lock()))
    } else {
        File::open(path)
            .map(|f| Box::new(f) as Box<dyn Read>)
            .map_err(|e| CliError::Open(path.to_path_buf(), e))
    }
}

/// Streams the concatenation of `inputs` (standard input when empty) as valid UTF-8
/// pieces. `cut(text)` returns the largest offset at which `text` may be cut (0 for
/// none); `piece` receives each [`Piece`] in order. Under `lossy`, an invalid sequence
/// ends the piece before it and becomes a piece of its own, one U+FFFD.
pub fn for_each_piece(
    inputs: &[PathBuf],
    options: StreamOptions,
    mut cut: impl FnMut(&str) -> usize,
    mut piece: impl FnMut(Piece<'_>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let stdin = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin[..]
    } else {
        inputs
    };
    // buf[..filled] holds bytes read and not yet handed over; the buffer only grows (when
    // a long stretch has no safe cut), so it is zero-filled once, not on every read.
    let mut buf: Vec<u8> = vec![0; options.chunk_size];
    let mut filled = 0;
    // Offset of buf[0] from the start of the whole input, in input bytes.
    let mut offset: u64 = 0;
    for (k, path) in inputs.iter().enumerate() {
        let last_input = k + 1 == inputs.len();
        let mut reader = open(path)?;
        loop {
            if buf.len() - filled < options.chunk_size {
                buf.resize(filled + options.chunk_size, 0);
            }
            let got = loop {
                match reader.read(&mut buf[filled..filled + options.chunk_size]) {
                    Ok(got) => break got,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(CliError::Read(path.clone(), e)),
                }
            };
            filled += got;
            let at_end = got == 0;
            if at_end && !last_input {
                break; // the next file continues the same stream
            }
            let consumed = process(
                &buf[..filled],
                at_end,
                offset,
                path,
                options,
                &mut cut,
                &mut piece,
            )?;
            buf.copy_within(consumed..filled, 0);
            filled -= consumed;
            offset += consumed as u64;
            if at_end {
                break;
            }
        }
    }
    debug_assert_eq!(filled, 0);
    Ok(())
}

/// Hands over what can be handed over from `buf`; returns how many bytes it consumed.
#[allow(clippy::too_many_arguments)]
fn process(
    buf: &[u8],
    at_end: bool,
    offset: u64,
    path: &Path,
    options: StreamOptions,
    cut: &mut impl FnMut(&str) -> usize,
    piece: &mut impl FnMut(Piece<'_>) -> Result<(), CliError>,
) -> Result<usize, CliError> {
    let mut start = 0;
    loop {
        let rest = &buf[start..];
        // Before the end, validate only up to the last complete sequence: a read usually
        // stops inside a character, and that is not an error.
        let limit = if at_end {
            rest.len()
        } else {
            complete_prefix(rest)
        };
        // The basic validator is the faster on valid text, but it reads all of it before
        // it answers, and only the compat one says where an error is. So the basic one
        // goes first, once per buffer; after an error (with `--lossy`, the next may be a
        // few bytes on) the compat one alone, which stops at the error.
        let checked = if start == 0 {
            simdutf8::basic::from_utf8(&rest[..limit])
                .or_else(|_| simdutf8::compat::from_utf8(&rest[..limit]))
        } else {
            simdutf8::compat::from_utf8(&rest[..limit])
        };
        let (valid, bad) = match checked {
            Ok(text) => (text, None),
            Err(e) => {
                let text = std::str::from_utf8(&rest[..e.valid_up_to()])
                    .expect("simdutf8 reported this prefix valid");
                (text, Some(e.error_len()))
            }
        };
        match bad {
            // Invalid bytes inside the buffer, or an incomplete sequence at the very end.
            Some(len) if len.is_some() || at_end => {
                let bad_at = offset + (start + valid.len()) as u64;
                if !options.lossy {
                    // Everything before the bad byte is handed over first.
                    if !valid.is_empty() {
                        piece(Piece::new(valid, offset + start as u64))?;
                    }
                    return Err(CliError::InvalidUtf8 {
                        offset: bad_at,
                        path: path.to_path_buf(),
                    });
                }
                let bad_len = len.unwrap_or(rest.len() - valid.len());
                if !valid.is_empty() {
                    piece(Piece::new(valid, offset + start as u64))?;
                }
                piece(Piece {
                    text: "\u{FFFD}",
                    offset: bad_at,
                    input_len: bad_len,
                })?;
                start += valid.len() + bad_len;
                continue;
            }
            // An incomplete sequence at the end: wait for more bytes.
            _ => {}
        }
        if at_end {
            if !valid.is_empty() {
                piece(Piece::new(valid, offset + start as u64))?;
            }
            return Ok(start + valid.len());
        }
        let mut k = cut(valid);
        if k == 0 && valid.len() >= options.max_pending {
            // No safe cut in a very long stretch: cut at the last char boundary so memory
            // stays bounded (only a run of combining marks this long with no base
            // character gets here).
            k = valid.char_indices().last().map_or(0, |(i, _)| i);
        }
        if k > 0 {
            piece(Piece::new(&valid[..k], offset + start as u64))?;
        }
        return Ok(start + k);
    }
}

/// The length of the longest prefix of `b` that does not end inside a UTF-8 sequence
/// (whether the bytes are valid is for the validator to say).
fn complete_prefix(b: &[u8]) -> usize {
    let n = b.len();
    for back in 1..=n.min(3) {
        let x = b[n - back];
        if x & 0xC0 != 0x80 {
            let need = match x {
                0xF0.. => 4,
                0xE0.. => 3,
                0xC0.. => 2,
                _ => 1,
            };
            return if need > back { n - back } else { n };
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::complete_prefix;

    #[test]
    fn complete_prefix_stops_before_a_cut_sequence() {
        let s = "aب€😀".as_bytes(); // 1 + 2 + 3 + 4 bytes
        assert_eq!(complete_prefix(s), s.len());
        assert_eq!(complete_prefix(&s[..2]), 1); // half of ب
        assert_eq!(complete_prefix(&s[..5]), 3); // two thirds of €
        assert_eq!(complete_prefix(&s[..9]), 6); // three quarters of 😀
        assert_eq!(complete_prefix(b""), 0);
        assert_eq!(complete_prefix(b"\x80\x80\x80\x80"), 4); // invalid: the validator's call
    }
}
