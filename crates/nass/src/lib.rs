//! nass: Arabic text normalization and tokenization, the crates behind one facade.
//!
//! ```
//! use nass::normalize::{Normalizer, Preset};
//!
//! let search = Normalizer::from_preset(Preset::Search);
//! assert_eq!(search.normalize("وَصَلَ الوفدُ إلى بغـــداد"), "وصل الوفد الي بغداد");
//! ```
//!
//! Each module is a crate of its own, usable alone; this facade re-exports them behind
//! features of the same name (all on by default):
//!
//! | module | crate | what it does |
//! |---|---|---|
//! | [`core`] | `nass-core` | the one-pass table engine, offset alignment, and the shared rules: script ranges, the proclitic grammar, code-point sets, hashing, the span convention, the "unknown name" error |
//! | `diacritics` | `nass-diacritics` | which marks are diacritics, in classes; tatweel; marks and word characters |
//! | `letters` | `nass-letters` | letter folds: alef forms, ya, teh marbuta, hamza carriers, presentation forms; the lookup fold |
//! | `normalize` | `nass-normalize` | the fused normalizer, its presets and alignment |
//! | `numerals` | `nass-numerals` | Eastern Arabic and Persian digits, number parsing, number words |
//! | `tokenize` | `nass-tokenize` | tokens with byte spans into the original text |
//! | `gazetteer` | `nass-gazetteer` | entity lists matched through clitics and spelling variation |
//! | `calendar` | `nass-calendar` | Hijri and Gregorian calendars, month names of every regional system, dates in Arabic |
//! | `dates` | `nass-dates` | month names and date expressions found in text (re-exports the calendar) |
//! | `translit` | `nass-translit` | Buckwalter, Safe Buckwalter, XML Buckwalter and HSB transliteration, both ways |
//! | `analysis` | `nass-analysis` | search analysis: stemmers, stop words, terms with positions and offsets |
//!
//! The repository's ARCHITECTURE.md says which crate owns what, which way the
//! dependencies point, and where each shared rule lives.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "analysis")]
pub use nass_analysis as analysis;
#[cfg(feature = "calendar")]
pub use nass_calendar as calendar;
pub use nass_core as core;
#[cfg(feature = "dates")]
pub use nass_dates as dates;
#[cfg(feature = "diacritics")]
pub use nass_diacritics as diacritics;
#[cfg(feature = "gazetteer")]
pub use nass_gazetteer as gazetteer;
#[cfg(feature = "letters")]
pub use nass_letters as letters;
#[cfg(feature = "normalize")]
pub use nass_normalize as normalize;
#[cfg(feature = "numerals")]
pub use nass_numerals as numerals;
#[cfg(feature = "tokenize")]
pub use nass_tokenize as tokenize;
#[cfg(feature = "translit")]
pub use nass_translit as translit;

/// The README's examples, run as doctests so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
