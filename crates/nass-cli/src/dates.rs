//! `nass dates`: every date expression in the text (Hijri and Gregorian, month names of
//! every regional system, numeric dates, ranges, weekdays), with its value and byte
//! offsets from the start of the input.

use std::io::{self, Write};

use clap::Args;
use nass::dates::{self, DateFinder, DateMatch, GregorianDate, RelativeWord};
use nass::tokenize::last_safe_cut;
use serde::Serialize;

use crate::args::InputArgs;
use crate::error::CliError;
use crate::output::{write_tsv_fields, Format, Record, RecordWriter};
use crate::stream::{for_each_piece, line_cut, Piece};

#[derive(Args, Debug)]
pub struct DatesArgs {
    /// Output: `jsonl` and `tsv` write one record per expression with `start`, `end`,
    /// `text`, `kind`, `calendar`, `value` (ISO 8601 as far as the text goes), and where
    /// they apply `weekday` (ISO number), `gregorian` (a complete Hijri date's equivalent),
    /// `resolved` (with --anchor), `unresolved` (with --anchor: why the value could not be
    /// resolved), `relative`, `linked_start`/`linked_end` (the other half
    /// of a الموافق pair), `weekday_conflict` (true when the named weekday contradicts the
    /// date). JSONL leaves out the fields that do not apply; TSV has a column for every
    /// field, empty where it does not apply. `text` writes each value alone on a line.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Resolve partial dates against this day (YYYY-MM-DD): 25 يناير الماضي said on
    /// 2024-02-11 is 2024-01-25. A resolved day always exists: when the day named does
    /// not exist in the year chosen (29 فبراير, the 30th of a 29-day Hijri month), الماضي
    /// looks back to the nearest year that has it and المقبل forward; without such a word
    /// the anchor's year is meant, and the record gets `unresolved` (the reason) instead
    /// of `resolved`, as it does when the year falls outside the calendar's range.
    #[arg(long, value_name = "DATE", value_parser = parse_anchor)]
    anchor: Option<GregorianDate>,
    #[command(flatten)]
    input: InputArgs,
}

fn parse_anchor(s: &str) -> Result<GregorianDate, String> {
    s.parse().map_err(|e| format!("{e}"))
}

/// One expression as a record.
#[derive(Serialize)]
struct DateRecord<'a> {
    start: u64,
    end: u64,
    text: &'a str,
    kind: &'static str,
    calendar: &'static str,
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    weekday: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gregorian: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unresolved: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relative: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    linked_start: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    linked_end: Option<u64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    weekday_conflict: bool,
}

/// Every field of [`DateRecord`], the ones JSONL leaves out when they do not apply too.
const TSV_COLUMNS: [&str; 14] = [
    "start",
    "end",
    "kind",
    "calendar",
    "value",
    "text",
    "weekday",
    "gregorian",
    "resolved",
    "unresolved",
    "relative",
    "linked_start",
    "linked_end",
    "weekday_conflict",
];

impl Record for DateRecord<'_> {
    fn write_tsv_header(&self, out: &mut dyn Write) -> io::Result<()> {
        write_tsv_fields(out, TSV_COLUMNS)
    }

    fn write_tsv_row(&self, out: &mut dyn Write) -> io::Result<()> {
        let (start, end) = (self.start.to_string(), self.end.to_string());
        let weekday = self.weekday.map(|w| w.to_string()).unwrap_or_default();
        let linked_start = self.linked_start.map(|o| o.to_string()).unwrap_or_default();
        let linked_end = self.linked_end.map(|o| o.to_string()).unwrap_or_default();
        write_tsv_fields(
            out,
            [
                start.as_str(),
                &end,
                self.kind,
                self.calendar,
                &self.value,
                self.text,
                &weekday,
                self.gregorian.as_deref().unwrap_or(""),
                self.resolved.as_deref().unwrap_or(""),
                self.unresolved.as_deref().unwrap_or(""),
                self.relative.unwrap_or(""),
                &linked_start,
                &linked_end,
                if self.weekday_conflict { "true" } else { "" },
            ],
        )
    }
}

fn relative_name(r: RelativeWord) -> &'static str {
    match r {
        RelativeWord::Past => "past",
        RelativeWord::Next => "next",
        RelativeWord::Current => "current",
    }
}

fn record<'a>(m: &DateMatch<'a>, piece: &Piece<'_>) -> DateRecord<'a> {
    let linked = m.linked();
    DateRecord {
        start: piece.start_of(m.start()),
        end: piece.end_of(m.end()),
        text: m.text(),
        kind: m.kind().name(),
        calendar: m.calendar().name(),
        value: m.value().to_string(),
        weekday: m.weekday().map(|w| w.iso()),
        gregorian: m.gregorian().map(|g| g.to_string()),
        resolved: m.resolved().map(|v| v.to_string()),
        unresolved: m.unresolved().map(|e| e.to_string()),
        relative: m.relative().map(relative_name),
        linked_start: linked.as_ref().map(|r| piece.start_of(r.start)),
        linked_end: linked.as_ref().map(|r| piece.end_of(r.end)),
        weekday_conflict: m.weekday_conflict(),
    }
}

/// Where the stream may cut: a date expression spans words but not lines. In a line too
/// long to wait for its end: where no date can be (inside a long run of letters or
/// digits), or else between words.
fn cut(text: &str) -> usize {
    line_cut(text, |line| match dates::last_safe_cut(line) {
        0 => last_safe_cut(line),
        k => k,
    })
}

pub fn run(args: &DatesArgs, out: &mut impl Write) -> Result<(), CliError> {
    let mut builder = DateFinder::builder();
    if let Some(anchor) = args.anchor {
        builder = builder.anchor(anchor);
    }
    let finder = builder.build();
    let mut records = RecordWriter::new(out, args.format);
    for_each_piece(&args.input.files, args.input.options(), cut, |piece| {
        for m in finder.find_iter(piece.text) {
            if args.format == Format::Text {
                records
                    .write_line(&m.value().to_string())
                    .map_err(CliError::Write)?;
            } else {
                records
                    .write(&record(&m, &piece))
                    .map_err(CliError::Write)?;
            }
        }
        Ok(())
    })?;
    records.get_mut().flush().map_err(CliError::Write)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::cut;
    use crate::stream::MAX_LINE_WAIT;

    #[test]
    fn a_long_line_without_whitespace_is_cut_inside_a_long_run() {
        // Arabic-Indic digits (two bytes each) and letters, one line with no whitespace.
        for unit in ["٠١٢٣٤٥٦٧٨٩", "كلمة"] {
            let line = unit.repeat(MAX_LINE_WAIT / unit.len() + 1);
            let k = cut(&line);
            assert!(k > line.len() - 200 && line.is_char_boundary(k), "{k}");
        }
        // Shorter than the wait: the end of the line may still come.
        assert_eq!(cut(&"٠".repeat(1000)), 0);
        // Mixed so that no run is long: the engine's forced cut, which comes sooner here.
        assert_eq!(cut(&"ب١".repeat(MAX_LINE_WAIT / 4 + 1)), 0);
    }
}
