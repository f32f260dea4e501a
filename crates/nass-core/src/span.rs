//! The accessor convention every match type of the workspace follows.
//!
//! A match found in a text answers, by inherent methods of these names (so that no
//! import is needed) and through the [`Spanned`] trait (for code generic over matches):
//!
//! | method | meaning |
//! |---|---|
//! | `start()` | byte offset of the first byte of the match in the original text |
//! | `end()` | byte offset just past its last byte |
//! | `span()` | `start()..end()` |
//! | `text()` | `&original[start()..end()]` |
//!
//! Matches that read proclitics (a gazetteer name, number words, a month name) also
//! follow [`CliticSpanned`]: `name_start()` (where the part after the proclitics begins),
//! `clitics()` (the proclitics' surface) and `name_text()` (the rest). `kind()` is kept for
//! what kind of match it is; a payload (an entry, a value) has a name of its own.
//!
//! ```
//! use nass_core::{CliticSpanned, Spanned};
//!
//! struct Word<'t> { text: &'t str, start: usize, name_start: usize, end: usize }
//! impl Spanned for Word<'_> {
//!     fn start(&self) -> usize { self.start }
//!     fn end(&self) -> usize { self.end }
//!     fn text(&self) -> &str { &self.text[self.start..self.end] }
//! }
//! impl CliticSpanned for Word<'_> {
//!     fn name_start(&self) -> usize { self.name_start }
//! }
//!
//! let w = Word { text: "من وبغداد", start: 5, name_start: 7, end: 17 };
//! assert_eq!(w.span(), 5..17);
//! assert_eq!(w.text(), "وبغداد");
//! assert_eq!((w.clitics(), w.name_text()), ("و", "بغداد"));
//! ```

use std::ops::Range;

/// A match in a text: where it is and what it says. See [`crate::span`] for the
/// convention.
///
/// ```
/// use nass_core::Spanned;
/// fn covered(matches: &[impl Spanned]) -> usize {
///     matches.iter().map(|m| m.span().len()).sum()
/// }
/// struct M(usize, usize);
/// impl Spanned for M {
///     fn start(&self) -> usize { self.0 }
///     fn end(&self) -> usize { self.1 }
///     fn text(&self) -> &str { "" }
/// }
/// assert_eq!(covered(&[M(0, 4), M(6, 8)]), 6);
/// ```
pub trait Spanned {
    /// Byte offset where the match starts in the original text.
    fn start(&self) -> usize;
    /// Byte offset just past the match in the original text.
    fn end(&self) -> usize;
    /// `start()..end()`.
    fn span(&self) -> Range<usize> {
        self.start()..self.end()
    }
    /// The original text of the match: `&original[start()..end()]`.
    fn text(&self) -> &str;
}

/// A match that may begin with proclitics (و ف ب ك ل, see [`crate::proclitics`]).
///
/// ```
/// use nass_core::{CliticSpanned, Spanned};
/// struct M;
/// impl Spanned for M {
///     fn start(&self) -> usize { 10 }
///     fn end(&self) -> usize { 20 }
///     fn text(&self) -> &str { "فبتونس" }
/// }
/// impl CliticSpanned for M {
///     fn name_start(&self) -> usize { 14 }
/// }
/// assert_eq!(M.clitics(), "فب");
/// assert_eq!(M.name_text(), "تونس");
/// ```
pub trait CliticSpanned: Spanned {
    /// Byte offset where the part after the proclitics begins (`start()` when there are
    /// none).
    fn name_start(&self) -> usize;
    /// The proclitics' surface (`""` when there are none).
    fn clitics(&self) -> &str {
        &self.text()[..self.name_start() - self.start()]
    }
    /// The surface after the proclitics.
    fn name_text(&self) -> &str {
        &self.text()[self.name_start() - self.start()..]
    }
}
