//! Guards every public type of the workspace keeps: it can be sent to and shared between
//! threads (`Send + Sync`), and a panic caught with `std::panic::catch_unwind` cannot
//! leave it half-updated where another thread or a retry would see it (`UnwindSafe +
//! RefUnwindSafe`). A type that gains a field breaking one of these (an `Rc`, a `Cell`,
//! a `dyn Fn` without the bounds) fails to compile here.
//!
//! The one place these bounds were not free: the normalizer's table holds the classifier
//! of code points above U+FFFF as an `Arc<dyn Fn>`. `nass_core::TableBuilder::astral`
//! requires the function to be `RefUnwindSafe` as well as `Send + Sync`, so that every
//! type built on a table (the normalizer, the gazetteer, the tokenizer, the analyzers)
//! stays unwind-safe; a classifier that needs interior mutability must use a lock or an
//! atomic, which are unwind-safe.
//!
//! Errors that carry a `std::io::Error` (the gazetteer's load errors) are `Send + Sync`
//! only: `std::io::Error` itself is not unwind-safe.
//!
//! `nass-tantivy`'s types are guarded in that crate (tantivy is not a dependency here).

use std::panic::{RefUnwindSafe, UnwindSafe};

fn guarded<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

fn shared<T: Send + Sync>() {}

macro_rules! guard {
    ($($t:ty),* $(,)?) => {
        $( guarded::<$t>(); )*
    };
}

#[test]
fn core_types() {
    use nass::core::*;
    guard!(
        Alignment,
        AlignmentBuilder,
        CharAction,
        CharSet,
        Entry,
        NoSink,
        Table,
        TableBuilder,
        UnknownName,
        proclitics::Proclitics,
        hash::FastHasher,
        hash::FastBuildHasher,
    );
}

#[test]
fn policy_types() {
    guard!(
        nass::diacritics::Diacritics,
        nass::letters::LetterFolds,
        nass::normalize::Normalizer,
        nass::normalize::NormalizerBuilder,
        nass::normalize::Preset,
        nass::normalize::UnicodeForm,
        nass::normalize::UnknownName,
    );
}

#[test]
fn numerals_types() {
    use nass::numerals::*;
    guard!(
        Number,
        ParseNumberError,
        ParseNumberErrorKind,
        NumberMatch<'static>,
        Numbers<'static>,
        DigitSet,
        ParseDigitSetError,
        DigitConverter,
        DigitConverterBuilder,
        NumberWordsMatch<'static>,
        NumberWords<'static>,
        Gender,
        Case,
        ParseWordsError,
        ParseWordsErrorKind,
    );
}

#[test]
fn tokenize_types() {
    use nass::tokenize::*;
    guard!(
        TokenKind,
        Token<'static>,
        TokenizerBuilder,
        Tokenizer,
        Tokens<'static>,
        Normalized<'static, 'static>,
        Sentence<'static>,
        Sentences<'static>,
    );
}

#[test]
fn gazetteer_types() {
    use nass::gazetteer::*;
    guard!(
        MatchKind,
        Match<'static, 'static>,
        Matches<'static, 'static>,
        Entry,
        GazetteerBuilder,
        Gazetteer,
    );
    // It carries the io::Error of a failed read.
    shared::<GazetteerError>();
}

#[test]
fn dates_types() {
    use nass::dates::*;
    guard!(
        DateKind,
        DateValue,
        DateMatch<'static>,
        DateFinder,
        DateFinderBuilder,
        DateMatches<'static>,
        Jdn,
        GregorianDate,
        Weekday,
        HijriCalendar,
        HijriDate,
        DateFormatter,
        DateError,
        NamingSystem,
        DateWordMatch<'static>,
    );
}

#[test]
fn translit_and_analysis_types() {
    guard!(
        nass::translit::Scheme,
        nass::translit::Direction,
        nass::translit::UnknownScheme,
        nass::translit::Transliterator,
        nass::analysis::StopClass,
        nass::analysis::StopWords,
        nass::analysis::AnalyzerName,
        nass::analysis::AnalyzerBuilder,
        nass::analysis::Analyzer,
        nass::analysis::Term<'static>,
        nass::analysis::Terms<'static>,
        nass::analysis::Stemmer,
        nass::analysis::LightStemmer,
    );
}
