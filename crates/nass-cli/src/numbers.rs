//! `nass numbers`: every number in the text, written in digits or (with `--words`) in
//! Arabic words, with its exact value and byte offsets from the start of the input.

use clap::Args;
use nass::numerals::{find_all_numbers, safe_cut};

use crate::args::{InputArgs, ThreadsArg};
use crate::error::CliError;
use crate::output::{
    tsv_header, write_line, write_record, Format, JsonObject, Output, Record, TsvRow,
};
use crate::parallel::{self, Filter};
use crate::stream::{line_cut, Piece};

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
    threads: ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
}

/// One number as a record.
struct NumberRecord<'a> {
    start: u64,
    end: u64,
    text: &'a str,
    value: String,
    kind: &'static str,
}

impl Record for NumberRecord<'_> {
    fn write_json(&self, o: &mut JsonObject<'_, '_>) {
        o.num("start", self.start);
        o.num("end", self.end);
        o.str("text", self.text);
        o.str("value", &self.value);
        o.str("kind", self.kind);
    }

    fn write_tsv(&self, row: &mut TsvRow<'_, '_>) {
        row.num(self.start);
        row.num(self.end);
        row.str(self.kind);
        row.str(self.text);
        row.str(&self.value);
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

/// `nass numbers` as a filter.
struct Numbers<'a> {
    args: &'a NumbersArgs,
    /// See [`cut`].
    window: usize,
}

impl Filter for Numbers<'_> {
    type Buf = Vec<u8>;

    fn cut(&self, text: &str) -> usize {
        cut(text, self.window)
    }

    fn piece(&self, piece: &Piece<'_>, out: &mut Output<'_, Vec<u8>>) {
        let format = self.args.format;
        for f in find_all_numbers(piece.text, self.args.words) {
            let value = f.value().to_string();
            if format == Format::Text {
                write_line(out, &value);
                continue;
            }
            let (start, end) = piece.span(f.start(), f.end());
            let record = NumberRecord {
                start,
                end,
                text: f.text(),
                value,
                kind: f.source().name(),
            };
            write_record(out, format, &record);
        }
    }

    fn header(&self) -> Option<Vec<u8>> {
        (self.args.format == Format::Tsv)
            .then(|| tsv_header(["start", "end", "kind", "text", "value"]))
    }
}

pub fn run(args: &NumbersArgs) -> Result<(), CliError> {
    let run = args.input.run(&args.threads);
    let window = run.options.chunk_size.saturating_mul(2).max(MIN_CUT_WINDOW);
    parallel::run(&Numbers { args, window }, run, crate::stdout::unbuffered)
}
