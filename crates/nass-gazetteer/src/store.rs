//! The entries a builder holds until it builds, compactly: each entry as a record of the
//! index's entry format ([`file::put_entry`]) in one byte buffer, with where it came
//! from. A million entries take about 60 bytes each here, where `(Entry, Origin)` pairs
//! took over 200 (three allocations and 128 bytes of fields each).

use super::*;
use crate::file::{self, Cursor, FileWriter};

#[cfg(test)]
thread_local! {
    /// Tests set this to give every entry the same hash, so that the merge takes the
    /// path of hash collisions for all but the first.
    pub(crate) static COLLIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[derive(Clone, Debug, Default)]
pub(crate) struct EntryStore {
    data: Vec<u8>,
    /// Each entry's record: `data[start..end]`.
    spans: Vec<(u64, u64)>,
    types: Vec<String>,
    type_of: HashMap<String, u32, FxBuild>,
    sources: Vec<Arc<str>>,
    /// Each entry's source (in `sources`) and line.
    origins: Vec<(u32, usize)>,
}

/// An entry's names and type, borrowed from its record.
pub(crate) struct View<'a> {
    pub(crate) canonical: &'a str,
    pub(crate) type_id: u32,
    pub(crate) variants: Vec<&'a str>,
}

impl EntryStore {
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    fn type_id(&mut self, ty: &str) -> u32 {
        if let Some(&id) = self.type_of.get(ty) {
            return id;
        }
        let id = self.types.len() as u32;
        self.types.push(ty.to_string());
        self.type_of.insert(ty.to_string(), id);
        id
    }

    fn source_id(&mut self, source: &Arc<str>) -> u32 {
        if self.sources.last().is_none_or(|s| s != source) {
            self.sources.push(source.clone());
        }
        self.sources.len() as u32 - 1
    }

    /// Adds an entry.
    pub(crate) fn push(&mut self, entry: &Entry, origin: &Origin) {
        let id = self.type_id(entry.entity_type());
        let start = self.data.len() as u64;
        file::put_entry(&mut self.data, entry, id);
        self.spans.push((start, self.data.len() as u64));
        let source = self.source_id(&origin.source);
        self.origins.push((source, origin.line));
    }

    /// Adds every entry of `other`, after these.
    pub(crate) fn append(&mut self, other: &EntryStore) {
        for i in 0..other.len() {
            let r = other.record(i);
            let mut c = Cursor::new(r);
            let canonical = c.str().expect("records are well formed");
            let ty = c.varint().expect("records are well formed") as usize;
            let rest = &r[c.at..];
            let id = self.type_id(&other.types[ty]);
            let start = self.data.len() as u64;
            file::put_str(&mut self.data, canonical);
            file::put_varint(&mut self.data, u64::from(id));
            self.data.extend_from_slice(rest);
            self.spans.push((start, self.data.len() as u64));
            let (s, line) = other.origins[i];
            let source = self.source_id(&other.sources[s as usize]);
            self.origins.push((source, line));
        }
    }

    fn record(&self, i: usize) -> &[u8] {
        let (start, end) = self.spans[i];
        &self.data[start as usize..end as usize]
    }

    /// Entry `i`.
    pub(crate) fn entry(&self, i: usize) -> Entry {
        file::get_entry(&mut Cursor::new(self.record(i)), &self.types)
            .expect("records are well formed")
    }

    /// Entry `i`'s names and type.
    pub(crate) fn view(&self, i: usize) -> View<'_> {
        let mut c = Cursor::new(self.record(i));
        let canonical = c.str().expect("records are well formed");
        let type_id = c.varint().expect("records are well formed") as u32;
        let n = c.varint().expect("records are well formed") as usize;
        let variants = (0..n)
            .map(|_| c.str().expect("records are well formed"))
            .collect();
        View {
            canonical,
            type_id,
            variants,
        }
    }

    /// The type named by a type number.
    pub(crate) fn type_name(&self, id: u32) -> &str {
        &self.types[id as usize]
    }

    /// Where entry `i` came from: the source and line.
    pub(crate) fn origin(&self, i: usize) -> (&str, usize) {
        let (s, line) = self.origins[i];
        (&self.sources[s as usize], line)
    }

    /// Merges entries with the same canonical name and type into the first of them
    /// (variants joined, the first payload kept), keeping the order. Keyed by a hash of
    /// name and type (compared exactly on a hit; a map of the strings only for hash
    /// collisions); a merged entry's new record is appended to the buffer.
    pub(crate) fn merge(&mut self) {
        fn hash(v: &View<'_>) -> u64 {
            #[cfg(test)]
            if COLLIDE.with(std::cell::Cell::get) {
                return 0;
            }
            let h = nass_core::hash::hash_bytes(0x5851_F42D_4C95_7F2D, v.canonical.as_bytes());
            nass_core::hash::hash_bytes(h, &v.type_id.to_le_bytes())
        }
        let mut first: HashMap<u64, usize, FxBuild> = HashMap::default();
        first.reserve(self.len());
        let mut others: HashMap<(String, u32), usize, FxBuild> = HashMap::default();
        let mut kept = 0;
        for i in 0..self.len() {
            let v = self.view(i);
            let same = |j: usize| {
                let w = self.view(j);
                w.canonical == v.canonical && w.type_id == v.type_id
            };
            let to = match first.get(&hash(&v)) {
                Some(&j) if same(j) => Some(j),
                Some(_) => {
                    let key = (v.canonical.to_string(), v.type_id);
                    match others.get(&key) {
                        Some(&j) => Some(j),
                        None => {
                            others.insert(key, kept);
                            None
                        }
                    }
                }
                None => {
                    first.insert(hash(&v), kept);
                    None
                }
            };
            match to {
                Some(j) => {
                    let mut e = self.entry(j);
                    e.merge(self.entry(i));
                    let id = self.type_id(e.entity_type());
                    let start = self.data.len() as u64;
                    file::put_entry(&mut self.data, &e, id);
                    self.spans[j] = (start, self.data.len() as u64);
                }
                None => {
                    self.spans.swap(kept, i);
                    self.origins.swap(kept, i);
                    kept += 1;
                }
            }
        }
        self.spans.truncate(kept);
        self.origins.truncate(kept);
    }

    /// Writes the ENTRY_DATA, ENTRY_OFFSETS and TYPES sections.
    pub(crate) fn write_sections(&self, w: &mut FileWriter) {
        let mut offsets: Vec<u64> = Vec::with_capacity(self.len() + 1);
        let data = w.begin(compiled::ENTRY_DATA);
        let base = data.len();
        for i in 0..self.len() {
            offsets.push((data.len() - base) as u64);
            data.extend_from_slice(self.record(i));
        }
        offsets.push((data.len() - base) as u64);
        w.end();
        let out = w.begin(compiled::ENTRY_OFFSETS);
        for o in offsets {
            out.extend_from_slice(&o.to_le_bytes());
        }
        w.end();
        let out = w.begin(compiled::TYPES);
        file::put_varint(out, self.types.len() as u64);
        for ty in &self.types {
            file::put_str(out, ty);
        }
        w.end();
    }
}
