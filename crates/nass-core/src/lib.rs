//! Mechanism, no policy: the one-pass table engine that applies a per-code-point action
//! (keep, drop, replace) to text, [`Alignment`] from transformed offsets back to the
//! original, and Arabic-block character classes.
//!
//! ```
//! use nass_core::{map_chars, CharAction};
//!
//! // Drop tatweel, one code point at a time; borrow when nothing changes.
//! let f = |c| if c == 'ـ' { CharAction::Drop } else { CharAction::Keep };
//! assert_eq!(map_chars("بغـــداد", f), "بغداد");
//! assert!(matches!(map_chars("بغداد", f), std::borrow::Cow::Borrowed(_)));
//! ```
//!
//! The main types:
//! - [`CharAction`]: what a policy does to one code point.
//! - [`Table`] (built with [`TableBuilder`]): every code point's action, applied to a
//!   whole text in a single pass over its bytes, with context-dependent code points
//!   handed to a fallback in small windows that start and end at [`Entry::KeepAnchor`]
//!   or [`Entry::Replace`] code points.
//! - [`Alignment`]: maps byte offsets and spans of the output back to the input.
//! - [`unicode`]: composition facts the engine's users need (which code points compose).
//! - [`arabic`]: Arabic-script ranges and the basic letters.
//! - [`proclitics`]: the one proclitic grammar (و ف, then ب ك ل; ل + ال written لل).
//! - [`CharSet`]: a set of code points, for the classes scanners ask about.
//! - [`hash`]: the one hasher of the workspace's filters and tables.
//! - [`Spanned`] and [`CliticSpanned`]: the accessor convention of every match type
//!   (`start`, `end`, `span`, `text`; `name_start`, `clitics`, `name_text`).
//! - [`UnknownName`]: the one error of every `FromStr` that reads a name.
//!
//! Marks, word characters and the lookup fold are policy and live in the crates whose
//! subject they are: `nass_diacritics::word` and `nass_letters::lookup`.
#![deny(missing_docs)]
// Unsafe code is allowed in two modules: the vector loops (`prefilter.rs`: the skip loop's
// prefilter, and the copy that patches replaced letters in place) and the branch-free
// loop for densely marked text (`dense.rs`).
#![deny(unsafe_code)]

use std::borrow::Cow;

mod align;
pub mod arabic;
mod charset;
#[allow(unsafe_code)]
mod dense;
pub mod hash;
#[allow(unsafe_code)]
mod prefilter;
pub mod proclitics;
pub mod span;
mod table;
pub mod unicode;
mod unknown;

pub use align::{Alignment, AlignmentBuilder, AlignmentCursor};
pub use charset::CharSet;
pub use span::{CliticSpanned, Spanned};
pub use table::{Entry, NoSink, Sink, Table, TableBuilder};
pub use unknown::UnknownName;

/// What a policy does to one code point.
///
/// ```
/// use nass_core::CharAction;
/// let fold = |c: char| match c {
///     'ى' => CharAction::Replace("ي".into()),
///     _ => CharAction::Keep,
/// };
/// assert_eq!(fold('ى'), CharAction::Replace("ي".into()));
/// // A computed replacement is owned.
/// assert_eq!(CharAction::Replace(String::from("ي").into()), fold('ى'));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CharAction {
    /// Leave the code point as it is.
    Keep,
    /// Remove the code point.
    Drop,
    /// Replace the code point with a string (which may be empty or several code points):
    /// borrowed from a static table, so that a policy allocates nothing per character,
    /// or owned when it is computed.
    Replace(Cow<'static, str>),
}

impl CharAction {
    /// Appends the result of this action on `c` to `out`.
    ///
    /// ```
    /// use nass_core::CharAction;
    /// let mut s = String::new();
    /// CharAction::Keep.apply_to('ب', &mut s);
    /// CharAction::Drop.apply_to('\u{064E}', &mut s);
    /// CharAction::Replace("ا".into()).apply_to('أ', &mut s);
    /// assert_eq!(s, "با");
    /// ```
    pub fn apply_to(&self, c: char, out: &mut String) {
        match self {
            CharAction::Keep => out.push(c),
            CharAction::Drop => {}
            CharAction::Replace(r) => out.push_str(r),
        }
    }
}

/// Applies `action` to every code point of `text`, with no context and no Unicode
/// normalization; borrows when every code point is kept.
///
/// This is the plain per-character layer that the policy crates' convenience functions
/// share. For a fused, normalization-aware pass use a [`Table`].
///
/// ```
/// use nass_core::{map_chars, CharAction};
/// let out = map_chars("إلى", |c| match c {
///     'إ' => CharAction::Replace("ا".into()),
///     'ى' => CharAction::Replace("ي".into()),
///     _ => CharAction::Keep,
/// });
/// assert_eq!(out, "الي");
/// ```
pub fn map_chars(text: &str, action: impl Fn(char) -> CharAction) -> Cow<'_, str> {
    let mut iter = text.char_indices();
    let (first, first_char, first_action) = loop {
        match iter.next() {
            None => return Cow::Borrowed(text),
            Some((i, c)) => {
                let a = action(c);
                if a != CharAction::Keep {
                    break (i, c, a);
                }
            }
        }
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    first_action.apply_to(first_char, &mut out);
    for (_, c) in iter {
        action(c).apply_to(c, &mut out);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_chars_borrows_and_replaces() {
        let act = |c| match c {
            'ـ' => CharAction::Drop,
            'ة' => CharAction::Replace("ه".into()),
            'ﻻ' => CharAction::Replace("لا".into()),
            _ => CharAction::Keep,
        };
        assert!(matches!(map_chars("", act), Cow::Borrowed("")));
        assert!(matches!(map_chars("كتب", act), Cow::Borrowed("كتب")));
        assert_eq!(map_chars("مدرسـة", act), "مدرسه");
        assert_eq!(map_chars("ﻻ بأس", act), "لا بأس");
        assert_eq!(map_chars("ـــ", act), "");
    }
}
