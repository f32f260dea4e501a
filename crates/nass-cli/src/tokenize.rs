//! `nass tokenize`: tokens with byte offsets from the start of the input.

use std::borrow::Cow;

use clap::Args;
use nass::normalize::Normalizer;
use nass::tokenize::{last_safe_cut, Token, Tokenizer};

use crate::args::{InputArgs, PresetArg, ThreadsArg};
use crate::error::CliError;
use crate::output::{tsv_header, write_record, Format, JsonObject, Output, Record, TsvRow};
use crate::parallel::{self, Filter};
use crate::stream::{line_cut, Piece};

#[derive(Args, Debug)]
pub struct TokenizeArgs {
    /// Output: `text` writes each input line's tokens separated by single spaces (one
    /// output line per input line, or per sentence with --sentences); `tsv` and `jsonl`
    /// write one record per token with its byte offsets from the start of the input.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Also give each token's normalized form (`norm`); in text output, the normalized
    /// form replaces the token, and a token that normalizes to nothing is left out.
    #[arg(long, value_enum, value_name = "PRESET")]
    normalize: Option<PresetArg>,
    /// Split into sentences: text output writes one sentence per line; records get the
    /// sentence's number (from 0, over the whole input).
    #[arg(long)]
    sentences: bool,
    /// Split a run of digits off the word it stands in (world123 -> world 123), as CAMeL
    /// Tools' simple_word_tokenize(split_digits=True) does.
    #[arg(long)]
    split_digits: bool,
    /// With --sentences, also end a sentence at the Arabic comma ، (as PyArabic does).
    #[arg(long)]
    arabic_comma: bool,
    #[command(flatten)]
    threads: ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
}

/// One token as a record.
struct TokenRecord<'a> {
    start: u64,
    end: u64,
    text: &'a str,
    kind: &'static str,
    norm: Option<Cow<'a, str>>,
    /// The sentence's number, relative to the output's count.
    sentence: Option<u64>,
}

impl Record for TokenRecord<'_> {
    fn write_json(&self, o: &mut JsonObject<'_, '_>) {
        o.num("start", self.start);
        o.num("end", self.end);
        o.str("text", self.text);
        o.str("kind", self.kind);
        o.opt_str("norm", self.norm.as_deref());
        o.opt_counted("sentence", self.sentence);
    }

    fn write_tsv(&self, row: &mut TsvRow<'_, '_>) {
        row.num(self.start);
        row.num(self.end);
        row.str(self.kind);
        row.str(self.text);
        if let Some(norm) = &self.norm {
            row.str(norm);
        }
        if let Some(sentence) = self.sentence {
            row.counted(sentence);
        }
    }
}

/// Where a `--sentences` stream may be cut: after the last line break, or, in a very long
/// line, before the last sentence that follows whitespace (else between tokens).
fn sentence_cut(tokenizer: &Tokenizer, text: &str) -> usize {
    line_cut(text, |text| {
        let safe = last_safe_cut(text);
        tokenizer
            .sentences(text)
            .map(|s| s.span().start)
            .filter(|&s| s > 0 && s <= safe && text[..s].ends_with(char::is_whitespace))
            .last()
            .unwrap_or(safe)
    })
}

/// `nass tokenize` as a filter.
struct Tokenize<'a> {
    args: &'a TokenizeArgs,
    normalizer: Option<Normalizer>,
    words: Tokenizer,
    with_ws: Tokenizer,
}

impl Filter for Tokenize<'_> {
    type Buf = Vec<u8>;

    fn cut(&self, text: &str) -> usize {
        if self.args.sentences {
            sentence_cut(&self.words, text)
        } else {
            last_safe_cut(text)
        }
    }

    fn piece(&self, piece: &Piece<'_>, out: &mut Output<'_, Vec<u8>>) {
        let nz = self.normalizer.as_ref();
        let (format, sentences) = (self.args.format, self.args.sentences);
        if format == Format::Text && !sentences {
            write_text_lines(&self.with_ws, piece, nz, out);
            return;
        }
        let words = &self.words;
        let mut spans = words.sentences(piece.text).map(|s| s.span()).peekable();
        let mut index = 0;
        let mut current = None;
        for t in words.tokens(piece.text) {
            let sentence = if sentences {
                while spans.peek().is_some_and(|s| t.start() >= s.end) {
                    spans.next();
                    index += 1;
                }
                Some(out.count() + index)
            } else {
                None
            };
            if format == Format::Text {
                // One sentence per line.
                let n = norm_of(nz, &t);
                let shown = n.as_deref().unwrap_or(t.text());
                if shown.is_empty() {
                    continue;
                }
                match current {
                    Some(c) if c == index => out.buf().push(b' '),
                    Some(_) => {
                        out.buf().push(b'\n');
                        out.record_end();
                    }
                    None => {}
                }
                current = Some(index);
                out.buf().extend_from_slice(shown.as_bytes());
                continue;
            }
            let (start, end) = piece.span(t.start(), t.end());
            let record = TokenRecord {
                start,
                end,
                text: t.text(),
                kind: t.kind().name(),
                norm: norm_of(nz, &t),
                sentence,
            };
            write_record(out, format, &record);
        }
        if format == Format::Text && current.is_some() {
            out.buf().push(b'\n');
            out.record_end();
        }
        if sentences {
            out.add_count(index + u64::from(spans.next().is_some()));
        }
    }

    fn header(&self) -> Option<Vec<u8>> {
        if self.args.format != Format::Tsv {
            return None;
        }
        let mut cols = vec!["start", "end", "kind", "text"];
        if self.args.normalize.is_some() {
            cols.push("norm");
        }
        if self.args.sentences {
            cols.push("sentence");
        }
        Some(tsv_header(cols))
    }
}

pub fn run(args: &TokenizeArgs) -> Result<(), CliError> {
    let builder = Tokenizer::builder()
        .split_digits(args.split_digits)
        .arabic_comma_ends_sentence(args.arabic_comma);
    let filter = Tokenize {
        args,
        normalizer: args.normalize.map(|p| Normalizer::from_preset(p.0)),
        words: builder.build(),
        with_ws: builder.whitespace(true).build(),
    };
    parallel::run(
        &filter,
        args.input.run(&args.threads),
        crate::stdout::unbuffered,
    )
}

/// A token's normalized form, when normalizing.
fn norm_of<'a>(normalizer: Option<&Normalizer>, t: &Token<'a>) -> Option<Cow<'a, str>> {
    normalizer.map(|n| t.norm(n))
}

/// Text output without sentences: tokens separated by single spaces, and each line
/// break of the input (LF or CRLF, written as it was) ending an output line.
fn write_text_lines(
    tokenizer: &Tokenizer,
    piece: &Piece<'_>,
    normalizer: Option<&Normalizer>,
    out: &mut Output<'_, Vec<u8>>,
) {
    for t in tokenizer.tokens(piece.text) {
        if t.kind() == nass::tokenize::TokenKind::Whitespace {
            let ws = t.text().as_bytes();
            for i in memchr::memchr_iter(b'\n', ws) {
                let crlf = i > 0 && ws[i - 1] == b'\r';
                out.line_break(if crlf { "\r\n" } else { "\n" });
                out.record_end();
            }
            continue;
        }
        let n = norm_of(normalizer, &t);
        let shown = n.as_deref().unwrap_or(t.text());
        if shown.is_empty() {
            continue;
        }
        out.word_gap();
        out.buf().extend_from_slice(shown.as_bytes());
    }
}
