//! [`GazetteerBuilder`]: entries in, a [`Gazetteer`] out (entries merged, names
//! normalized, the index bytes written: the trie of the names, the tables, the filters).

use super::*;
use crate::store::EntryStore;

/// Configures and builds a [`Gazetteer`]. Starts empty, with the `search` normalizer, no
/// default entries and no adjectives.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer};
///
/// let tsv = "# name\ttype\tvariants\nكركوك\tcity\nالموصل\tcity\tموصل\n";
/// let g = Gazetteer::builder()
///     .entry(Entry::new("أربيل", "city").variant("اربيل"))
///     .load_tsv(tsv.as_bytes(), "cities.tsv")?
///     .build()?;
/// assert_eq!(g.len(), 3);
/// let names: Vec<_> = g.find_iter("من أربيل إلى كركوك وبالموصل").map(|m| m.entry().canonical()).collect();
/// assert_eq!(names, ["أربيل", "كركوك", "الموصل"]);
/// # Ok::<(), nass_gazetteer::GazetteerError>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct GazetteerBuilder {
    normalizer: Normalizer,
    entries: EntryStore,
    default_entries: bool,
    adjectives: bool,
    code_entries: usize,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        GazetteerBuilder {
            normalizer: search_normalizer(),
            entries: EntryStore::default(),
            default_entries: false,
            adjectives: false,
            code_entries: 0,
        }
    }
}

impl GazetteerBuilder {
    /// The normalizer that names and text both pass through (default: the `search`
    /// preset). A normalizer that keeps diacritics makes them significant.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// use nass_normalize::{Normalizer, Preset};
    /// let g = Gazetteer::builder()
    ///     .normalizer(Normalizer::from_preset(Preset::Display))
    ///     .entry(Entry::new("عمان", "capital"))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(g.find_iter("عمّان").count(), 0); // the shadda now counts
    /// assert_eq!(g.find_iter("عمان").count(), 1);
    /// ```
    pub fn normalizer(mut self, normalizer: Normalizer) -> Self {
        self.normalizer = normalizer;
        self
    }

    /// Adds one entry.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("غزة", "city")).build().unwrap();
    /// assert_eq!(g.find_iter("في غزه").count(), 1);
    /// ```
    pub fn entry(mut self, entry: Entry) -> Self {
        self.code_entries += 1;
        let origin = Origin {
            source: "entries".into(),
            line: self.code_entries,
        };
        self.entries.push(&entry, &origin);
        self
    }

    /// Adds entries.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entries([Entry::new("حلب", "city"), Entry::new("حمص", "city")])
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(g.len(), 2);
    /// ```
    pub fn entries(mut self, entries: impl IntoIterator<Item = Entry>) -> Self {
        for e in entries {
            self = self.entry(e);
        }
        self
    }

    /// Whether to include the embedded [`default_entries`] (default: no).
    ///
    /// ```
    /// let g = nass_gazetteer::Gazetteer::builder().default_entries(true).build().unwrap();
    /// assert_eq!(g.len(), nass_gazetteer::default_entries().len());
    /// ```
    pub fn default_entries(mut self, on: bool) -> Self {
        self.default_entries = on;
        self
    }

    /// Whether to report nisba adjectives of place names (default: no). See the crate
    /// documentation for the rules and their limits.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer, MatchKind};
    /// let g = Gazetteer::builder().entry(Entry::new("مصر", "country")).adjectives(true).build().unwrap();
    /// let m = g.find_iter("الحكومة المصرية").next().unwrap();
    /// assert_eq!((m.text(), m.kind(), m.entry().canonical()), ("المصرية", MatchKind::Adjective, "مصر"));
    /// ```
    pub fn adjectives(mut self, on: bool) -> Self {
        self.adjectives = on;
        self
    }

    /// Reads entries from TSV: `name<TAB>type<TAB>variant|variant|...`, the third column
    /// optional, `#` comments and blank lines ignored, a byte order mark at the start
    /// skipped. `source` names the input in errors.
    ///
    /// ```
    /// let err = nass_gazetteer::Gazetteer::builder()
    ///     .load_tsv("بغداد\tcapital\n\tcity\n".as_bytes(), "iraq.tsv")
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "iraq.tsv:2: empty name");
    /// ```
    pub fn load_tsv(mut self, reader: impl Read, source: &str) -> Result<Self, GazetteerError> {
        load::tsv(reader, source, &mut self.entries)?;
        Ok(self)
    }

    /// Reads entries from JSON Lines: one object per non-blank line with `name` and `type`
    /// (strings), `variants` (array of strings, optional) and `payload` (any JSON,
    /// optional). A byte order mark at the start is skipped. `source` names the input in
    /// errors.
    ///
    /// ```
    /// use nass_gazetteer::Gazetteer;
    /// let jsonl = r#"{"name": "الجامعة العربية", "type": "organization", "variants": ["جامعة الدول العربية"], "payload": {"founded": 1945}}"#;
    /// let g = Gazetteer::builder().load_jsonl(jsonl.as_bytes(), "orgs.jsonl")?.build()?;
    /// let m = g.find_iter("قررت جامعة الدول العربية").next().unwrap();
    /// assert_eq!(m.entry().payload().unwrap()["founded"], 1945);
    /// # Ok::<(), nass_gazetteer::GazetteerError>(())
    /// ```
    pub fn load_jsonl(mut self, reader: impl Read, source: &str) -> Result<Self, GazetteerError> {
        load::jsonl(reader, source, &mut self.entries)?;
        Ok(self)
    }

    /// Builds the gazetteer: normalizes every name and writes the index bytes (the trie
    /// of the names, the patterns, targets and entries, the filters) in memory.
    ///
    /// ```
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let err = Gazetteer::builder().entry(Entry::new("ـ", "x")).build().unwrap_err();
    /// assert_eq!(err.to_string(), "entries:1: the name 'ـ' normalizes to nothing");
    /// ```
    pub fn build(self) -> Result<Gazetteer, GazetteerError> {
        let all = if self.default_entries {
            let mut all = EntryStore::default();
            let source: Arc<str> = "default.tsv".into();
            for (i, e) in default_entries().iter().enumerate() {
                all.push(
                    e,
                    &Origin {
                        source: source.clone(),
                        line: i + 1,
                    },
                );
            }
            all.append(&self.entries);
            all
        } else {
            self.entries
        };
        build(self.normalizer, all, self.adjectives).map(|inner| Gazetteer {
            inner: Arc::new(inner),
        })
    }
}

/// The build's maps of names hash with the workspace's fast hasher: building a million
/// names spent a fifth of its time in SipHash.
pub(crate) type FxBuild = nass_core::hash::FastBuildHasher;

/// A normalized name (`arena[start..start + len]`) and what it names.
#[derive(Clone, Copy)]
struct Pair {
    start: usize,
    len: u32,
    target: Target,
}

/// Where `p`'s name is in the arena.
fn key(p: &Pair) -> std::ops::Range<usize> {
    p.start..p.start + p.len as usize
}

pub(crate) fn build(
    normalizer: Normalizer,
    mut all: EntryStore,
    adjectives: bool,
) -> Result<Inner, GazetteerError> {
    all.merge();
    if all.len() >= u32::MAX as usize {
        return Err(GazetteerError::new(
            "entries",
            None,
            ErrorKind::Build("more than 2^32 - 1 entries".into()),
        ));
    }
    // Every (normalized name, target), the names in one arena, sorted by name: the sort
    // gives both the distinct patterns and the trie's order.
    let mut arena = String::new();
    let mut pairs: Vec<Pair> = Vec::with_capacity(all.len());
    for i in 0..all.len() {
        let view = all.view(i);
        let names = std::iter::once(view.canonical).chain(view.variants.iter().copied());
        for (n, name) in names.enumerate() {
            let key = name_key(&normalizer.normalize(name));
            if key.is_empty() {
                let (source, line) = all.origin(i);
                return Err(GazetteerError::new(
                    source,
                    Some(line),
                    ErrorKind::EmptyName(name.to_string()),
                ));
            }
            let words = key.matches(' ').count() + 1;
            if words > MAX_NAME_WORDS || key.len() > MAX_NAME_BYTES {
                let (source, line) = all.origin(i);
                return Err(GazetteerError::new(
                    source,
                    Some(line),
                    ErrorKind::NameTooLong {
                        words,
                        bytes: key.len(),
                    },
                ));
            }
            pairs.push(Pair {
                start: arena.len(),
                len: key.len() as u32,
                target: Target {
                    entry: i as u32,
                    name: n as u32,
                    kind: MatchKind::Name,
                },
            });
            arena.push_str(&key);
        }
    }
    // Stable: among equal names, entries keep the order they were added in.
    pairs.sort_by(|a, b| arena[key(a)].cmp(&arena[key(b)]));
    if adjectives {
        let names = pairs.len();
        for k in 0..names {
            let target = pairs[k].target;
            let ty = all.view(target.entry as usize).type_id;
            if !PLACE_KINDS.contains(&all.type_name(ty)) {
                continue;
            }
            let name = arena[key(&pairs[k])].to_string();
            for form in nisba::forms(&name) {
                let form = name_key(&normalizer.normalize(&form));
                let is_name = pairs[..names]
                    .binary_search_by(|p| arena[key(p)].cmp(&form))
                    .is_ok();
                if !form.is_empty() && !is_name {
                    pairs.push(Pair {
                        start: arena.len(),
                        len: form.len() as u32,
                        target: Target {
                            kind: MatchKind::Adjective,
                            ..target
                        },
                    });
                    arena.push_str(&form);
                }
            }
        }
        // Adjectives after names, in entry order among themselves.
        pairs[names..].sort_by(|a, b| {
            arena[key(a)]
                .cmp(&arena[key(b)])
                .then(a.target.entry.cmp(&b.target.entry))
        });
        pairs.sort_by(|a, b| arena[key(a)].cmp(&arena[key(b)]));
    }
    let mut keys: Vec<&str> = Vec::new();
    let mut patterns: Vec<PatternInfo> = Vec::new();
    let mut targets: Vec<Target> = Vec::with_capacity(pairs.len());
    let mut max_words = 1;
    let mut max_key = 0;
    for p in &pairs {
        let k = &arena[key(p)];
        let target = p.target;
        if keys.last() != Some(&k) {
            if let Some(p) = patterns.last_mut() {
                p.end = targets.len() as u32;
            }
            patterns.push(PatternInfo {
                start: targets.len() as u32,
                end: targets.len() as u32,
                word_first: k.chars().next().is_some_and(is_word_char),
                word_last: k.chars().next_back().is_some_and(is_word_char),
            });
            max_words = max_words.max(k.matches(' ').count() + 1);
            max_key = max_key.max(k.len());
            keys.push(k);
        }
        let start = patterns.last().map_or(0, |p| p.start as usize);
        if !targets[start..]
            .iter()
            .any(|x| x.entry == target.entry && x.kind == target.kind)
        {
            targets.push(target);
        }
    }
    drop(pairs);
    if let Some(p) = patterns.last_mut() {
        p.end = targets.len() as u32;
    }
    if targets.len() > PATTERN_START as usize {
        return Err(GazetteerError::new(
            "entries",
            None,
            ErrorKind::Build("too many names".into()),
        ));
    }
    let mut w = FileWriter::new(compiled::SECTIONS);
    w.section(
        compiled::META,
        &compiled::meta_bytes(
            &normalizer,
            adjectives,
            &[
                all.len() as u64,
                keys.len() as u64,
                targets.len() as u64,
                max_words as u64,
                max_key as u64,
            ],
        ),
    );
    all.write_sections(&mut w);
    drop(all);
    let trie = names::build_trie(&keys)
        .map_err(|e| GazetteerError::new("entries", None, ErrorKind::Build(e)))?;
    w.section(compiled::NAMES, &trie);
    drop(trie);
    let mut p = Vec::with_capacity(4 * (patterns.len() + 1));
    for info in &patterns {
        p.extend_from_slice(
            &pattern_word(info.start, info.word_first, info.word_last).to_le_bytes(),
        );
    }
    p.extend_from_slice(&(targets.len() as u32).to_le_bytes());
    drop(patterns);
    w.section(compiled::PATTERNS, &p);
    drop(p);
    let t: Vec<u8> = targets.iter().flat_map(|t| t.to_bytes()).collect();
    drop(targets);
    w.section(compiled::TARGETS, &t);
    drop(t);
    w.section(
        compiled::PREFIXES,
        &Prefixes::new(keys.iter().copied()).to_bytes(),
    );
    let heads = {
        let classes = text::classes();
        // Each head about once, so that the filter is sized by the heads, not the names
        // (ten million names have a few million first words): the keys are sorted, so
        // the names of one head are mostly next to each other. A head left twice (its
        // names split by one whose head is longer, such as W0 between W-X and W?X) is
        // inserted twice, which changes nothing.
        let mut heads: Vec<&[u8]> = keys
            .iter()
            .map(|k| &k.as_bytes()[..text::word_end(classes, k, 0)])
            .collect();
        heads.dedup();
        Heads::new(heads.iter().copied())
    };
    w.section(compiled::HEADS, &heads.to_bytes());
    drop(keys);
    drop(arena);
    compiled::inner_from_storage(compiled::Storage::Owned(w.finish()), "entries", true)
}
