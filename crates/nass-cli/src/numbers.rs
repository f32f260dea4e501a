//! `nass numbers`: every number in the text, written in digits or (with `--words`) in
//! Arabic words, with its exact value and byte offsets from the start of the input.

use std::io::{self, Write};

use clap::{Args, ValueEnum};
use nass::numerals::{
    find_all_numbers_with, parse_number, safe_cut, spell_number, Case, Gender, WordsOptions,
};

use crate::args::{InputArgs, ThreadsArg};
use crate::error::CliError;
use crate::output::{
    tsv_header, write_line, write_record, Format, JsonObject, Output, Record, TsvRow,
};
use crate::parallel::{self, Filter};
use crate::stream::{for_each_piece, MAX_PENDING};
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
    /// Ordinal numbers (الثالث, الخامس والعشرون) are reported with kind `ordinal` and the
    /// number they order as value; numbers after فاصلة (the decimal point) and سالب or
    /// ناقص (minus) too.
    #[arg(long)]
    words: bool,
    /// Also read colloquial number words (implies --words): Levantine, Egyptian and Gulf
    /// spellings such as ميتين, مية, تلاتة, تلاتين, خمستاشر, اتنين, تمنية, نص.
    #[arg(long)]
    colloquial: bool,
    /// Instead of finding numbers, read one number per line (digits of any script, a sign,
    /// a decimal point: -12.5, ٣٫٧٥) and write it in Arabic words (سالب اثنا عشر فاصلة خمسة),
    /// as `nass numbers --words` reads them back. A line that is no number stops the run
    /// with its line number and byte offset.
    #[arg(long, conflicts_with_all = ["words", "colloquial", "format"])]
    to_words: bool,
    /// With --to-words: the gender of the counted noun (ثلاثة كتب, ثلاث سيارات).
    #[arg(long, value_enum, default_value = "masculine", requires = "to_words")]
    gender: GenderArg,
    /// With --to-words: the case (nominative عشرون, accusative or genitive عشرين).
    #[arg(
        long = "case",
        value_enum,
        default_value = "nominative",
        requires = "to_words"
    )]
    case_: CaseArg,
    /// Output: `jsonl` and `tsv` write one record per number with `start`, `end`, `text`,
    /// `value` (the exact decimal value, as a string) and `kind` (`digits`, `words` or
    /// `ordinal`); `text` writes each value alone on a line.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    #[command(flatten)]
    threads: ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
}

/// The gender of `--to-words`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GenderArg {
    /// A masculine counted noun.
    Masculine,
    /// A feminine counted noun.
    Feminine,
}

/// The case of `--to-words`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CaseArg {
    /// مرفوع.
    Nominative,
    /// منصوب.
    Accusative,
    /// مجرور.
    Genitive,
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
        let words = (self.args.words || self.args.colloquial)
            .then(|| WordsOptions::new().colloquial(self.args.colloquial));
        for f in find_all_numbers_with(piece.text, words) {
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
    if args.to_words {
        let mut out = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
        return to_words(args, &mut out);
    }
    let run = args.input.run(&args.threads);
    let window = run.options.chunk_size.saturating_mul(2).max(MIN_CUT_WINDOW);
    parallel::run(&Numbers { args, window }, run, crate::stdout::unbuffered)
}

/// `nass numbers --to-words`: each line's number in words, line for line (a line ending
/// CRLF keeps it). The first line that is no number (or too large to spell) stops the
/// run, after the lines before it are written.
fn to_words(args: &NumbersArgs, out: &mut impl Write) -> Result<(), CliError> {
    let gender = match args.gender {
        GenderArg::Masculine => Gender::Masculine,
        GenderArg::Feminine => Gender::Feminine,
    };
    let case = match args.case_ {
        CaseArg::Nominative => Case::Nominative,
        CaseArg::Accusative => Case::Accusative,
        CaseArg::Genitive => Case::Genitive,
    };
    let mut line_number: u64 = 0;
    let mut pending: Vec<u8> = Vec::new();
    for_each_piece(
        &args.input.files,
        args.input.options(),
        // Whole lines only: after the last line break.
        |text| {
            text.as_bytes()
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1)
        },
        |piece| {
            pending.clear();
            let text = piece.text;
            let mut at = 0;
            while at < text.len() {
                let line_end = memchr::memchr(b'\n', &text.as_bytes()[at..])
                    .map_or(text.len(), |i| at + i + 1);
                let line = &text[at..line_end];
                let (body, ending) = match line.strip_suffix("\r\n") {
                    Some(b) => (b, "\r\n"),
                    None => match line.strip_suffix('\n') {
                        Some(b) => (b, "\n"),
                        None => (line, ""),
                    },
                };
                line_number += 1;
                let fail = |offset: usize, why: String| CliError::NotANumber {
                    line: line_number,
                    offset: piece.start_of(at + offset),
                    why,
                };
                if ending.is_empty() && piece.forced {
                    out.write_all(&pending).map_err(CliError::Write)?;
                    return Err(fail(0, format!("longer than {} MiB", MAX_PENDING >> 20)));
                }
                let lead = body.len() - body.trim_start().len();
                let number = body.trim();
                let words = match parse_number(number) {
                    Ok(n) => spell_number(&n, gender, case).ok_or_else(|| {
                        fail(lead, "too large to spell out (beyond 2^64, or more than 38 digits after the point)".to_string())
                    }),
                    Err(_) if number.is_empty() => Err(fail(lead, "empty line".to_string())),
                    Err(e) => Err(fail(lead + e.offset(), quoted(number))),
                };
                match words {
                    Ok(w) => {
                        pending.extend_from_slice(w.as_bytes());
                        pending.extend_from_slice(if ending.is_empty() {
                            b"\n"
                        } else {
                            ending.as_bytes()
                        });
                    }
                    Err(e) => {
                        out.write_all(&pending).map_err(CliError::Write)?;
                        return Err(e);
                    }
                }
                at = line_end;
            }
            out.write_all(&pending).map_err(CliError::Write)
        },
    )?;
    out.flush().map_err(CliError::Write)
}

/// `line` in quotes for a message, its first 40 characters.
fn quoted(line: &str) -> String {
    match line.char_indices().nth(40) {
        Some((i, _)) => format!("{:?}...", &line[..i]),
        None => format!("{line:?}"),
    }
}
