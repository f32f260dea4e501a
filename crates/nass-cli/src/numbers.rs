//! `nass numbers`: every number in the text, written in digits or (with `--words`) in
//! Arabic words, with its exact value and byte offsets from the start of the input.

use std::io::{self, Write};

use clap::Args;
use nass::numerals::{find_number_words, find_numbers, safe_cut};
use serde::Serialize;

use crate::args::InputArgs;
use crate::error::CliError;
use crate::output::{write_tsv_fields, Format, Record, RecordWriter};
use crate::stream::{for_each_piece, line_cut};

#[derive(Args, Debug)]
#[command(after_long_help = "\
Numerals are runs of decimal digits of any script (٢٥٠٠, 2500, ۲۵۰۰, १२, ১২...), with the
separators . , ٫ ٬ between digits and a leading sign; the digits of one number are of one
script, where ASCII, Arabic-Indic and Persian count as one (٢0٢4 is 2024, १२3 is 12 and 3).
No number spans a line break (LF, CR, VT, FF, NEL, U+2028, U+2029).

Limits: a line longer than 1 MiB is cut inside, before a word that is no part of a number;
where the end of that 1 MiB holds no such word (a run of digits, or of numerals and number
words alone), the input is cut at 1 MiB anyway, and a number across that cut is split there
(a run of digits longer than 1 MiB is reported as several numbers).")]
pub struct NumbersArgs {
    /// Also find numbers written in Arabic words (ثلاثة آلاف, ألفان وخمسمائة, 2.5 مليون),
    /// clitics included (وثلاثة); a numeral inside such a phrase is not reported again.
    #[arg(long)]
    words: bool,
    /// Output: `jsonl` and `tsv` write one record per number with `start`, `end`, `text`,
    /// `value` (the exact decimal value, as a string) and `kind` (`digits` or `words`);
    /// `text` writes each value alone on a line.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    #[command(flatten)]
    input: InputArgs,
}

/// One number as a record.
#[derive(Serialize)]
struct NumberRecord<'a> {
    start: u64,
    end: u64,
    text: &'a str,
    value: String,
    kind: &'static str,
}

impl Record for NumberRecord<'_> {
    fn write_tsv_header(&self, out: &mut dyn Write) -> io::Result<()> {
        write_tsv_fields(out, ["start", "end", "kind", "text", "value"])
    }

    fn write_tsv_row(&self, out: &mut dyn Write) -> io::Result<()> {
        let (start, end) = (self.start.to_string(), self.end.to_string());
        write_tsv_fields(out, [&start, &end, self.kind, self.text, &self.value])
    }
}

/// A number found in one piece, before its offset is made absolute.
struct Found<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: String,
    kind: &'static str,
}

/// Calls `each` with the numbers of `text` in order: numerals, and with `words` the
/// number phrases, which win over the numerals they contain. The two finders are merged as
/// they go, so a piece of many numbers takes no memory for them.
fn for_each_found(
    text: &str,
    words: bool,
    mut each: impl FnMut(Found<'_>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let mut digits = find_numbers(text)
        .map(|m| Found {
            start: m.start(),
            end: m.end(),
            text: m.text(),
            value: m.value().to_string(),
            kind: "digits",
        })
        .peekable();
    let mut phrases = words
        .then(|| find_number_words(text))
        .into_iter()
        .flatten()
        .map(|m| Found {
            start: m.start(),
            end: m.end(),
            text: m.text(),
            value: m.value().to_string(),
            kind: "words",
        })
        .peekable();
    // Each finder's numbers come in order and do not overlap. Of the two, the one that
    // starts first goes first (the phrase where they start at the same place), and what
    // an earlier number covers is dropped.
    let key = |f: &Found<'_>| (f.start, std::cmp::Reverse(f.end));
    let mut end = 0;
    loop {
        let phrase_first = match (digits.peek(), phrases.peek()) {
            (None, None) => return Ok(()),
            (Some(d), Some(p)) => key(p) <= key(d),
            (d, _) => d.is_none(),
        };
        let next = if phrase_first {
            phrases.next()
        } else {
            digits.next()
        };
        if let Some(f) = next.filter(|f| f.start >= end) {
            end = f.end;
            each(f)?;
        }
    }
}

/// The least of how far back from the end of a long line the cut looks for a place
/// inside it (see `cut`).
const MIN_CUT_WINDOW: usize = 4 << 10;

/// Where the pending text may be cut: after the last line break, since no number spans
/// one; in a line longer than `MAX_LINE_WAIT` without one, where the library says
/// (`safe_cut`: before a word that is no part of a number) in its last `window` bytes;
/// else nowhere yet, until the stream's forced cut at `MAX_PENDING` (1 MiB). The window
/// keeps the cost of a call from growing with the line (any safe place will do, not only
/// the last).
fn cut(text: &str, window: usize) -> usize {
    line_cut(text, |line| {
        let mut from = line.len().saturating_sub(window);
        while !line.is_char_boundary(from) {
            from += 1;
        }
        match safe_cut(&line[from..]) {
            0 => 0,
            k => from + k,
        }
    })
}

pub fn run(args: &NumbersArgs, out: &mut impl Write) -> Result<(), CliError> {
    let mut records = RecordWriter::new(out, args.format);
    let options = args.input.options();
    let window = options.chunk_size.saturating_mul(2).max(MIN_CUT_WINDOW);
    for_each_piece(
        &args.input.files,
        options,
        |text| cut(text, window),
        |piece| {
            for_each_found(piece.text, args.words, |f| {
                if args.format == Format::Text {
                    records.write_line(&f.value).map_err(CliError::Write)?;
                    return Ok(());
                }
                let (start, end) = piece.span(f.start, f.end);
                records
                    .write(&NumberRecord {
                        start,
                        end,
                        text: f.text,
                        value: f.value,
                        kind: f.kind,
                    })
                    .map_err(CliError::Write)?;
                Ok(())
            })
        },
    )?;
    records.get_mut().flush().map_err(CliError::Write)?;
    Ok(())
}
