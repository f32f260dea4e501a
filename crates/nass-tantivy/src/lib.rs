//! nass's Arabic analyzer as a [tantivy](https://crates.io/crates/tantivy) tokenizer.
//!
//! ```
//! use nass_tantivy::NassTokenizer;
//! use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
//! use tantivy::{doc, Index};
//!
//! let indexing = TextFieldIndexing::default()
//!     .set_tokenizer("arabic")
//!     .set_index_option(IndexRecordOption::WithFreqsAndPositions);
//! let mut schema = Schema::builder();
//! let body = schema.add_text_field("body", TextOptions::default().set_indexing_options(indexing));
//! let index = Index::create_in_ram(schema.build());
//! index.tokenizers().register("arabic", NassTokenizer::search());
//!
//! let mut writer = index.writer(15_000_000).unwrap();
//! writer.add_document(doc!(body => "وصل الوفدُ إلى بغـداد")).unwrap();
//! writer.commit().unwrap();
//!
//! let searcher = index.reader().unwrap().searcher();
//! let parser = tantivy::query::QueryParser::for_index(&index, vec![body]);
//! let query = parser.parse_query("ببغداد").unwrap();
//! let hits = searcher.search(&query, &tantivy::collector::Count).unwrap();
//! assert_eq!(hits, 1);
//! ```
//!
//! [`NassTokenizer`] implements the `Tokenizer` trait of the tantivy-tokenizer-api
//! crate, the one tantivy 0.25 uses, with any [`nass_analysis::Analyzer`]: tokens,
//! lowercase, normalization, stop words, stemming. Each token's offsets are the byte
//! offsets of the original word in the field text (so tantivy's snippets highlight the
//! words as written); positions leave a gap for each removed stop word, so a phrase
//! query across a stop word still matches.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::sync::Arc;

use nass_analysis::Terms;
pub use nass_analysis::{Analyzer, AnalyzerName};
/// The tokenizer API of tantivy, re-exported for callers that drive a stream by hand.
pub use tantivy_tokenizer_api::{Token, TokenStream, Tokenizer};

/// A tantivy tokenizer running a nass [`Analyzer`]. Cloning it is cheap (the analyzer
/// is shared).
///
/// ```
/// use nass_tantivy::{NassTokenizer, Tokenizer, TokenStream};
/// let mut t = NassTokenizer::search();
/// let text = "سافر الوزيرُ إلى العراق";
/// let mut stream = t.token_stream(text);
/// let mut got = Vec::new();
/// while stream.advance() {
///     let tok = stream.token();
///     got.push((tok.text.clone(), &text[tok.offset_from..tok.offset_to], tok.position));
/// }
/// assert_eq!(got, [
///     ("سافر".to_string(), "سافر", 0),
///     ("وزير".to_string(), "الوزيرُ", 1),
///     ("عراق".to_string(), "العراق", 3),
/// ]);
/// ```
#[derive(Clone, Debug)]
pub struct NassTokenizer {
    analyzer: Arc<Analyzer>,
    token: Token,
}

impl NassTokenizer {
    /// A tokenizer running `analyzer`.
    pub fn new(analyzer: Analyzer) -> Self {
        NassTokenizer {
            analyzer: Arc::new(analyzer),
            token: Token::default(),
        }
    }

    /// The `search` analyzer: the `search` preset and nass's light stemmer.
    pub fn search() -> Self {
        NassTokenizer::new(Analyzer::search())
    }

    /// The `lucene` analyzer: Lucene's `ArabicAnalyzer` chain.
    pub fn lucene() -> Self {
        NassTokenizer::new(Analyzer::lucene())
    }

    /// The analyzer it runs.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }
}

impl Tokenizer for NassTokenizer {
    type TokenStream<'a> = NassTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NassTokenStream<'a> {
        self.token.reset();
        let NassTokenizer { analyzer, token } = self;
        NassTokenStream {
            terms: analyzer.analyze(text),
            token,
        }
    }
}

/// The token stream of [`NassTokenizer`].
#[derive(Debug)]
pub struct NassTokenStream<'a> {
    terms: Terms<'a>,
    token: &'a mut Token,
}

impl TokenStream for NassTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(term) = self.terms.next() else {
            return false;
        };
        self.token.text.clear();
        self.token.text.push_str(term.text());
        self.token.offset_from = term.start();
        self.token.offset_to = term.end();
        self.token.position = term.position();
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
