//! Entries and the errors of loading them.

use std::fmt;

/// One thing a gazetteer knows: a canonical name, a type (`"country"`, `"capital"`,
/// `"organization"`, or anything the user chooses), any number of variant spellings, and
/// an optional JSON payload handed back with every match.
///
/// ```
/// use nass_gazetteer::Entry;
///
/// let e = Entry::new("الولايات المتحدة", "country")
///     .variant("أمريكا")
///     .variants(["أميركا", "واشنطن"])
///     .with_payload(serde_json::json!({"iso": "US"}));
/// assert_eq!(e.canonical(), "الولايات المتحدة");
/// assert_eq!(e.entity_type(), "country");
/// assert_eq!(e.variant_names(), ["أمريكا", "أميركا", "واشنطن"]);
/// assert_eq!(e.names().count(), 4);
/// assert_eq!(e.payload().unwrap()["iso"], "US");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    canonical: String,
    entity_type: String,
    variants: Vec<String>,
    payload: Option<serde_json::Value>,
}

impl Entry {
    /// An entry with its canonical name and type, and no variants.
    ///
    /// ```
    /// let e = nass_gazetteer::Entry::new("بغداد", "capital");
    /// assert_eq!((e.canonical(), e.entity_type()), ("بغداد", "capital"));
    /// ```
    pub fn new(canonical: impl Into<String>, entity_type: impl Into<String>) -> Self {
        Entry {
            canonical: canonical.into(),
            entity_type: entity_type.into(),
            variants: Vec::new(),
            payload: None,
        }
    }

    /// Adds a variant spelling (kept once if given twice).
    ///
    /// ```
    /// let e = nass_gazetteer::Entry::new("إيران", "country").variant("ايران").variant("ايران");
    /// assert_eq!(e.variant_names(), ["ايران"]);
    /// ```
    #[must_use]
    pub fn variant(mut self, name: impl Into<String>) -> Self {
        self.push_variant(name.into());
        self
    }

    /// Adds several variant spellings.
    ///
    /// ```
    /// let e = nass_gazetteer::Entry::new("موريتانيا", "country").variants(["موريطانيا", "موريتانية"]);
    /// assert_eq!(e.variant_names().len(), 2);
    /// ```
    #[must_use]
    pub fn variants<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        for n in names {
            self.push_variant(n.into());
        }
        self
    }

    /// Sets the payload returned with every match of this entry.
    ///
    /// ```
    /// let e = nass_gazetteer::Entry::new("الناتو", "organization").with_payload(serde_json::json!(7));
    /// assert_eq!(e.payload(), Some(&serde_json::json!(7)));
    /// ```
    #[must_use]
    pub fn with_payload(mut self, payload: serde_json::Value) -> Self {
        self.payload = Some(payload);
        self
    }

    fn push_variant(&mut self, name: String) {
        if name != self.canonical && !self.variants.contains(&name) {
            self.variants.push(name);
        }
    }

    /// The canonical name.
    ///
    /// ```
    /// assert_eq!(nass_gazetteer::Entry::new("لبنان", "country").canonical(), "لبنان");
    /// ```
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// The type (`"country"`, `"capital"`, ...): what the entry names. Not to be
    /// confused with `Match::kind`, which says how a match read it (name or adjective).
    ///
    /// ```
    /// assert_eq!(nass_gazetteer::Entry::new("أوبك", "organization").entity_type(), "organization");
    /// ```
    pub fn entity_type(&self) -> &str {
        &self.entity_type
    }

    /// The variant spellings, without the canonical name.
    ///
    /// ```
    /// let e = nass_gazetteer::Entry::new("كركوك", "city").variant("كركوك ");
    /// assert_eq!(e.variant_names(), ["كركوك "]);
    /// ```
    pub fn variant_names(&self) -> &[String] {
        &self.variants
    }

    /// The payload, if any.
    ///
    /// ```
    /// assert_eq!(nass_gazetteer::Entry::new("تونس", "country").payload(), None);
    /// ```
    pub fn payload(&self) -> Option<&serde_json::Value> {
        self.payload.as_ref()
    }

    /// Every name: the canonical name first, then the variants.
    ///
    /// ```
    /// let e = nass_gazetteer::Entry::new("مصر", "country").variant("جمهورية مصر العربية");
    /// assert_eq!(e.names().collect::<Vec<_>>(), ["مصر", "جمهورية مصر العربية"]);
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(self.canonical.as_str()).chain(self.variants.iter().map(String::as_str))
    }

    /// Merges another entry's variants and payload into this one.
    pub(crate) fn merge(&mut self, other: Entry) {
        for v in other.variants {
            self.push_variant(v);
        }
        if self.payload.is_none() {
            self.payload = other.payload;
        }
    }
}

/// An entry read in place from the gazetteer's index bytes, without decoding it into an
/// [`Entry`]: what [`Match::entry_ref`](crate::Match::entry_ref) returns. Its strings
/// borrow from the gazetteer, so holding many costs nothing; with a gazetteer opened
/// from a large index, matching through `entry_ref` keeps no decoded entries in memory.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer};
/// let g = Gazetteer::builder()
///     .entry(Entry::new("تونس", "country").variant("الجمهورية التونسية").with_payload(serde_json::json!({"iso": "TN"})))
///     .build()?;
/// let e = g.find_iter("زار الجمهورية التونسية").next().unwrap().entry_ref();
/// assert_eq!((e.canonical(), e.entity_type()), ("تونس", "country"));
/// assert_eq!(e.variant_names().collect::<Vec<_>>(), ["الجمهورية التونسية"]);
/// assert_eq!(e.payload_json(), Some(r#"{"iso":"TN"}"#));
/// assert_eq!(e.payload().unwrap()["iso"], "TN");
/// assert_eq!(e.to_entry(), *g.entries().next().unwrap());
/// # Ok::<(), nass_gazetteer::GazetteerError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryRef<'g> {
    canonical: &'g str,
    entity_type: &'g str,
    /// The variants as stored: their count, then each as a length and UTF-8.
    variants: &'g [u8],
    payload: Option<&'g str>,
}

impl<'g> EntryRef<'g> {
    /// Reads the record of an entry ([`crate::file::put_entry`]); a record that is not
    /// one (only a forged index has such) reads as an empty entry, and a variant that is
    /// not UTF-8 ends [`variant_names`](Self::variant_names) where it is.
    pub(crate) fn parse(record: &'g [u8], types: &'g [String]) -> EntryRef<'g> {
        Self::try_parse(record, types).unwrap_or(EntryRef {
            canonical: "",
            entity_type: "",
            variants: &[0],
            payload: None,
        })
    }

    fn try_parse(record: &'g [u8], types: &'g [String]) -> Option<EntryRef<'g>> {
        let mut c = crate::file::Cursor::new(record);
        let canonical = c.str()?;
        let entity_type = types.get(usize::try_from(c.varint()?).ok()?)?;
        let from = c.at;
        let n = c.varint()?;
        // Skipped here, and each checked to be UTF-8 when it is read
        // (`variant_names`): most matches read one variant at most.
        for _ in 0..n {
            c.str_bytes()?;
        }
        let variants = &record[from..c.at];
        let payload = match c.take(1)? {
            [0] => None,
            [1] => Some(c.str()?),
            _ => return None,
        };
        (c.at == record.len()).then_some(EntryRef {
            canonical,
            entity_type,
            variants,
            payload,
        })
    }

    /// The canonical name.
    pub fn canonical(&self) -> &'g str {
        self.canonical
    }

    /// The type.
    pub fn entity_type(&self) -> &'g str {
        self.entity_type
    }

    /// The variant spellings, without the canonical name, in order.
    pub fn variant_names(&self) -> impl Iterator<Item = &'g str> + 'g {
        let mut c = crate::file::Cursor::new(self.variants);
        let n = c.varint().unwrap_or(0);
        (0..n).map_while(move |_| c.str())
    }

    /// Every name: the canonical name first, then the variants.
    pub fn names(&self) -> impl Iterator<Item = &'g str> + 'g {
        std::iter::once(self.canonical).chain(self.variant_names())
    }

    /// The payload as the JSON text it is stored as (compact, as `serde_json` writes a
    /// value), if any.
    pub fn payload_json(&self) -> Option<&'g str> {
        self.payload
    }

    /// The payload, parsed (each call parses it again).
    pub fn payload(&self) -> Option<serde_json::Value> {
        serde_json::from_str(self.payload?).ok()
    }

    /// The entry, decoded.
    pub fn to_entry(&self) -> Entry {
        let e = Entry::new(self.canonical, self.entity_type).variants(self.variant_names());
        match self.payload() {
            Some(p) => e.with_payload(p),
            None => e,
        }
    }

    /// The name at `index` in [`names`](Self::names) order of the entry whose record is
    /// `record`, read without the rest of the record (the canonical name for an index
    /// out of range, which only a forged index file can give; a record that is not one
    /// gives some name of it or "").
    pub(crate) fn name_in_record(record: &'g [u8], index: usize) -> &'g str {
        let mut c = crate::file::Cursor::new(record);
        let mut read = || {
            let canonical = c.str()?;
            if index == 0 {
                return Some(canonical);
            }
            c.varint()?;
            let n = c.varint()?;
            if index as u64 > n {
                return Some(canonical);
            }
            for _ in 1..index {
                c.str_bytes()?;
            }
            Some(c.str().unwrap_or(canonical))
        };
        read().unwrap_or("")
    }
}

/// Why a gazetteer could not be loaded or built. Names the source (a file name or
/// `"entries"` for entries added in code) and the 1-based line or entry number.
///
/// ```
/// use nass_gazetteer::Gazetteer;
///
/// let tsv = "# countries\nالعراق\tcountry\n\u{064E}\tcountry\n";
/// let err = Gazetteer::builder().load_tsv(tsv.as_bytes(), "places.tsv").unwrap().build().unwrap_err();
/// assert_eq!(err.to_string(), "places.tsv:3: the name '\u{064E}' normalizes to nothing");
/// assert_eq!(err.source_name(), "places.tsv");
/// assert_eq!(err.line(), Some(3));
/// ```
#[derive(Debug)]
pub struct GazetteerError {
    source: String,
    line: Option<usize>,
    kind: ErrorKind,
}

#[derive(Debug)]
pub(crate) enum ErrorKind {
    Malformed(String),
    EmptyName(String),
    Io(std::io::Error),
    Build(String),
    /// A compiled index that cannot be read.
    Index(String),
    NameTooLong {
        words: usize,
        bytes: usize,
    },
}

impl GazetteerError {
    pub(crate) fn new(source: &str, line: Option<usize>, kind: ErrorKind) -> Self {
        GazetteerError {
            source: source.to_string(),
            line,
            kind,
        }
    }

    /// The source named when loading (`"entries"` for entries added in code).
    ///
    /// ```
    /// let err = nass_gazetteer::Gazetteer::builder()
    ///     .load_tsv("بغداد\n".as_bytes(), "a.tsv")
    ///     .unwrap_err();
    /// assert_eq!(err.source_name(), "a.tsv");
    /// ```
    pub fn source_name(&self) -> &str {
        &self.source
    }

    /// The 1-based line (or entry number), when the error belongs to one.
    ///
    /// ```
    /// let err = nass_gazetteer::Gazetteer::builder()
    ///     .load_jsonl("{\"name\":\"بغداد\",\"type\":\"capital\"}\n{oops}\n".as_bytes(), "a.jsonl")
    ///     .unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        match &self.kind {
            ErrorKind::Malformed(why) => write!(f, ": {why}"),
            ErrorKind::EmptyName(name) => {
                write!(f, ": the name '{name}' normalizes to nothing")
            }
            ErrorKind::Io(e) => write!(f, ": {e}"),
            ErrorKind::Build(why) | ErrorKind::Index(why) => write!(f, ": {why}"),
            ErrorKind::NameTooLong { words, bytes } => write!(
                f,
                ": a name of {words} words and {bytes} bytes once normalized; names have at most {} words and {} bytes",
                crate::MAX_NAME_WORDS,
                crate::MAX_NAME_BYTES
            ),
        }
    }
}

impl std::error::Error for GazetteerError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A name read alone from an entry's record is the one the whole entry gives, the
        /// canonical name past the last variant.
        #[test]
        fn a_name_read_alone_is_the_entrys(
            canonical in ".{1,12}",
            variants in proptest::collection::vec(".{1,12}", 0..4),
            payload in proptest::option::of(any::<u32>()),
            index in 0usize..6,
        ) {
            let mut e = Entry::new(canonical.as_str(), "place").variants(variants);
            if let Some(p) = payload {
                e = e.with_payload(serde_json::json!({ "id": p }));
            }
            let mut record = Vec::new();
            crate::file::put_entry(&mut record, &e, 0);
            let types = ["place".to_string()];
            let whole = EntryRef::parse(&record, &types);
            prop_assert_eq!(whole.to_entry(), e);
            let want = whole.names().nth(index).unwrap_or(whole.canonical());
            prop_assert_eq!(EntryRef::name_in_record(&record, index), want);
        }
    }
}
