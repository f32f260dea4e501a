//! Saving a gazetteer as a compiled index and opening one: [`Gazetteer::write_index`],
//! [`Gazetteer::save`], [`Gazetteer::open`], [`Gazetteer::from_index_bytes`].

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::*;
use crate::file::{self, bad, Cursor};
use std::ops::Range;

/// Section ids. META: the normalizer's settings (8 bytes), the adjectives flag, 7 zero
/// bytes, then as u64s the numbers of entries, patterns and targets, the most words and
/// the most bytes in a pattern.
pub(crate) const META: u32 = 1;
/// The entity types: a count, then each as a length and UTF-8 (varints).
pub(crate) const TYPES: u32 = 2;
/// Where each entry's record starts in ENTRY_DATA (u64), one more for the end.
pub(crate) const ENTRY_OFFSETS: u32 = 3;
/// The entries' records ([`file::put_entry`]).
pub(crate) const ENTRY_DATA: u32 = 4;
/// The trie of the patterns ([`names`] module), mapping each to its number.
pub(crate) const NAMES: u32 = 5;
/// Per pattern a u32 (where its targets start, two flags), then the number of targets.
pub(crate) const PATTERNS: u32 = 6;
/// Per target 8 bytes ([`Target::to_bytes`]).
pub(crate) const TARGETS: u32 = 7;
/// The first-bytes filter.
pub(crate) const PREFIXES: u32 = 8;
/// The heads filter.
pub(crate) const HEADS: u32 = 9;

const META_COUNTS: usize = 5;

/// The META section.
pub(crate) fn meta_bytes(
    normalizer: &Normalizer,
    adjectives: bool,
    counts: &[u64; META_COUNTS],
) -> Vec<u8> {
    let mut m = normalizer.settings_bytes().to_vec();
    m.push(u8::from(adjectives));
    m.resize(16, 0);
    for c in counts {
        m.extend_from_slice(&c.to_le_bytes());
    }
    m
}

/// The number of sections an index has.
pub(crate) const SECTIONS: usize = 9;

/// The bytes of an index: built or read into memory, or a mapped file.
#[derive(Debug)]
pub(crate) enum Storage {
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl AsRef<[u8]> for Storage {
    fn as_ref(&self) -> &[u8] {
        match self {
            Storage::Owned(v) => v,
            Storage::Mapped(m) => m,
        }
    }
}

/// Maps `file` read-only.
///
/// Mapping is `unsafe` because the bytes change if another process writes the file while
/// it is mapped: the index is checked (checksum, bounds) when it is opened, and a file
/// rewritten or cut short in place while it is opened or afterwards can give wrong
/// matches or end the process (SIGBUS), as with any mapped file. Write a new index
/// beside the old one and rename it over instead.
/// Reading the file instead of mapping it costs its whole size in memory and time at
/// every start.
#[allow(unsafe_code)]
fn map(file: &File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: read-only mapping; see above for files changed while mapped.
    unsafe { memmap2::Mmap::map(file) }
}

/// The CRC-32 of everything after the header of `file` (`len` bytes), read through a
/// window of the file mapped at a time and unmapped after it: no copy of the file into a
/// buffer (reading 850 MB for 10 million names copied them at 6 GB/s, two thirds of the
/// time to open the index), and at most a window of it a thread counted in the process's
/// resident memory at once, so that the index's own map holds only the pages matching
/// reads. A large file is read in parts by a thread each, up to the cores there are
/// (reading memory, one core does not take all the bandwidth there is).
fn crc_of_mapped(file: &File, len: u64) -> std::io::Result<u32> {
    // A multiple of any page size.
    crc_of_mapped_in(file, len, 8 << 20)
}

/// [`crc_of_mapped`] with windows of `window` bytes (a multiple of the page size).
fn crc_of_mapped_in(file: &File, len: u64, window: u64) -> std::io::Result<u32> {
    let crc_of = |from: u64, to: u64| -> std::io::Result<crc32fast::Hasher> {
        let mut crc = crc32fast::Hasher::new();
        let mut offset = from;
        while offset < to {
            let n = (to - offset).min(window);
            let map = map_window(file, offset, n as usize)?;
            let skip = (file::HEADER as u64).saturating_sub(offset).min(n) as usize;
            crc.update(&map[skip..]);
            offset += n;
        }
        Ok(crc)
    };
    // Parts of whole windows, at least 8 windows each.
    let windows = len.div_ceil(window);
    let parts = if windows < 16 {
        1
    } else {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        (windows / 8).clamp(1, threads as u64)
    };
    if parts == 1 {
        return Ok(crc_of(0, len)?.finalize());
    }
    let per_part = windows.div_ceil(parts) * window;
    let part = |k: u64| ((k * per_part).min(len), ((k + 1) * per_part).min(len));
    let crcs = std::thread::scope(|scope| {
        // A part whose thread cannot be started is read on this one.
        let handles: Vec<_> = (1..parts)
            .map(|k| {
                let (from, to) = part(k);
                let thread = std::thread::Builder::new()
                    .spawn_scoped(scope, move || crc_of(from, to))
                    .ok();
                (k, thread)
            })
            .collect();
        let (from, to) = part(0);
        let mut crcs = vec![crc_of(from, to)];
        crcs.extend(handles.into_iter().map(|(k, thread)| {
            match thread {
                Some(h) => h
                    .join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("a checksum thread failed"))),
                None => {
                    let (from, to) = part(k);
                    crc_of(from, to)
                }
            }
        }));
        crcs
    });
    let mut crc = crc32fast::Hasher::new();
    for part in crcs {
        crc.combine(&part?);
    }
    Ok(crc.finalize())
}

/// Maps `len` bytes of `file` from `offset` (a multiple of the page size) read-only, its
/// pages read in at once.
#[allow(unsafe_code)]
fn map_window(file: &File, offset: u64, len: usize) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: read-only mapping, read once for the checksum and unmapped; a file
    // changed while mapped is as for `map`.
    let window = unsafe {
        memmap2::MmapOptions::new()
            .offset(offset)
            .len(len)
            .map(file)?
    };
    advise_huge_pages(&window);
    // One call instead of a fault a page (if the kernel has it; else the faults).
    #[cfg(target_os = "linux")]
    let _ = window.advise(memmap2::Advice::PopulateRead);
    Ok(window)
}

/// Asks the kernel for huge pages for `map` (Linux; nothing elsewhere, and nothing if it
/// refuses): a file read through such a map comes into the page cache in pieces of 2 MiB
/// that are mapped whole, so that the walks of a large index, which touch pages all over
/// it, miss the processor's address cache (TLB) far less than with 4 KiB pages.
fn advise_huge_pages(map: &memmap2::Mmap) {
    #[cfg(target_os = "linux")]
    let _ = map.advise(memmap2::Advice::HugePage);
    #[cfg(not(target_os = "linux"))]
    let _ = map;
}

impl Gazetteer {
    /// Writes the gazetteer as a compiled index to `w` (see [`Gazetteer::open`]).
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("بغداد", "capital")).build()?;
    /// let mut bytes = Vec::new();
    /// g.write_index(&mut bytes)?;
    /// assert!(bytes.starts_with(b"nassgzix"));
    /// # Ok::<(), nass_gazetteer::GazetteerError>(())
    /// ```
    pub fn write_index(&self, mut w: impl Write) -> Result<(), GazetteerError> {
        w.write_all(self.inner.storage.as_ref().as_ref())
            .and_then(|()| w.flush())
            .map_err(|e| GazetteerError::new("index", None, ErrorKind::Io(e)))
    }

    /// Writes the gazetteer as a compiled index to the file at `path` (created or
    /// replaced).
    ///
    /// The index goes to a new file beside `path` first (`.NAME.PID.N.tmp`), synced, then
    /// renamed over `path`: `path` is either as it was or whole, a gazetteer opened from
    /// the old file (memory-mapped) keeps reading the old file, and the new file is
    /// removed if anything fails. Saving a gazetteer over the file it was opened from is
    /// therefore safe.
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("nass-doc-save-{}.idx", std::process::id()));
    /// nass_gazetteer::Gazetteer::new().save(&path)?;
    /// let g = nass_gazetteer::Gazetteer::open(&path)?;
    /// assert_eq!(g.len(), nass_gazetteer::Gazetteer::new().len());
    /// g.save(&path)?; // over the file it was opened from
    /// assert_eq!(nass_gazetteer::Gazetteer::open(&path)?.len(), g.len());
    /// # std::fs::remove_file(&path).unwrap();
    /// # Ok::<(), nass_gazetteer::GazetteerError>(())
    /// ```
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), GazetteerError> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let io = |e| GazetteerError::new(&source, None, ErrorKind::Io(e));
        let name = path.file_name().ok_or_else(|| {
            io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a file name",
            ))
        })?;
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        // The process id and a counter: two saves at once (threads, processes) never
        // share a temporary file.
        static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.{n}.tmp", std::process::id()));
        let temp_path = dir.join(temp_name);
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&temp_path)
            .map_err(io)?;
        // From here on the temporary file is this call's: removed unless renamed.
        let temp = TempFile(temp_path);
        let mut w = BufWriter::with_capacity(1 << 20, &file);
        w.write_all(self.inner.storage.as_ref().as_ref())
            .and_then(|()| w.flush())
            .map_err(io)?;
        drop(w);
        file.sync_all().map_err(io)?;
        std::fs::rename(&temp.0, path).map_err(io)?;
        std::mem::forget(temp);
        Ok(())
    }

    /// Opens a compiled index written by [`save`](Self::save) or
    /// [`write_index`](Self::write_index). The file is mapped into memory and its
    /// checksum verified; a file that is not an index, of another format version,
    /// truncated or corrupt is an error naming the path and what is wrong.
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("nass-doc-open-{}.idx", std::process::id()));
    /// std::fs::write(&path, "بغداد\tcapital\n").unwrap();
    /// let err = nass_gazetteer::Gazetteer::open(&path).unwrap_err();
    /// assert!(err.to_string().ends_with(": not a nass gazetteer index (no 'nassgzix' at the start)"));
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<Gazetteer, GazetteerError> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let io = |e| GazetteerError::new(&source, None, ErrorKind::Io(e));
        let mut f = File::open(path).map_err(io)?;
        let len = f.metadata().map_err(io)?.len();
        let mut head = [0u8; file::HEADER];
        let got = read_up_to(&mut f, &mut head).map_err(io)?;
        let expected = file::check_header(&head[..got], len, &source)?;
        let actual = crc_of_mapped(&f, len).map_err(io)?;
        file::check_crc(expected, actual, &source)?;
        let map = map(&f).map_err(io)?;
        advise_huge_pages(&map);
        let storage = Storage::Mapped(map);
        if storage.as_ref().len() as u64 != len {
            return Err(bad(&source, "the file changed while it was opened"));
        }
        Self::from_storage(storage, &source, true)
    }

    /// Opens a compiled index held in memory (as [`write_index`](Self::write_index)
    /// wrote it). The same checks as [`open`](Self::open).
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("الأردن", "country").variant("المملكة الأردنية الهاشمية"))
    ///     .adjectives(true)
    ///     .build()?;
    /// let mut bytes = Vec::new();
    /// g.write_index(&mut bytes)?;
    /// let again = Gazetteer::from_index_bytes(bytes)?;
    /// let found: Vec<_> = again.find_iter("قال الوزير الأردني في الأردن").map(|m| m.text()).collect();
    /// assert_eq!(found, ["الأردني", "الأردن"]);
    ///
    /// let err = Gazetteer::from_index_bytes(b"nassgzix".to_vec()).unwrap_err();
    /// assert_eq!(err.to_string(), "index: truncated at byte offset 8");
    /// # Ok::<(), nass_gazetteer::GazetteerError>(())
    /// ```
    pub fn from_index_bytes(bytes: impl Into<Vec<u8>>) -> Result<Gazetteer, GazetteerError> {
        Self::from_storage(Storage::Owned(bytes.into()), "index", false)
    }

    fn from_storage(
        storage: Storage,
        source: &str,
        crc_checked: bool,
    ) -> Result<Gazetteer, GazetteerError> {
        Ok(Gazetteer {
            inner: Arc::new(inner_from_storage(storage, source, crc_checked)?),
        })
    }
}

/// The gazetteer of the index in `storage`: the header and table checked (and the
/// checksum, unless `crc_checked`), every section's size checked against the counts, the
/// small tables read. Nothing is rebuilt.
pub(crate) fn inner_from_storage(
    storage: Storage,
    source: &str,
    crc_checked: bool,
) -> Result<Inner, GazetteerError> {
    let storage = Arc::new(storage);
    let bytes = storage.as_ref().as_ref();
    let sections = if crc_checked {
        file::check_header(bytes, bytes.len() as u64, source)?;
        file::sections(bytes, source)?
    } else {
        file::check_bytes(bytes, source)?
    };
    let meta = &bytes[sections.get(META, source)?];
    if meta.len() != 16 + 8 * META_COUNTS || meta[9..16].iter().any(|&b| b != 0) || meta[8] > 1 {
        return Err(bad(source, "the settings section is malformed"));
    }
    let normalizer = Normalizer::from_settings_bytes(&meta[..8]).ok_or_else(|| {
        bad(
            source,
            "the normalizer settings are not ones this build knows",
        )
    })?;
    let adjectives = meta[8] == 1;
    let count = |k: usize| usize::try_from(file::u64_at(meta, 16 + 8 * k)).ok();
    let counts = (|| Some([count(0)?, count(1)?, count(2)?, count(3)?, count(4)?]))()
        .ok_or_else(|| bad(source, "the counts are too large"))?;
    let [entry_count, pattern_count, target_count, max_words, max_key] = counts;
    let section =
        |id: u32, len: Option<usize>, what: &str| -> Result<Range<usize>, GazetteerError> {
            let r = sections.get(id, source)?;
            if len.is_some_and(|n| n != r.len()) {
                return Err(bad(
                    source,
                    format!(
                        "the {what} section has {} bytes, not {}",
                        r.len(),
                        len.unwrap_or(0)
                    ),
                ));
            }
            Ok(r)
        };
    // The size a count gives its section; a count whose size overflows is an error (it
    // must never go unchecked: what is allocated per entry follows from the counts).
    let too_large = || bad(source, "the counts are too large");
    let sized = |n: usize, k: usize| {
        n.checked_add(1)
            .and_then(|n| n.checked_mul(k))
            .ok_or_else(too_large)
    };
    let entry_offsets = section(ENTRY_OFFSETS, Some(sized(entry_count, 8)?), "entry offsets")?;
    let entry_data = section(ENTRY_DATA, None, "entries")?;
    let patterns = section(PATTERNS, Some(sized(pattern_count, 4)?), "patterns")?;
    let targets = section(
        TARGETS,
        Some(target_count.checked_mul(8).ok_or_else(too_large)?),
        "targets",
    )?;
    let last_offset = file::u64_at(bytes, entry_offsets.end - 8);
    if file::u64_at(bytes, entry_offsets.start) != 0 || last_offset != entry_data.len() as u64 {
        return Err(bad(source, "the entry offsets do not span the entries"));
    }
    if file::u32_at(bytes, patterns.end - 4) as usize != target_count
        || target_count > PATTERN_START as usize
    {
        return Err(bad(source, "the patterns do not span the targets"));
    }
    if max_words > MAX_NAME_WORDS || max_key > MAX_NAME_BYTES {
        return Err(bad(source, "the longest name is longer than names can be"));
    }
    let mut c = Cursor::new(&bytes[section(TYPES, None, "types")?]);
    let types = (|| {
        let n = usize::try_from(c.varint()?).ok()?;
        let mut types = Vec::new();
        for _ in 0..n {
            types.push(c.str()?.to_string());
        }
        (c.at == c.bytes.len()).then_some(types)
    })()
    .ok_or_else(|| bad(source, "the types section is malformed"))?;
    let prefixes = Prefixes::from_bytes(&bytes[section(PREFIXES, None, "prefixes")?])
        .ok_or_else(|| bad(source, "the prefixes section is malformed"))?;
    let heads = Heads::from_bytes(&bytes[section(HEADS, None, "heads")?])
        .ok_or_else(|| bad(source, "the heads section is malformed"))?;
    let names_range = section(NAMES, None, "names")?;
    let names = Names::new(names::Slice::new(storage.clone(), names_range));
    // An elided article: the text has ل where the name has ال.
    let alef = names.trie().walk(Names::ROOT, "ا".as_bytes());
    let chunks = (0..entry_count.div_ceil(CHUNK))
        .map(|_| OnceLock::new())
        .collect();
    Ok(Inner {
        normalizer,
        adjectives,
        layout: Layout {
            entry_offsets,
            entry_data,
            patterns,
            targets,
        },
        types,
        entry_count,
        pattern_count,
        target_count,
        chunks,
        names,
        prefixes,
        heads,
        alef,
        id: crate::words::new_owner(),
        max_words,
        max_key,
        storage,
    })
}

/// Reads into `buf` until it is full or the input ends; the number of bytes read.
fn read_up_to(r: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;

/// A temporary file of [`Gazetteer::save`], removed when dropped (unless forgotten once
/// renamed).
struct TempFile(std::path::PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
