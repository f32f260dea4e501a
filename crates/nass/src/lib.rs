//! nass: Arabic text normalization and tokenization, the crates behind one facade.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub use nass_core as core;
#[cfg(feature = "diacritics")]
pub use nass_diacritics as diacritics;
#[cfg(feature = "letters")]
pub use nass_letters as letters;
#[cfg(feature = "normalize")]
pub use nass_normalize as normalize;
#[cfg(feature = "numerals")]
pub use nass_numerals as numerals;
#[cfg(feature = "tokenize")]
pub use nass_tokenize as tokenize;
