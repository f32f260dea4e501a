//! The compiled index file: a header, a table of sections and the sections.
//!
//! ```text
//! offset 0   magic "nassgzix" (8 bytes)
//!        8   format version, u32 little-endian (FORMAT_VERSION)
//!       12   number of sections, u32
//!       16   length of the whole file, u64
//!       24   CRC-32 (IEEE) of every byte from offset 32 to the end, u32
//!       28   reserved, 0
//!       32   the section table: per section its id (u32), 0 (u32), offset (u64) and
//!            length (u64) in the file; sections start at multiples of 8, in the table's
//!            order, inside the file, without overlapping
//!            then the sections
//! ```
//!
//! Every number is little-endian. The checksum is verified when a file is opened, so a
//! corrupt file (a flipped bit, a cut) is an error, never a wrong match.

use std::io::{Read, Write};
use std::ops::Range;

use crate::entry::{Entry, ErrorKind, GazetteerError};

/// The first eight bytes of every index file.
pub(crate) const MAGIC: [u8; 8] = *b"nassgzix";
/// The version of the layout this build writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 1;
pub(crate) const HEADER: usize = 32;
const TABLE_ROW: usize = 24;

/// An error about an index (`source` is its path, or `"index"` for bytes).
pub(crate) fn bad(source: &str, why: impl Into<String>) -> GazetteerError {
    GazetteerError::new(source, None, ErrorKind::Index(why.into()))
}

/// Collects sections and writes the file.
#[derive(Default)]
pub(crate) struct FileWriter {
    sections: Vec<(u32, Vec<u8>)>,
}

fn pad8(n: usize) -> usize {
    n.next_multiple_of(8)
}

impl FileWriter {
    pub(crate) fn section(&mut self, id: u32, bytes: Vec<u8>) {
        self.sections.push((id, bytes));
    }

    /// The table and the sections' offsets.
    fn table(&self) -> (Vec<u8>, usize) {
        let mut table = Vec::with_capacity(self.sections.len() * TABLE_ROW);
        let mut at = pad8(HEADER + self.sections.len() * TABLE_ROW);
        for (id, bytes) in &self.sections {
            table.extend_from_slice(&id.to_le_bytes());
            table.extend_from_slice(&0u32.to_le_bytes());
            table.extend_from_slice(&(at as u64).to_le_bytes());
            table.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            at = pad8(at + bytes.len());
        }
        (table, at)
    }

    /// Writes the file: the checksum is computed over the pieces, then they are written.
    pub(crate) fn write(&self, mut w: impl Write) -> std::io::Result<()> {
        let (table, total) = self.table();
        let zeros = [0u8; 8];
        let mut pieces: Vec<&[u8]> = vec![&table];
        let mut at = HEADER + table.len();
        for (_, bytes) in &self.sections {
            pieces.push(&zeros[..pad8(at) - at]);
            at = pad8(at);
            pieces.push(bytes);
            at += bytes.len();
        }
        pieces.push(&zeros[..pad8(at) - at]);
        let mut crc = crc32fast::Hasher::new();
        for p in &pieces {
            crc.update(p);
        }
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(&MAGIC);
        header.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        header.extend_from_slice(&(self.sections.len() as u32).to_le_bytes());
        header.extend_from_slice(&(total as u64).to_le_bytes());
        header.extend_from_slice(&crc.finalize().to_le_bytes());
        header.extend_from_slice(&0u32.to_le_bytes());
        w.write_all(&header)?;
        for p in pieces {
            w.write_all(p)?;
        }
        w.flush()
    }
}

/// The sections of a file whose header and table were checked: the byte range of each
/// section, by id.
#[derive(Debug)]
pub(crate) struct Sections {
    ranges: Vec<(u32, Range<usize>)>,
}

impl Sections {
    /// The range of section `id`, or an error naming it.
    pub(crate) fn get(&self, id: u32, source: &str) -> Result<Range<usize>, GazetteerError> {
        self.ranges
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, r)| r.clone())
            .ok_or_else(|| bad(source, format!("the section {id} is missing")))
    }
}

pub(crate) fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"))
}

pub(crate) fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"))
}

/// Checks the header of a file of `file_len` bytes whose first bytes are `head` (at
/// least the header); returns the checksum to expect.
pub(crate) fn check_header(
    head: &[u8],
    file_len: u64,
    source: &str,
) -> Result<u32, GazetteerError> {
    if head.len() < 8 || head[..8] != MAGIC {
        return Err(bad(
            source,
            "not a nass gazetteer index (no 'nassgzix' at the start)",
        ));
    }
    if head.len() < HEADER {
        return Err(bad(
            source,
            format!("truncated at byte offset {}", head.len()),
        ));
    }
    let version = u32_at(head, 8);
    if version != FORMAT_VERSION {
        return Err(bad(
            source,
            format!(
                "unsupported index format version {version} (this build reads version {FORMAT_VERSION}); compile the index again"
            ),
        ));
    }
    let declared = u64_at(head, 16);
    if declared > file_len {
        return Err(bad(
            source,
            format!("truncated at byte offset {file_len} (the header says {declared} bytes)"),
        ));
    }
    if declared < file_len {
        return Err(bad(
            source,
            format!(
                "{} bytes after the end of the index ({declared} bytes)",
                file_len - declared
            ),
        ));
    }
    if u32_at(head, 28) != 0 {
        return Err(bad(source, "reserved header bytes are not zero"));
    }
    Ok(u32_at(head, 24))
}

/// The checksum of `body` compared with the header's.
pub(crate) fn check_crc(expected: u32, actual: u32, source: &str) -> Result<(), GazetteerError> {
    if expected != actual {
        return Err(bad(
            source,
            format!("checksum mismatch (header {expected:08x}, contents {actual:08x}): the file is corrupt"),
        ));
    }
    Ok(())
}

/// The CRC-32 of everything after the header of the file read from `r` (positioned just
/// after the header), read in blocks so that a mapped file's pages are not touched.
pub(crate) fn crc_of_reader(mut r: impl Read, source: &str) -> Result<u32, GazetteerError> {
    let mut crc = crc32fast::Hasher::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = match r.read(&mut buf) {
            Ok(0) => return Ok(crc.finalize()),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(GazetteerError::new(source, None, ErrorKind::Io(e))),
        };
        crc.update(&buf[..n]);
    }
}

/// The section table of `bytes`, whose header was checked: every section inside the
/// file, aligned, in order, without overlaps, each id once.
pub(crate) fn sections(bytes: &[u8], source: &str) -> Result<Sections, GazetteerError> {
    let count = u32_at(bytes, 12) as usize;
    let table_end = count
        .checked_mul(TABLE_ROW)
        .and_then(|n| n.checked_add(HEADER))
        .filter(|&n| n <= bytes.len())
        .ok_or_else(|| {
            bad(
                source,
                format!(
                    "truncated at byte offset {} (in the section table)",
                    bytes.len()
                ),
            )
        })?;
    let mut ranges: Vec<(u32, Range<usize>)> = Vec::with_capacity(count);
    let mut floor = table_end;
    for row in 0..count {
        let at = HEADER + row * TABLE_ROW;
        let (id, zero, offset, len) = (
            u32_at(bytes, at),
            u32_at(bytes, at + 4),
            u64_at(bytes, at + 8),
            u64_at(bytes, at + 16),
        );
        let end = offset.checked_add(len);
        let ok = zero == 0
            && offset % 8 == 0
            && offset >= floor as u64
            && end.is_some_and(|e| e <= bytes.len() as u64)
            && !ranges.iter().any(|(i, _)| *i == id);
        if !ok {
            return Err(bad(
                source,
                format!("section table row {row} (section {id}) is out of bounds or repeated"),
            ));
        }
        let (offset, end) = (offset as usize, end.unwrap_or(0) as usize);
        ranges.push((id, offset..end));
        floor = end;
    }
    Ok(Sections { ranges })
}

/// Checks `bytes` (a whole index in memory): header, checksum and table.
pub(crate) fn check_bytes(bytes: &[u8], source: &str) -> Result<Sections, GazetteerError> {
    let expected = check_header(bytes, bytes.len() as u64, source)?;
    check_crc(expected, crc32fast::hash(&bytes[HEADER..]), source)?;
    sections(bytes, source)
}

/// LEB128 unsigned numbers.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A cursor over a section's bytes, every read checked.
pub(crate) struct Cursor<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, at: 0 }
    }

    pub(crate) fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(b & 0x7F).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    pub(crate) fn str(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.varint()?).ok()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Appends one entry: canonical name, type number, variants, payload as JSON text (or
/// nothing).
pub(crate) fn put_entry(out: &mut Vec<u8>, e: &Entry, type_id: u32) {
    put_str(out, e.canonical());
    put_varint(out, u64::from(type_id));
    put_varint(out, e.variant_names().len() as u64);
    for v in e.variant_names() {
        put_str(out, v);
    }
    match e.payload() {
        None => out.push(0),
        Some(p) => {
            out.push(1);
            put_str(out, &p.to_string());
        }
    }
}

/// Reads one entry [`put_entry`] wrote; `None` if the bytes are not one.
pub(crate) fn get_entry(c: &mut Cursor<'_>, types: &[String]) -> Option<Entry> {
    let canonical = c.str()?;
    let ty = types.get(usize::try_from(c.varint()?).ok()?)?;
    let n = usize::try_from(c.varint()?).ok()?;
    let mut e = Entry::new(canonical, ty.as_str());
    // Each variant takes at least one byte: a count beyond the bytes left is corrupt.
    if n > c.bytes.len() - c.at {
        return None;
    }
    let mut variants = Vec::with_capacity(n);
    for _ in 0..n {
        variants.push(c.str()?.to_string());
    }
    e = e.variants(variants);
    match c.take(1)? {
        [0] => {}
        [1] => e = e.with_payload(serde_json::from_str(c.str()?).ok()?),
        _ => return None,
    }
    Some(e)
}
