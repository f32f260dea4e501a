//! `nass numbers`: every number in the text, written in digits or (with `--words`) in
//! Arabic words, with its exact value and byte offsets from the start of the input.

use std::io::{self, Write};

use clap::Args;
use nass::numerals::{find_number_words, find_numbers};
use nass::tokenize::last_safe_cut;
use serde::Serialize;

use crate::output::{write_tsv_fields, Format, Record, RecordWriter};
use crate::stream::{for_each_piece, line_cut};
use crate::{CliError, InputArgs};

#[derive(Args, Debug)]
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

/// The numbers of `text` in order: numerals, and with `words` the number phrases, which
/// win over the numerals they contain.
fn found(text: &str, words: bool) -> Vec<Found<'_>> {
    let mut all: Vec<Found<'_>> = find_numbers(text)
        .map(|m| Found {
            start: m.start(),
            end: m.end(),
            text: m.text(),
            value: m.value().to_string(),
            kind: "digits",
        })
        .collect();
    if words {
        all.extend(find_number_words(text).map(|m| Found {
            start: m.start(),
            end: m.end(),
            text: m.text(),
            value: m.value().to_string(),
            kind: "words",
        }));
        // Phrases first where they start at the same place, then drop what they cover.
        all.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        let mut end = 0;
        all.retain(|f| {
            let keep = f.start >= end;
            if keep {
                end = f.end;
            }
            keep
        });
    }
    all
}

pub fn run(args: &NumbersArgs, out: &mut impl Write) -> Result<(), CliError> {
    let mut records = RecordWriter::new(out, args.format);
    for_each_piece(
        &args.input.files,
        args.input.options(),
        |text| line_cut(text, last_safe_cut),
        |piece| {
            for f in found(piece.text, args.words) {
                if args.format == Format::Text {
                    records.write_line(&f.value)?;
                    continue;
                }
                let (start, end) = piece.span(f.start, f.end);
                records.write(&NumberRecord {
                    start,
                    end,
                    text: f.text,
                    value: f.value,
                    kind: f.kind,
                })?;
            }
            Ok(())
        },
    )?;
    records.get_mut().flush()?;
    Ok(())
}
