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

use std::ops::Range;

use crate::entry::{Entry, ErrorKind, GazetteerError};

/// The first eight bytes of every index file.
pub(crate) const MAGIC: [u8; 8] = *b"nassgzix";
/// The version of the layout this build writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 2;
pub(crate) const HEADER: usize = 32;
const TABLE_ROW: usize = 24;

/// An error about an index (`source` is its path, or `"index"` for bytes).
pub(crate) fn bad(source: &str, why: impl Into<String>) -> GazetteerError {
    GazetteerError::new(source, None, ErrorKind::Index(why.into()))
}

/// Writes an index into one buffer: sections are appended one after the other (each
/// written in place, not copied from a buffer of its own), then the table, checksum and
/// header are filled in.
pub(crate) struct FileWriter {
    out: Vec<u8>,
    sections: usize,
    table: Vec<(u32, usize, usize)>,
    open: Option<(u32, usize)>,
}

fn pad8(n: usize) -> usize {
    n.next_multiple_of(8)
}

impl FileWriter {
    /// A file of `sections` sections.
    pub(crate) fn new(sections: usize) -> Self {
        FileWriter {
            out: vec![0; pad8(HEADER + sections * TABLE_ROW)],
            sections,
            table: Vec::with_capacity(sections),
            open: None,
        }
    }

    /// Starts section `id`: append its bytes to the buffer returned, then call
    /// [`end`](Self::end).
    pub(crate) fn begin(&mut self, id: u32) -> &mut Vec<u8> {
        self.out.resize(pad8(self.out.len()), 0);
        self.open = Some((id, self.out.len()));
        &mut self.out
    }

    /// Ends the section begun last.
    pub(crate) fn end(&mut self) {
        let (id, start) = self.open.take().expect("a section was begun");
        self.table.push((id, start, self.out.len() - start));
    }

    /// Appends a whole section.
    pub(crate) fn section(&mut self, id: u32, bytes: &[u8]) {
        self.begin(id).extend_from_slice(bytes);
        self.end();
    }

    /// The file.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        assert_eq!(self.table.len(), self.sections, "every section was written");
        self.out.resize(pad8(self.out.len()), 0);
        for (row, &(id, start, len)) in self.table.iter().enumerate() {
            let at = HEADER + row * TABLE_ROW;
            self.out[at..at + 4].copy_from_slice(&id.to_le_bytes());
            self.out[at + 8..at + 16].copy_from_slice(&(start as u64).to_le_bytes());
            self.out[at + 16..at + 24].copy_from_slice(&(len as u64).to_le_bytes());
        }
        let crc = crc32fast::hash(&self.out[HEADER..]);
        let total = self.out.len() as u64;
        let h = &mut self.out[..HEADER];
        h[..8].copy_from_slice(&MAGIC);
        h[8..12].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
        h[12..16].copy_from_slice(&(self.sections as u32).to_le_bytes());
        h[16..24].copy_from_slice(&total.to_le_bytes());
        h[24..28].copy_from_slice(&crc.to_le_bytes());
        self.out.shrink_to_fit();
        self.out
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
        std::str::from_utf8(self.str_bytes()?).ok()
    }

    /// The bytes of a string, not checked to be UTF-8 (for strings skipped over).
    pub(crate) fn str_bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.varint()?).ok()?;
        self.take(n)
    }
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
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
