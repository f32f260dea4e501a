//! [`UnknownName`]: the one error for a name that names nothing (a preset, a scheme, a
//! stemmer, an analyzer...), so that every `FromStr` of the workspace fails alike.

use std::fmt;

/// A name that is not one of the names a `FromStr` knows: what was asked for, what was
/// given, and what would have been accepted.
///
/// ```
/// use nass_core::UnknownName;
///
/// let err = UnknownName::new("stemmer", "porter", &["none", "lucene", "light"]);
/// assert_eq!(err.to_string(), "unknown stemmer 'porter' (expected one of: none, lucene, light)");
/// assert_eq!((err.what(), err.given()), ("stemmer", "porter"));
/// assert_eq!(err.expected(), ["none", "lucene", "light"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    given: String,
    expected: &'static [&'static str],
}

impl UnknownName {
    /// The error for `given`, which is not a name of a `what`; `expected` lists the names
    /// that are.
    pub fn new(what: &'static str, given: &str, expected: &'static [&'static str]) -> Self {
        UnknownName {
            what,
            given: given.to_string(),
            expected,
        }
    }

    /// What kind of name was asked for (`"preset"`, `"transliteration scheme"`...).
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The name given.
    pub fn given(&self) -> &str {
        &self.given
    }

    /// The names that would have been accepted.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} '{}' (expected one of: {})",
            self.what,
            self.given,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}
