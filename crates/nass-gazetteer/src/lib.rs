//! Placeholder: the gazetteer is being written.
#![deny(missing_docs)]
