//! `nass analyze`: search terms with byte offsets and positions.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use nass::analysis::{Analyzer, AnalyzerName, Stemmer, StopWords};
use nass::tokenize::last_safe_cut;
use serde::Serialize;

use crate::args::InputArgs;
use crate::error::CliError;
use crate::output::{write_tsv_fields, Format, Record, RecordWriter};
use crate::stream::for_each_piece;

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
#[derive(Serialize)]
struct TermRecord<'a> {
    term: &'a str,
    start: u64,
    end: u64,
    position: u64,
}

impl Record for TermRecord<'_> {
    fn write_tsv_header(&self, out: &mut dyn Write) -> io::Result<()> {
        write_tsv_fields(out, ["term", "start", "end", "position"])
    }

    fn write_tsv_row(&self, out: &mut dyn Write) -> io::Result<()> {
        let (start, end, position) = (
            self.start.to_string(),
            self.end.to_string(),
            self.position.to_string(),
        );
        write_tsv_fields(out, [self.term, &start, &end, &position])
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

/// Writes the line breaks (LF or CRLF, as written) of `gap`, text between terms.
fn write_breaks(gap: &str, in_line: &mut bool, out: &mut impl Write) -> io::Result<()> {
    let bytes = gap.as_bytes();
    for i in memchr::memchr_iter(b'\n', bytes) {
        let crlf = i > 0 && bytes[i - 1] == b'\r';
        out.write_all(if crlf { b"\r\n" } else { b"\n" })?;
        *in_line = false;
    }
    Ok(())
}

pub fn run(args: &AnalyzeArgs, out: &mut impl Write) -> Result<(), CliError> {
    let analyzer = args.analyzer()?;
    let mut records = RecordWriter::new(out, args.format);
    // Positions used by the pieces before this one.
    let mut base: u64 = 0;
    // Text output: a term has been written on the current output line.
    let mut in_line = false;
    for_each_piece(
        &args.input.files,
        args.input.options(),
        last_safe_cut,
        |piece| {
            let mut terms = analyzer.analyze(piece.text);
            let mut prev_end = 0;
            for t in terms.by_ref() {
                if args.format == Format::Text {
                    let out = records.get_mut();
                    write_breaks(&piece.text[prev_end..t.start()], &mut in_line, out)
                        .map_err(CliError::Write)?;
                    if in_line {
                        out.write_all(b" ").map_err(CliError::Write)?;
                    }
                    out.write_all(t.text().as_bytes())
                        .map_err(CliError::Write)?;
                    in_line = true;
                    prev_end = t.end();
                    continue;
                }
                let (start, end) = piece.span(t.start(), t.end());
                records
                    .write(&TermRecord {
                        term: t.text(),
                        start,
                        end,
                        position: base + t.position() as u64,
                    })
                    .map_err(CliError::Write)?;
            }
            if args.format == Format::Text {
                write_breaks(&piece.text[prev_end..], &mut in_line, records.get_mut())
                    .map_err(CliError::Write)?;
            }
            base += terms.next_position() as u64;
            Ok(())
        },
    )?;
    records.get_mut().flush().map_err(CliError::Write)?;
    Ok(())
}
