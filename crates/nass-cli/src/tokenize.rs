//! `nass tokenize`: tokens with byte offsets from the start of the input.

use std::borrow::Cow;
use std::io::{self, Write};

use clap::Args;
use nass::normalize::Normalizer;
use nass::tokenize::{last_safe_cut, Token, Tokenizer};
use serde::Serialize;

use crate::args::{InputArgs, PresetArg};
use crate::error::CliError;
use crate::output::{write_tsv_fields, Format, Record, RecordWriter};
use crate::stream::{for_each_piece, line_cut, Piece};

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
    input: InputArgs,
}

/// One token as a record.
#[derive(Serialize)]
struct TokenRecord<'a> {
    start: u64,
    end: u64,
    text: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    norm: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence: Option<u64>,
}

impl Record for TokenRecord<'_> {
    fn write_tsv_header(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut cols = vec!["start", "end", "kind", "text"];
        if self.norm.is_some() {
            cols.push("norm");
        }
        if self.sentence.is_some() {
            cols.push("sentence");
        }
        write_tsv_fields(out, cols)
    }

    fn write_tsv_row(&self, out: &mut dyn Write) -> io::Result<()> {
        let (start, end) = (self.start.to_string(), self.end.to_string());
        let sentence = self.sentence.map(|s| s.to_string());
        let fields = [
            Some(start.as_str()),
            Some(end.as_str()),
            Some(self.kind),
            Some(self.text),
            self.norm.as_deref(),
            sentence.as_deref(),
        ];
        write_tsv_fields(out, fields.into_iter().flatten())
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

/// Text output state carried from piece to piece.
struct TextState {
    /// A token has been written on the current output line.
    in_line: bool,
}

pub fn run(args: &TokenizeArgs, out: &mut impl Write) -> Result<(), CliError> {
    let normalizer = args.normalize.map(|p| Normalizer::from_preset(p.0));
    let builder = Tokenizer::builder()
        .split_digits(args.split_digits)
        .arabic_comma_ends_sentence(args.arabic_comma);
    let words = builder.build();
    let with_ws = builder.whitespace(true).build();
    let mut records = RecordWriter::new(out, args.format);
    let mut text_state = TextState { in_line: false };
    let mut sentences_before: u64 = 0;
    let cut = |text: &str| {
        if args.sentences {
            sentence_cut(&words, text)
        } else {
            last_safe_cut(text)
        }
    };
    for_each_piece(&args.input.files, args.input.options(), cut, |piece| {
        let nz = normalizer.as_ref();
        match (args.format, args.sentences) {
            (Format::Text, false) => {
                write_text_lines(&with_ws, piece, nz, &mut text_state, records.get_mut())
                    .map_err(CliError::Write)?
            }
            (format, sentences) => {
                let mut spans = words.sentences(piece.text).map(|s| s.span()).peekable();
                let mut index = 0;
                let mut current = None;
                for t in words.tokens(piece.text) {
                    let sentence = if sentences {
                        while spans.peek().is_some_and(|s| t.start() >= s.end) {
                            spans.next();
                            index += 1;
                        }
                        Some(sentences_before + index)
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
                        let out = records.get_mut();
                        match current {
                            Some(c) if c == index => {
                                out.write_all(b" ").map_err(CliError::Write)?
                            }
                            Some(_) => out.write_all(b"\n").map_err(CliError::Write)?,
                            None => {}
                        }
                        current = Some(index);
                        out.write_all(shown.as_bytes()).map_err(CliError::Write)?;
                        continue;
                    }
                    let (start, end) = piece.span(t.start(), t.end());
                    records
                        .write(&TokenRecord {
                            start,
                            end,
                            text: t.text(),
                            kind: t.kind().name(),
                            norm: norm_of(nz, &t),
                            sentence,
                        })
                        .map_err(CliError::Write)?;
                }
                if format == Format::Text && current.is_some() {
                    records
                        .get_mut()
                        .write_all(b"\n")
                        .map_err(CliError::Write)?;
                }
                if sentences {
                    sentences_before += index + u64::from(spans.next().is_some());
                }
            }
        }
        Ok(())
    })?;
    records.get_mut().flush().map_err(CliError::Write)?;
    Ok(())
}

/// A token's normalized form, when normalizing.
fn norm_of<'a>(normalizer: Option<&Normalizer>, t: &Token<'a>) -> Option<Cow<'a, str>> {
    normalizer.map(|n| t.norm(n))
}

/// Text output without sentences: tokens separated by single spaces, and each line
/// break of the input (LF or CRLF, written as it was) ending an output line.
fn write_text_lines<'a>(
    tokenizer: &Tokenizer,
    piece: Piece<'a>,
    normalizer: Option<&Normalizer>,
    state: &mut TextState,
    out: &mut impl Write,
) -> io::Result<()> {
    for t in tokenizer.tokens(piece.text) {
        if t.kind() == nass::tokenize::TokenKind::Whitespace {
            let ws = t.text().as_bytes();
            for i in memchr::memchr_iter(b'\n', ws) {
                let crlf = i > 0 && ws[i - 1] == b'\r';
                out.write_all(if crlf { b"\r\n" } else { b"\n" })?;
                state.in_line = false;
            }
            continue;
        }
        let n = norm_of(normalizer, &t);
        let shown = n.as_deref().unwrap_or(t.text());
        if shown.is_empty() {
            continue;
        }
        if state.in_line {
            out.write_all(b" ")?;
        }
        out.write_all(shown.as_bytes())?;
        state.in_line = true;
    }
    Ok(())
}
