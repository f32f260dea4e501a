//! The streaming engine every filter shares: read the inputs in large chunks, validate
//! UTF-8 (under `--lossy`, replace each invalid sequence with U+FFFD in place), cut where
//! the caller says a cut is safe, and hand each piece over with a map from its text to
//! byte offsets of the input.
//!
//! The text handed over is the text of the inputs one after the other, with a byte order
//! mark at the very start of a file left out. Offsets count input bytes from the start of
//! the whole input: the bytes of a left-out byte order mark count, and a U+FFFD that
//! stands for invalid bytes spans those bytes.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::CliError;

/// A point where the text and the input stop running in step: at text position `text`
/// (counted over the whole stream) the input offset is `input`. After a U+FFFD that
/// stands for an invalid sequence, or after a byte order mark that was left out
/// (`zero_width`: it left no text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    text: u64,
    input: u64,
    zero_width: bool,
}

/// A piece of the text, valid UTF-8, with what maps it back to input offsets.
#[derive(Clone, Copy, Debug)]
pub struct Piece<'a> {
    /// The text (under `--lossy`, with U+FFFD in place of each invalid sequence).
    pub text: &'a str,
    /// The piece ends at a forced cut: no safe cut point was found in
    /// [`StreamOptions::max_pending`] bytes, and the text goes on in the next piece.
    pub forced: bool,
    /// Position of `text` in the text of the whole stream.
    text_pos: u64,
    /// The anchors from the last one before the piece on, in order.
    anchors: &'a [Anchor],
}

impl Piece<'_> {
    /// The input offset where the character at byte `pos` of the text starts: the start
    /// of a span. A U+FFFD standing for invalid bytes starts at the first of them.
    pub fn start_of(&self, pos: usize) -> u64 {
        let t = self.text_pos + pos as u64;
        self.map(t, self.anchors.partition_point(|a| a.text <= t))
    }

    /// The input offset where the character that ends at byte `pos` of the text ends: the
    /// end of a span. A U+FFFD standing for invalid bytes ends after the last of them.
    pub fn end_of(&self, pos: usize) -> u64 {
        let t = self.text_pos + pos as u64;
        let n = self
            .anchors
            .partition_point(|a| a.text < t || (a.text == t && !a.zero_width));
        self.map(t, n)
    }

    /// The input span of the text span `start..end`.
    pub fn span(&self, start: usize, end: usize) -> (u64, u64) {
        (self.start_of(start), self.end_of(end))
    }

    /// The input offset of text position `t`, with `n` anchors at or before it.
    fn map(&self, t: u64, n: usize) -> u64 {
        match n.checked_sub(1).map(|i| self.anchors[i]) {
            Some(a) => a.input + (t - a.text),
            None => t,
        }
    }
}

/// Pieces gathered one after the other into one buffer, with what maps each back to
/// input offsets: pieces to hand to another thread as one job.
#[derive(Default)]
pub struct Batch {
    /// The pieces' text, one after the other.
    text: String,
    /// Where each piece ends in `text`, its position in the stream, whether it ends at a
    /// forced cut.
    ends: Vec<(usize, u64, bool)>,
    /// The anchors of every piece (from the last one before the first on).
    anchors: Vec<Anchor>,
}

impl Batch {
    /// An empty batch that uses `text`'s buffer.
    pub fn new(mut text: String) -> Self {
        text.clear();
        Batch {
            text,
            ends: Vec::new(),
            anchors: Vec::new(),
        }
    }

    /// Adds `piece` at the end.
    pub fn push(&mut self, piece: &Piece<'_>) {
        self.text.push_str(piece.text);
        self.ends
            .push((self.text.len(), piece.text_pos, piece.forced));
        // The anchors not already here: a piece's start with those of the piece before.
        // Anchors go up strictly in input offset.
        let last = self.anchors.last().map(|a| a.input);
        let new = piece
            .anchors
            .iter()
            .skip_while(|a| last.is_some_and(|last| a.input <= last));
        self.anchors.extend(new);
    }

    /// The bytes of text gathered.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether no piece is gathered.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Calls `each` with every piece in order.
    pub fn for_each(&self, mut each: impl FnMut(&Piece<'_>)) {
        let mut start = 0;
        for &(end, text_pos, forced) in &self.ends {
            each(&Piece {
                text: &self.text[start..end],
                forced,
                text_pos,
                anchors: &self.anchors,
            });
            start = end;
        }
    }

    /// The text buffer, to use again.
    pub fn into_text(self) -> String {
        self.text
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
            max_pending: MAX_PENDING,
        }
    }
}

/// Bytes read at a time. 128 KiB keeps the input piece and the output buffer in the
/// caches (1 MiB pieces ran at half the speed), with half the reads, pieces and writes of
/// 64 KiB: `nass normalize` into a pipe took about 10 % less time (see BENCHMARKS.md).
pub const DEFAULT_CHUNK_SIZE: usize = 128 << 10;

/// The most text held while waiting for a safe cut: a stretch this long with no safe cut
/// point (no whitespace for the word filters, no line break for `calendar`, no base
/// character for `normalize`) is cut anyway. The subcommands' help gives the figure.
pub const MAX_PENDING: usize = 1 << 20;

/// How far `line_cut` reads while looking for a line break before it gives up and asks
/// for a cut inside the line.
pub const MAX_LINE_WAIT: usize = 1 << 20;

/// The byte order mark, left out at the very start of each input file.
const BOM: &[u8] = "\u{FEFF}".as_bytes();

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

/// Streams the text of `inputs` (standard input when empty) as valid UTF-8 pieces.
/// `cut(text)` returns the largest offset at which `text` may be cut (0 for none);
/// `piece` receives each [`Piece`] in order.
///
/// Each file's text ends with the file (a character cannot start in one file and end in
/// the next), and a byte order mark at its very start is left out. Under `lossy`, each
/// invalid sequence becomes one U+FFFD inside the text, and the text is cut only where
/// `cut` allows.
///
/// On an error, what was read before it is handed over first: before a file that cannot
/// be opened or read, everything pending, as if the input ended there; before invalid
/// UTF-8 (without `lossy`), what `cut` allows in the text followed by U+FFFD, so the
/// output is the part of the `--lossy` output that comes before the bad bytes.
pub fn for_each_piece(
    inputs: &[PathBuf],
    options: StreamOptions,
    cut: impl FnMut(&str) -> usize,
    piece: impl FnMut(Piece<'_>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let stdin = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin[..]
    } else {
        inputs
    };
    let mut stream = Stream {
        options,
        cut,
        piece,
        buf: vec![0; options.chunk_size],
        text_len: 0,
        filled: 0,
        text_base: 0,
        raw_input: 0,
        file_start: 0,
        anchors: Vec::new(),
        next_try: 0,
        scratch: Vec::new(),
    };
    for path in inputs {
        let read = stream.read_file(path);
        if let Err(e) = read {
            // Everything before an unreadable file (or before a read error) is handed
            // over first, unless it is itself in error.
            return match e {
                CliError::Open(..) | CliError::Read(..) => stream.finish().and(Err(e)),
                e => Err(e),
            };
        }
    }
    stream.finish()
}

/// The state of a stream between reads.
struct Stream<C, P> {
    options: StreamOptions,
    cut: C,
    piece: P,
    /// `buf[..text_len]`: text not yet handed over (valid UTF-8); `buf[text_len..filled]`:
    /// bytes read and not yet checked. The buffer only grows (when a long stretch has no
    /// safe cut), so it is zero-filled once, not on every read.
    buf: Vec<u8>,
    text_len: usize,
    filled: usize,
    /// Position of `buf[0]` in the text of the whole stream.
    text_base: u64,
    /// Input offset of `buf[text_len]`, the first byte not yet checked.
    raw_input: u64,
    /// Input offset of the first byte of the file being read.
    file_start: u64,
    /// From the last anchor before `buf[0]` on.
    anchors: Vec<Anchor>,
    /// `cut` is asked again once this much text is pending, so that a long stretch with
    /// no safe cut costs linear time, not a scan of all of it after every read.
    next_try: usize,
    /// Where `--lossy` writes the text of a chunk with invalid bytes.
    scratch: Vec<u8>,
}

impl<C, P> Stream<C, P>
where
    C: FnMut(&str) -> usize,
    P: FnMut(Piece<'_>) -> Result<(), CliError>,
{
    /// Reads one input to its end, handing over what can be handed over.
    fn read_file(&mut self, path: &Path) -> Result<(), CliError> {
        let mut reader = open(path)?;
        // Every byte of the files before is checked by now.
        self.file_start = self.raw_input;
        let chunk = self.options.chunk_size;
        // Until the first 3 bytes of the file are in (or it ends), whether it starts with
        // a byte order mark is not known, and nothing of it is checked.
        let mut bom_known = false;
        loop {
            if self.buf.len() - self.filled < chunk {
                self.buf.resize(self.filled + chunk, 0);
            }
            let got = loop {
                match reader.read(&mut self.buf[self.filled..self.filled + chunk]) {
                    Ok(got) => break got,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        // What is complete is handed over; a character cut by the
                        // error is not input yet.
                        self.filled = self.text_len;
                        return Err(CliError::Read(path.to_path_buf(), e));
                    }
                }
            };
            self.filled += got;
            let file_end = got == 0;
            if !bom_known {
                if self.filled - self.text_len < BOM.len() && !file_end {
                    continue;
                }
                bom_known = true;
                self.skip_bom();
            }
            self.check(file_end, path)?;
            if file_end {
                return Ok(());
            }
            self.hand_over()?;
        }
    }

    /// Leaves out a byte order mark at the start of the bytes not yet checked (the start
    /// of a file), with an anchor that keeps the offsets after it file offsets.
    fn skip_bom(&mut self) {
        let (start, end) = (self.text_len, self.filled);
        if self.buf[start..end].starts_with(BOM) {
            self.buf.copy_within(start + BOM.len()..end, start);
            self.filled -= BOM.len();
            self.raw_input += BOM.len() as u64;
            self.anchors.push(Anchor {
                text: self.text_base + start as u64,
                input: self.raw_input,
                zero_width: true,
            });
        }
    }

    /// Checks the bytes read (at the end of a file, all of them; before, up to the last
    /// complete sequence) and adds them to the text; under `--lossy`, invalid sequences
    /// become U+FFFD.
    fn check(&mut self, file_end: bool, path: &Path) -> Result<(), CliError> {
        let raw = &self.buf[self.text_len..self.filled];
        let limit = if file_end {
            raw.len()
        } else {
            complete_prefix(raw)
        };
        // The basic validator is the faster on valid text, but it reads all of it before
        // it answers, and only the compat one says where an error is.
        if simdutf8::basic::from_utf8(&raw[..limit]).is_ok() {
            self.text_len += limit;
            self.raw_input += limit as u64;
            return Ok(());
        }
        if !self.options.lossy {
            let valid = match simdutf8::compat::from_utf8(&raw[..limit]) {
                Ok(_) => limit, // not reached: the basic validator said no
                Err(e) => e.valid_up_to(),
            };
            self.text_len += valid;
            self.raw_input += valid as u64;
            let error = CliError::InvalidUtf8 {
                offset: self.raw_input,
                file_offset: self.raw_input - self.file_start,
                path: path.to_path_buf(),
            };
            return self.hand_over_before_error().and(Err(error));
        }
        // The text of the checked bytes goes to `scratch`, then back in place of them.
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        let mut i = 0;
        while i < limit {
            let rest = &raw[i..limit];
            let (valid, bad_len) = match simdutf8::compat::from_utf8(rest) {
                Ok(_) => (rest.len(), 0),
                Err(e) => (
                    e.valid_up_to(),
                    e.error_len().unwrap_or(rest.len() - e.valid_up_to()),
                ),
            };
            out.extend_from_slice(&rest[..valid]);
            i += valid;
            if bad_len > 0 {
                out.extend_from_slice("\u{FFFD}".as_bytes());
                i += bad_len;
                self.anchors.push(Anchor {
                    text: self.text_base + (self.text_len + out.len()) as u64,
                    input: self.raw_input + i as u64,
                    zero_width: false,
                });
            }
        }
        let mut tail = [0u8; 4];
        let tail_len = raw.len() - limit; // an incomplete sequence, at most 3 bytes
        tail[..tail_len].copy_from_slice(&raw[limit..]);
        let end = self.text_len + out.len();
        if self.buf.len() < end + tail_len {
            self.buf.resize(end + tail_len, 0);
        }
        self.buf[self.text_len..end].copy_from_slice(&out);
        self.buf[end..end + tail_len].copy_from_slice(&tail[..tail_len]);
        self.text_len = end;
        self.filled = end + tail_len;
        self.raw_input += limit as u64;
        self.scratch = out;
        Ok(())
    }

    /// Hands over what `cut` allows, or a forced cut when nothing is allowed in
    /// `max_pending` bytes. `cut` is asked only once the pending text has doubled since it
    /// last said what was left had no cut point.
    fn hand_over(&mut self) -> Result<(), CliError> {
        let max = self.options.max_pending;
        if self.text_len < self.next_try.min(max) || self.text_len == 0 {
            return Ok(());
        }
        let text = as_text(&self.buf[..self.text_len]);
        let mut k = (self.cut)(text).min(text.len());
        let mut forced = false;
        if k == 0 && text.len() >= max {
            // No safe cut in a very long stretch: cut at the last char boundary so memory
            // stays bounded.
            k = text.char_indices().last().map_or(0, |(i, _)| i);
            forced = true;
        }
        self.next_try = 2 * (self.text_len - k);
        if k == 0 {
            return Ok(());
        }
        // The text checked for the cut is handed over as it is, not checked again.
        (self.piece)(Piece {
            text: &text[..k],
            forced,
            text_pos: self.text_base,
            anchors: &self.anchors,
        })?;
        self.drop_front(k);
        Ok(())
    }

    /// Before an invalid-UTF-8 error: hands over what `cut` allows with a U+FFFD after
    /// the text, where `--lossy` would put one.
    fn hand_over_before_error(&mut self) -> Result<(), CliError> {
        let mut with_replacement = self.buf[..self.text_len].to_vec();
        with_replacement.extend_from_slice("\u{FFFD}".as_bytes());
        let with_replacement = String::from_utf8(with_replacement).expect("checked UTF-8");
        let k = (self.cut)(&with_replacement).min(self.text_len);
        self.emit(k)
    }

    /// Hands over all the pending text, as at the end of the input.
    fn finish(&mut self) -> Result<(), CliError> {
        self.filled = self.text_len; // nothing unchecked is left but after a read error
        self.emit(self.text_len)
    }

    /// Hands over `buf[..k]` (not a forced cut) and drops it.
    fn emit(&mut self, k: usize) -> Result<(), CliError> {
        if k == 0 {
            return Ok(());
        }
        let text = as_text(&self.buf[..k]);
        (self.piece)(Piece {
            text,
            forced: false,
            text_pos: self.text_base,
            anchors: &self.anchors,
        })?;
        self.drop_front(k);
        Ok(())
    }

    /// Drops `buf[..k]`, handed over.
    fn drop_front(&mut self, k: usize) {
        self.buf.copy_within(k..self.filled, 0);
        self.filled -= k;
        self.text_len -= k;
        self.text_base += k as u64;
        // Keep the last anchor before the new start: it maps the positions after it.
        let before = self.anchors.partition_point(|a| a.text < self.text_base);
        self.anchors.drain(..before.saturating_sub(1));
    }
}

/// Bytes already checked, as text. Checking them again is the price of no `unsafe`: the
/// SIMD validator makes it small (the standard library's took three quarters of the time
/// of `nass digits`).
fn as_text(checked: &[u8]) -> &str {
    simdutf8::basic::from_utf8(checked).expect("checked UTF-8")
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
    use super::*;
    use proptest::prelude::*;

    /// Writes `files` to a temporary directory; returns it (to keep) and their paths.
    fn write_files(files: &[&[u8]]) -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let paths = files
            .iter()
            .enumerate()
            .map(|(i, bytes)| {
                let path = dir.path().join(i.to_string());
                std::fs::write(&path, bytes).unwrap();
                path
            })
            .collect();
        (dir, paths)
    }

    /// Streams `files` with `lossy`, cutting after the last space; returns each piece's
    /// text and, for each of its characters, the input span it maps to.
    fn pieces(files: &[&[u8]], chunk_size: usize) -> Vec<(String, Vec<(u64, u64)>)> {
        let (_dir, paths) = write_files(files);
        let options = StreamOptions {
            lossy: true,
            chunk_size,
            max_pending: 64,
        };
        let mut got = Vec::new();
        for_each_piece(
            &paths,
            options,
            |t| t.rfind(' ').map_or(0, |i| i + 1),
            |p| {
                let spans = p
                    .text
                    .char_indices()
                    .map(|(i, c)| p.span(i, i + c.len_utf8()))
                    .collect();
                got.push((p.text.to_string(), spans));
                Ok(())
            },
        )
        .unwrap();
        got
    }

    /// Bytes with Arabic letters, spaces, byte order marks and invalid sequences.
    fn messy_bytes() -> impl Strategy<Value = Vec<u8>> {
        let part = prop_oneof![
            Just("ب".as_bytes().to_vec()),
            Just("ئ ".as_bytes().to_vec()),
            Just(b" ".to_vec()),
            Just("\u{FEFF}".as_bytes().to_vec()),
            Just(b"\xff".to_vec()),
            Just(b"\xd8".to_vec()),
            Just(b"\xe2\x82".to_vec()),
            Just(b"\xf0\x9f\x98".to_vec()),
            Just("😀".as_bytes().to_vec()),
        ];
        proptest::collection::vec(part, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn lossy_text_and_spans_match_the_input(
            files in proptest::collection::vec(messy_bytes(), 1..4),
            chunk_size in 1usize..20,
        ) {
            let refs: Vec<&[u8]> = files.iter().map(|f| &f[..]).collect();
            let got = pieces(&refs, chunk_size);
            // The text is each file's, lossily decoded, without a leading mark.
            let want: String = files
                .iter()
                .map(|f| {
                    let f = f.strip_prefix(BOM).unwrap_or(f);
                    String::from_utf8_lossy(f).into_owned()
                })
                .collect();
            let text: String = got.iter().map(|(t, _)| t.as_str()).collect();
            prop_assert_eq!(&text, &want);
            // Each character's span slices the input to it.
            let input = files.concat();
            let mut spans = got.iter().flat_map(|(_, s)| s.iter().copied());
            for c in text.chars() {
                let (s, e) = spans.next().unwrap();
                let slice = String::from_utf8_lossy(&input[s as usize..e as usize]);
                prop_assert_eq!(slice.into_owned(), c.to_string());
            }
            // Spans run in order and never overlap.
            let all: Vec<(u64, u64)> = got.iter().flat_map(|(_, s)| s.iter().copied()).collect();
            prop_assert!(all.windows(2).all(|w| w[0].1 <= w[1].0));
        }
    }

    #[test]
    fn a_stretch_without_a_cut_costs_linear_time() {
        // 2 MiB with no cut point, read 1 KiB at a time: the cut function is asked again
        // only when the pending text has doubled.
        let text = vec![b'a'; 2 << 20];
        let (_dir, paths) = write_files(&[&text]);
        let options = StreamOptions {
            lossy: false,
            chunk_size: 1 << 10,
            max_pending: 4 << 20,
        };
        let mut scanned = 0;
        let mut handed = 0;
        for_each_piece(
            &paths,
            options,
            |t| {
                scanned += t.len();
                0
            },
            |p| {
                handed += p.text.len();
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(handed, text.len());
        assert!(scanned <= 4 * text.len(), "{scanned} bytes scanned");
    }

    #[test]
    fn a_forced_cut_keeps_memory_bounded_and_is_marked() {
        let text = vec![b'a'; 100];
        let (_dir, paths) = write_files(&[&text]);
        let options = StreamOptions {
            lossy: false,
            chunk_size: 7,
            max_pending: 16,
        };
        let mut pieces = Vec::new();
        for_each_piece(
            &paths,
            options,
            |_| 0,
            |p| {
                pieces.push((p.text.len(), p.forced));
                Ok(())
            },
        )
        .unwrap();
        assert!(pieces.iter().all(|&(n, _)| n <= 16 + 7));
        assert!(pieces[..pieces.len() - 1].iter().all(|&(_, f)| f));
        assert!(!pieces.last().unwrap().1);
        assert_eq!(pieces.iter().map(|p| p.0).sum::<usize>(), 100);
    }

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

    #[test]
    fn spans_map_past_replacements_and_a_byte_order_mark() {
        // Text "ab\u{FFFD}c" where the U+FFFD stands for 1 input byte, after a 3-byte BOM.
        let anchors = [
            Anchor {
                text: 0,
                input: 3,
                zero_width: true,
            },
            Anchor {
                text: 5,
                input: 6,
                zero_width: false,
            },
        ];
        let piece = Piece {
            text: "ab\u{FFFD}c",
            forced: false,
            text_pos: 0,
            anchors: &anchors,
        };
        assert_eq!(piece.start_of(0), 3);
        assert_eq!(piece.end_of(0), 0); // before the mark
        assert_eq!(piece.span(2, 5), (5, 6)); // the U+FFFD spans its one byte
        assert_eq!(piece.span(5, 6), (6, 7));
    }
}
