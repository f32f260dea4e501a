//! `nass analyze`: search terms with byte offsets and positions.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use nass::analysis::{Analyzer, AnalyzerName, Stemmer, StopWords};
use nass::tokenize::last_safe_cut;

use crate::args::{InputArgs, ThreadsArg};
use crate::error::CliError;
use crate::output::{tsv_header, write_record, Format, JsonObject, Output, Record, TsvRow};
use crate::parallel::{self, Filter};
use crate::stream::Piece;

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// The analyzer: `search` (the search preset and nass's light stemmer) or `lucene`
    /// (Lucene's ArabicAnalyzer chain: lowercase, digits to ASCII, stop words, Lucene's
    /// normalizer and stemmer).
    #[arg(long, value_enum, default_value = "search")]
    analyzer: AnalyzerArg,
    /// The stemmer, instead of the analyzer's.
    #[arg(long, value_enum)]
    stemmer: Option<StemmerArg>,
    /// Stop words: `default` (nass's list), `none`, or a file of one word a line (`#`
    /// starts a comment line).
    #[arg(long, value_name = "default|none|FILE", default_value = "default")]
    stopwords: PathBuf,
    /// Output: `text` writes each input line's terms separated by single spaces (line
    /// endings kept); `tsv` and `jsonl` write one record per term with `term`, `start` and
    /// `end` (byte offsets of its word from the start of the input) and `position`.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    threads: ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
}

/// An analyzer by name.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum AnalyzerArg {
    /// The search preset, nass's stop words, nass's light stemmer.
    Search,
    /// Lucene's ArabicAnalyzer chain.
    Lucene,
}

/// A stemmer by name.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum StemmerArg {
    /// Lucene's ArabicStemmer (light10).
    Lucene,
    /// The Snowball Arabic stemmer.
    Snowball,
    /// nass's light stemmer: clitics, endings, pronouns; short words and gazetteer names
    /// protected.
    Light,
    /// No stemming.
    None,
}

/// One term as a record.
struct TermRecord<'a> {
    term: &'a str,
    start: u64,
    end: u64,
    /// Relative to the output's count.
    position: u64,
}

impl Record for TermRecord<'_> {
    fn write_json(&self, o: &mut JsonObject<'_, '_>) {
        o.str("term", self.term);
        o.num("start", self.start);
        o.num("end", self.end);
        o.counted("position", self.position);
    }

    fn write_tsv(&self, row: &mut TsvRow<'_, '_>) {
        row.str(self.term);
        row.num(self.start);
        row.num(self.end);
        row.counted(self.position);
    }
}

impl AnalyzeArgs {
    fn analyzer(&self) -> Result<Analyzer, CliError> {
        let name = match self.analyzer {
            AnalyzerArg::Search => AnalyzerName::Search,
            AnalyzerArg::Lucene => AnalyzerName::Lucene,
        };
        let mut b = Analyzer::builder(name);
        if let Some(s) = self.stemmer {
            b = b.stemmer(match s {
                StemmerArg::Lucene => Stemmer::Lucene,
                StemmerArg::Snowball => Stemmer::snowball(),
                StemmerArg::Light => Stemmer::light(),
                StemmerArg::None => Stemmer::None,
            });
        }
        let path = &self.stopwords;
        if path.as_os_str() == "none" {
            b = b.stop_words(StopWords::empty());
        } else if path.as_os_str() != "default" {
            let file =
                std::fs::File::open(path).map_err(|e| CliError::Open(path.to_path_buf(), e))?;
            let words =
                StopWords::from_reader(file).map_err(|e| CliError::Read(path.to_path_buf(), e))?;
            b = b.stop_words(words);
        }
        Ok(b.build())
    }
}

/// Ends a line of text output at each line break (LF or CRLF, as written) of `gap`,
/// text between terms.
fn write_breaks(gap: &str, out: &mut Output<'_, Vec<u8>>) {
    let bytes = gap.as_bytes();
    for i in memchr::memchr_iter(b'\n', bytes) {
        let crlf = i > 0 && bytes[i - 1] == b'\r';
        out.line_break(if crlf { "\r\n" } else { "\n" });
        out.record_end();
    }
}

/// `nass analyze` as a filter.
struct Analyze<'a> {
    args: &'a AnalyzeArgs,
    analyzer: Analyzer,
}

impl Filter for Analyze<'_> {
    type Buf = Vec<u8>;

    fn cut(&self, text: &str) -> usize {
        last_safe_cut(text)
    }

    fn piece(&self, piece: &Piece<'_>, out: &mut Output<'_, Vec<u8>>) {
        let format = self.args.format;
        // Positions count from the output's count, which the pieces before move on.
        let base = out.count();
        let mut terms = self.analyzer.analyze(piece.text);
        let mut prev_end = 0;
        for t in terms.by_ref() {
            if format == Format::Text {
                write_breaks(&piece.text[prev_end..t.start()], out);
                out.word_gap();
                out.buf().extend_from_slice(t.text().as_bytes());
                prev_end = t.end();
                continue;
            }
            let (start, end) = piece.span(t.start(), t.end());
            let record = TermRecord {
                term: t.text(),
                start,
                end,
                position: base + t.position() as u64,
            };
            write_record(out, format, &record);
        }
        if format == Format::Text {
            write_breaks(&piece.text[prev_end..], out);
        }
        out.add_count(terms.next_position() as u64);
    }

    fn header(&self) -> Option<Vec<u8>> {
        (self.args.format == Format::Tsv).then(|| tsv_header(["term", "start", "end", "position"]))
    }
}

pub fn run(args: &AnalyzeArgs) -> Result<(), CliError> {
    let filter = Analyze {
        args,
        analyzer: args.analyzer()?,
    };
    parallel::run(
        &filter,
        args.input.run(&args.threads),
        crate::stdout::unbuffered,
    )
}
