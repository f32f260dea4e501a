//! `nass dates`: every date expression in the text (Hijri and Gregorian, month names of
//! every regional system, numeric dates, ranges, weekdays), with its value and byte
//! offsets from the start of the input.

use clap::Args;
use nass::dates::{self, DateFinder, DateMatch, GregorianDate, RelativeWord};
use nass::tokenize::last_safe_cut;

use crate::args::{InputArgs, ThreadsArg};
use crate::error::CliError;
use crate::output::{
    tsv_header, write_line, write_record, Format, JsonObject, Output, Record, TsvRow,
};
use crate::parallel::{self, Filter};
use crate::stream::{line_cut, Piece};

#[derive(Args, Debug)]
pub struct DatesArgs {
    /// Output: `jsonl` and `tsv` write one record per expression with `start`, `end`,
    /// `text`, `kind`, `calendar`, `value` (ISO 8601 as far as the text goes; for kind
    /// `relative` (أمس، منذ 3 أيام، الشهر الماضي) the offset from the moment of writing,
    /// `-P1D`, `-P3D`, `-P1M`, `P0M/P3M` for خلال ثلاثة أشهر, empty for a vague count such
    /// as منذ سنوات), and where
    /// they apply `weekday` (ISO number), `gregorian` (a complete Hijri date's equivalent),
    /// `resolved` (with --anchor), `unresolved` (with --anchor: why the value could not be
    /// resolved), `relative`, `linked_start`/`linked_end` (the other half
    /// of a الموافق pair), `weekday_conflict` (true when the named weekday contradicts the
    /// date), `part` (`early`, `middle` or `late`: مطلع، منتصف، أواخر before a month, year
    /// or period). JSONL leaves out the fields that do not apply; TSV has a column for every
    /// field, empty where it does not apply. `text` writes each value alone on a line.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Resolve partial dates against this day (YYYY-MM-DD): 25 يناير الماضي said on
    /// 2024-02-11 is 2024-01-25; a relative date at the precision of its unit: أمس is
    /// 2024-02-10, الأسبوع الماضي the ISO week 2024-W05, الشهر الماضي 2024-01, العام
    /// الماضي 2023, خلال ثلاثة أشهر 2024-02/2024-05 (hours and minutes stay unresolved). A resolved day always exists: when the day named does
    /// not exist in the year chosen (29 فبراير, the 30th of a 29-day Hijri month), الماضي
    /// looks back to the nearest year that has it and المقبل forward; without such a word
    /// the anchor's year is meant, and the record gets `unresolved` (the reason) instead
    /// of `resolved`, as it does when the year falls outside the calendar's range.
    #[arg(long, value_name = "DATE", value_parser = str::parse::<GregorianDate>)]
    anchor: Option<GregorianDate>,
    #[command(flatten)]
    threads: ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
}

/// One expression as a record.
struct DateRecord<'a> {
    start: u64,
    end: u64,
    text: &'a str,
    kind: &'static str,
    calendar: &'static str,
    value: String,
    weekday: Option<u8>,
    gregorian: Option<String>,
    resolved: Option<String>,
    unresolved: Option<String>,
    relative: Option<&'static str>,
    linked_start: Option<u64>,
    linked_end: Option<u64>,
    weekday_conflict: bool,
    part: Option<&'static str>,
}

/// Every field of [`DateRecord`], the ones JSONL leaves out when they do not apply too.
const TSV_COLUMNS: [&str; 15] = [
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
    "part",
];

impl Record for DateRecord<'_> {
    fn write_json(&self, o: &mut JsonObject<'_, '_>) {
        o.num("start", self.start);
        o.num("end", self.end);
        o.str("text", self.text);
        o.str("kind", self.kind);
        o.str("calendar", self.calendar);
        o.str("value", &self.value);
        o.opt_num("weekday", self.weekday.map(u64::from));
        o.opt_str("gregorian", self.gregorian.as_deref());
        o.opt_str("resolved", self.resolved.as_deref());
        o.opt_str("unresolved", self.unresolved.as_deref());
        o.opt_str("relative", self.relative);
        o.opt_num("linked_start", self.linked_start);
        o.opt_num("linked_end", self.linked_end);
        if self.weekday_conflict {
            o.bool("weekday_conflict", true);
        }
        o.opt_str("part", self.part);
    }

    fn write_tsv(&self, row: &mut TsvRow<'_, '_>) {
        row.num(self.start);
        row.num(self.end);
        row.str(self.kind);
        row.str(self.calendar);
        row.str(&self.value);
        row.str(self.text);
        row.opt_num(self.weekday.map(u64::from));
        row.str(self.gregorian.as_deref().unwrap_or(""));
        row.str(self.resolved.as_deref().unwrap_or(""));
        row.str(self.unresolved.as_deref().unwrap_or(""));
        row.str(self.relative.unwrap_or(""));
        row.opt_num(self.linked_start);
        row.opt_num(self.linked_end);
        row.str(if self.weekday_conflict { "true" } else { "" });
        row.str(self.part.unwrap_or(""));
    }
}

fn relative_name(r: RelativeWord) -> &'static str {
    match r {
        RelativeWord::Past => "past",
        RelativeWord::Next => "next",
        RelativeWord::Current => "current",
    }
}

/// The value as written out: for a relative date, which has no calendar value, the offset
/// the text fixes.
fn value(m: &DateMatch<'_>) -> String {
    match m.offset() {
        Some(o) => o.to_string(),
        None => m.value().to_string(),
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
        value: value(m),
        weekday: m.weekday().map(|w| w.iso()),
        gregorian: m.gregorian().map(|g| g.to_string()),
        resolved: m.resolved().map(|v| v.to_string()),
        unresolved: m.unresolved().map(|e| e.to_string()),
        relative: m.relative().map(relative_name),
        linked_start: linked.as_ref().map(|r| piece.start_of(r.start)),
        linked_end: linked.as_ref().map(|r| piece.end_of(r.end)),
        weekday_conflict: m.weekday_conflict(),
        part: m.part().map(|p| p.name()),
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

/// `nass dates` as a filter.
struct Dates<'a> {
    args: &'a DatesArgs,
    finder: DateFinder,
}

impl Filter for Dates<'_> {
    type Buf = Vec<u8>;

    fn cut(&self, text: &str) -> usize {
        cut(text)
    }

    fn piece(&self, piece: &Piece<'_>, out: &mut Output<'_, Vec<u8>>) {
        let format = self.args.format;
        for m in self.finder.find_iter(piece.text) {
            if format == Format::Text {
                write_line(out, &value(&m));
            } else {
                write_record(out, format, &record(&m, piece));
            }
        }
    }

    fn header(&self) -> Option<Vec<u8>> {
        (self.args.format == Format::Tsv).then(|| tsv_header(TSV_COLUMNS))
    }
}

pub fn run(args: &DatesArgs) -> Result<(), CliError> {
    let mut builder = DateFinder::builder();
    if let Some(anchor) = args.anchor {
        builder = builder.anchor(anchor);
    }
    let filter = Dates {
        args,
        finder: builder.build(),
    };
    parallel::run(
        &filter,
        args.input.run(&args.threads),
        crate::stdout::unbuffered,
    )
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
