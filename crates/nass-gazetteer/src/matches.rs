//! The match types: [`Match`] (one mention, with the span convention of
//! `nass_core::Spanned`), [`MatchKind`], and the iterator [`Matches`].

use super::*;

/// What a match is. More kinds may come (other derived forms): match with a wildcard
/// arm, or use [`name`](Self::name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MatchKind {
    /// One of the entry's names.
    Name,
    /// A nisba adjective derived from one of the entry's names (see
    /// [`GazetteerBuilder::adjectives`]).
    Adjective,
}

impl MatchKind {
    /// The kind's name, as the CLI and the Python module print it: `name`, `adjective`.
    ///
    /// ```
    /// assert_eq!(nass_gazetteer::MatchKind::Adjective.name(), "adjective");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            MatchKind::Name => "name",
            MatchKind::Adjective => "adjective",
        }
    }
}

/// One mention of an entry in the text.
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer, MatchKind};
/// let g = Gazetteer::builder().entry(Entry::new("لبنان", "country")).build().unwrap();
/// let text = "وصلوا فَلِلُبنانَ";
/// let m = g.find_iter(text).next().unwrap();
/// assert_eq!(m.text(), "فَلِلُبنانَ");
/// assert_eq!(m.clitics(), "فَلِ");
/// assert_eq!(m.name_text(), "لُبنانَ");
/// assert_eq!(m.span(), 11..33);
/// assert_eq!(m.variant(), "لبنان");
/// assert_eq!(m.kind(), MatchKind::Name);
/// ```
#[derive(Clone, Copy)]
pub struct Match<'g, 't> {
    haystack: &'t str,
    start: usize,
    end: usize,
    name_start: usize,
    gazetteer: &'g Inner,
    entry: u32,
    name: u32,
    kind: MatchKind,
}

impl std::fmt::Debug for Match<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Match")
            .field("span", &self.span())
            .field("name_start", &self.name_start)
            .field("text", &self.text())
            .field("entry", &self.entry_ref())
            .field("variant", &self.variant())
            .field("kind", &self.kind)
            .finish()
    }
}

/// Matches are equal when their texts, spans, entries (by contents), variants and kinds
/// are.
impl PartialEq for Match<'_, '_> {
    fn eq(&self, other: &Self) -> bool {
        self.haystack == other.haystack
            && (self.start, self.end, self.name_start) == (other.start, other.end, other.name_start)
            && self.entry_ref() == other.entry_ref()
            && self.variant() == other.variant()
            && self.kind == other.kind
    }
}

impl<'g, 't> Match<'g, 't> {
    /// Byte offset where the surface (proclitics included) starts in the original text.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("من تونس").next().unwrap().start(), 5);
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset where the surface ends in the original text (past the diacritics of
    /// its last letter).
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("من تونسَ.").next().unwrap().end(), 15);
    /// ```
    pub fn end(&self) -> usize {
        self.end
    }

    /// The byte span of the surface.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("بتونس").next().unwrap().span(), 0..10);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Byte offset where the name proper begins, after the proclitics.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("وبتونس").next().unwrap().name_start(), 4);
    /// ```
    pub fn name_start(&self) -> usize {
        self.name_start
    }

    /// The surface: the original text of the whole match.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("الأمم المتحدة", "organization")).build().unwrap();
    /// assert_eq!(g.find_iter("في الأمم\nالمتحدة").next().unwrap().text(), "الأمم\nالمتحدة");
    /// ```
    pub fn text(&self) -> &'t str {
        &self.haystack[self.start..self.end]
    }

    /// The surface of the proclitics (empty when there are none).
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("فبتونس").next().unwrap().clitics(), "فب");
    /// ```
    pub fn clitics(&self) -> &'t str {
        &self.haystack[self.start..self.name_start]
    }

    /// The surface of the name proper, without the proclitics.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("فبتونس").next().unwrap().name_text(), "تونس");
    /// ```
    pub fn name_text(&self) -> &'t str {
        &self.haystack[self.name_start..self.end]
    }

    /// The entry found.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("تونس").next().unwrap().entry().entity_type(), "country");
    /// ```
    pub fn entry(&self) -> &'g Entry {
        self.gazetteer.entry(self.entry as usize)
    }

    /// The entry found, read in place from the gazetteer's index without decoding it
    /// (see [`EntryRef`]): what to use when matching against a large index, so that the
    /// entries matched are not kept decoded in memory.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("تونس", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("تونس").next().unwrap().entry_ref().canonical(), "تونس");
    /// ```
    pub fn entry_ref(&self) -> EntryRef<'g> {
        self.gazetteer.entry_ref(self.entry as usize)
    }

    /// The entry's number: its place in [`Gazetteer::entries`] order, the same for every
    /// match of the entry. A key for data of one's own about entries, or for what one
    /// derives from an entry once and reuses at each of its matches.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("تونس", "country"))
    ///     .entry(Entry::new("بغداد", "capital"))
    ///     .build()
    ///     .unwrap();
    /// let m = g.find_iter("من بغداد").next().unwrap();
    /// assert_eq!(g.entries().nth(m.entry_index()), Some(m.entry()));
    /// ```
    pub fn entry_index(&self) -> usize {
        self.entry as usize
    }

    /// Which of the entry's names matched (for an adjective, the name it was derived
    /// from): its place in [`EntryRef::names`] order, 0 for the canonical name, then the
    /// variants in order.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("الولايات المتحدة", "country").variant("أميركا"))
    ///     .build()
    ///     .unwrap();
    /// let m = g.find_iter("في اميركا").next().unwrap();
    /// assert_eq!(m.name_index(), 1);
    /// assert_eq!(m.entry_ref().names().nth(m.name_index()), Some(m.variant()));
    /// ```
    pub fn name_index(&self) -> usize {
        self.name as usize
    }

    /// The name of the entry (canonical or variant, as written in the entry) that matched;
    /// for an adjective, the name it was derived from.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("الولايات المتحدة", "country").variant("أميركا"))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(g.find_iter("في اميركا").next().unwrap().variant(), "أميركا");
    /// ```
    pub fn variant(&self) -> &'g str {
        self.gazetteer
            .entry_name(self.entry as usize, self.name as usize)
    }

    /// Whether the match is a name or a derived adjective.
    ///
    /// ```
    /// # use nass_gazetteer::{Entry, Gazetteer, MatchKind};
    /// let g = Gazetteer::builder().entry(Entry::new("مصر", "country")).build().unwrap();
    /// assert_eq!(g.find_iter("مصر").next().unwrap().kind(), MatchKind::Name);
    /// ```
    pub fn kind(&self) -> MatchKind {
        self.kind
    }
}

impl nass_core::Spanned for Match<'_, '_> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn text(&self) -> &str {
        Match::text(self)
    }
}

impl nass_core::CliticSpanned for Match<'_, '_> {
    fn name_start(&self) -> usize {
        self.name_start
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) name_start: usize,
    pub(crate) target: u32,
}

/// The iterator of [`Match`]es returned by [`Gazetteer::find_iter`] and
/// [`Gazetteer::find_overlapping_iter`].
///
/// ```
/// use nass_gazetteer::{Entry, Gazetteer};
/// let g = Gazetteer::builder()
///     .entries([Entry::new("القاهرة", "capital"), Entry::new("الرباط", "capital")])
///     .build()
///     .unwrap();
/// let mut it = g.find_iter("من القاهرة إلى الرباط");
/// assert_eq!(it.len(), 2);
/// assert_eq!(it.next().unwrap().entry().canonical(), "القاهرة");
/// ```
#[derive(Debug)]
pub struct Matches<'g, 't> {
    pub(crate) gazetteer: &'g Inner,
    pub(crate) haystack: &'t str,
    pub(crate) found: std::vec::IntoIter<Found>,
}

impl<'g, 't> Matches<'g, 't> {
    pub(crate) fn to_match(&self, f: Found) -> Match<'g, 't> {
        let g = self.gazetteer;
        let target = g.target(f.target);
        Match {
            haystack: self.haystack,
            start: f.start,
            end: f.end,
            name_start: f.name_start,
            gazetteer: g,
            entry: target.entry,
            name: target.name,
            kind: target.kind,
        }
    }
}

impl<'g, 't> Iterator for Matches<'g, 't> {
    type Item = Match<'g, 't>;

    fn next(&mut self) -> Option<Self::Item> {
        let f = self.found.next()?;
        Some(self.to_match(f))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.found.size_hint()
    }
}

impl ExactSizeIterator for Matches<'_, '_> {}
impl std::iter::FusedIterator for Matches<'_, '_> {}
