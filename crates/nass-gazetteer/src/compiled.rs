//! Saving a gazetteer as a compiled index and opening one: [`Gazetteer::write_index`],
//! [`Gazetteer::save`], [`Gazetteer::open`], [`Gazetteer::from_index_bytes`].

use std::fs::File;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::Path;

use super::*;
use crate::file::{self, bad, Cursor, FileWriter};

/// Section ids.
pub(crate) const META: u32 = 1;
pub(crate) const TYPES: u32 = 2;
pub(crate) const ENTRIES: u32 = 3;

/// The bytes of an index: read into memory, or a mapped file.
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
/// rewritten in place afterwards can give wrong matches or end the process (SIGBUS), as
/// with any mapped file. Write a new index beside the old one and rename it over instead.
/// Reading the file instead of mapping it costs its whole size in memory and time at
/// every start.
#[allow(unsafe_code)]
fn map(file: &File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: read-only mapping; see above for files changed while mapped.
    unsafe { memmap2::Mmap::map(file) }
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
    pub fn write_index(&self, w: impl Write) -> Result<(), GazetteerError> {
        self.index_writer()
            .write(w)
            .map_err(|e| GazetteerError::new("index", None, ErrorKind::Io(e)))
    }

    /// Writes the gazetteer as a compiled index to the file at `path` (created or
    /// replaced).
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("nass-doc-save-{}.idx", std::process::id()));
    /// nass_gazetteer::Gazetteer::new().save(&path)?;
    /// let g = nass_gazetteer::Gazetteer::open(&path)?;
    /// assert_eq!(g.len(), nass_gazetteer::Gazetteer::new().len());
    /// # std::fs::remove_file(&path).unwrap();
    /// # Ok::<(), nass_gazetteer::GazetteerError>(())
    /// ```
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), GazetteerError> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let io = |e| GazetteerError::new(&source, None, ErrorKind::Io(e));
        let mut w = BufWriter::new(File::create(path).map_err(io)?);
        self.index_writer().write(&mut w).map_err(io)?;
        w.into_inner()
            .map_err(|e| io(e.into_error()))?
            .sync_all()
            .map_err(io)
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
        // The checksum is computed by reading the file, not through the map, so that
        // the map's pages are only read in as matching needs them.
        f.seek(SeekFrom::Start(file::HEADER as u64)).map_err(io)?;
        let actual = file::crc_of_reader(&mut f, &source)?;
        file::check_crc(expected, actual, &source)?;
        let storage = Storage::Mapped(map(&f).map_err(io)?);
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

    fn index_writer(&self) -> FileWriter {
        let i = &*self.inner;
        let mut w = FileWriter::default();
        let mut meta = i.normalizer.settings_bytes().to_vec();
        meta.push(u8::from(i.adjectives));
        w.section(META, meta);
        let mut types: Vec<&str> = Vec::new();
        let mut type_of: HashMap<&str, u32, FxBuild> = HashMap::default();
        let mut entries = Vec::new();
        file::put_varint(&mut entries, i.entries.len() as u64);
        for e in &i.entries {
            let id = *type_of.entry(e.entity_type()).or_insert_with(|| {
                types.push(e.entity_type());
                types.len() as u32 - 1
            });
            file::put_entry(&mut entries, e, id);
        }
        let mut t = Vec::new();
        file::put_varint(&mut t, types.len() as u64);
        for ty in types {
            file::put_varint(&mut t, ty.len() as u64);
            t.extend_from_slice(ty.as_bytes());
        }
        w.section(TYPES, t);
        w.section(ENTRIES, entries);
        w
    }

    fn from_storage(
        storage: Storage,
        source: &str,
        crc_checked: bool,
    ) -> Result<Gazetteer, GazetteerError> {
        let bytes = storage.as_ref();
        let sections = if crc_checked {
            file::sections(bytes, source)?
        } else {
            file::check_bytes(bytes, source)?
        };
        let meta = &bytes[sections.get(META, source)?];
        let (settings, adjectives) = match meta {
            [s @ .., a @ (0 | 1)] => (s, *a == 1),
            _ => return Err(bad(source, "the settings section is malformed")),
        };
        let normalizer = Normalizer::from_settings_bytes(settings).ok_or_else(|| {
            bad(
                source,
                "the normalizer settings are not ones this build knows",
            )
        })?;
        let mut c = Cursor::new(&bytes[sections.get(TYPES, source)?]);
        let types = (|| {
            let n = usize::try_from(c.varint()?).ok()?;
            let mut types = Vec::new();
            for _ in 0..n {
                types.push(c.str()?.to_string());
            }
            (c.at == c.bytes.len()).then_some(types)
        })()
        .ok_or_else(|| bad(source, "the types section is malformed"))?;
        let mut c = Cursor::new(&bytes[sections.get(ENTRIES, source)?]);
        let origin: Arc<str> = source.into();
        let entries = (|| {
            let n = usize::try_from(c.varint()?).ok()?;
            let mut out = Vec::new();
            for line in 1..=n {
                let e = file::get_entry(&mut c, &types)?;
                out.push((
                    e,
                    Origin {
                        source: origin.clone(),
                        line,
                    },
                ));
            }
            (c.at == c.bytes.len()).then_some(out)
        })()
        .ok_or_else(|| bad(source, "the entries section is malformed"))?;
        let inner = build(normalizer, entries, adjectives)?;
        Ok(Gazetteer {
            inner: Arc::new(inner),
        })
    }
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
