//! `nass calendar`: one ISO date per line in, its conversion out, line for line.

use std::io::{self, Write};

use clap::{Args, ValueEnum};
use nass::dates::{
    DateError, DateFormatter, GregorianDate, HijriCalendar, HijriDate, NamingSystem,
};
use nass::numerals::DigitSet;

use crate::args::{DigitArg, InputArgs};
use crate::error::CliError;
use crate::stream::{for_each_piece, line_cut, MAX_PENDING};

/// Which way to convert.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Direction {
    /// Read Hijri dates (in --calendar), write Gregorian ones.
    Gregorian,
    /// Read Gregorian dates, write Hijri ones (in --calendar).
    Hijri,
}

/// How dates are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DateStyle {
    /// YYYY-MM-DD.
    Iso,
    /// In Arabic words: 1 رمضان 1445 هـ, 11 فبراير 2024 (see --months and --digits).
    Arabic,
}

#[derive(Args, Debug)]
pub struct CalendarArgs {
    /// The calendar to convert to.
    #[arg(long, value_enum)]
    to: Direction,
    /// The Hijri calendar: umm-al-qura (the Umm al-Qura table, 1343-1500 AH), or a tabular
    /// one: islamic-civil, islamic-tbla, tabular-{16|15|ismaili|habash}-{friday|thursday}.
    #[arg(long, default_value = "umm-al-qura", value_parser = str::parse::<HijriCalendar>)]
    calendar: HijriCalendar,
    /// How to write the converted dates.
    #[arg(long, value_enum, default_value = "iso")]
    format: DateStyle,
    /// Month names for --format arabic: latin, syriac (levantine), french, moroccan,
    /// mauritanian, libyan.
    #[arg(long, default_value = "latin", value_parser = str::parse::<NamingSystem>)]
    months: NamingSystem,
    /// Digits for --format arabic.
    #[arg(long, value_enum, default_value = "ascii")]
    digits: DigitArg,
    /// On a bad line, write an empty line, report it on standard error and go on (the
    /// exit status is still non-zero at the end).
    #[arg(long)]
    keep_going: bool,
    #[command(flatten)]
    input: InputArgs,
}

impl CalendarArgs {
    fn formatter(&self) -> DateFormatter {
        DateFormatter::builder()
            .months(self.months)
            .digits(self.digits.set().unwrap_or(DigitSet::Ascii))
            .hijri_calendar(self.calendar)
            .build()
    }

    /// Writes the conversion of one line to `out`, or says why it has none.
    fn convert(
        &self,
        formatter: &DateFormatter,
        line: &str,
        out: &mut Vec<u8>,
    ) -> Result<(), LineError> {
        let line = line.trim();
        let arabic = self.format == DateStyle::Arabic;
        // The common case builds no error; `why_not` says what is wrong with the rest.
        // ISO dates are copied as arrays of a constant length, without a call.
        match self.to {
            Direction::Hijri => {
                let hijri = GregorianDate::parse_iso_opt(line)
                    .and_then(|day| HijriDate::from_gregorian_opt(self.calendar, day))
                    .ok_or_else(|| self.why_not(line))?;
                if arabic {
                    out.extend_from_slice(formatter.format_hijri(hijri).as_bytes());
                } else {
                    out.extend_from_slice(&hijri.iso_bytes());
                }
            }
            Direction::Gregorian => {
                let day = HijriDate::parse_iso_opt(self.calendar, line)
                    .ok_or_else(|| self.why_not(line))?
                    .to_gregorian();
                if arabic {
                    out.extend_from_slice(formatter.format_gregorian(day).as_bytes());
                } else {
                    out.extend_from_slice(&day.iso_bytes());
                }
            }
        }
        Ok(())
    }

    /// Why a (trimmed) line has no conversion.
    #[cold]
    fn why_not(&self, line: &str) -> LineError {
        if line.is_empty() {
            return LineError::Empty(self.calendar);
        }
        let error = match self.to {
            Direction::Hijri => line
                .parse::<GregorianDate>()
                .and_then(|day| HijriDate::from_gregorian(self.calendar, day))
                .err(),
            Direction::Gregorian => HijriDate::parse_iso(self.calendar, line).err(),
        };
        match error {
            Some(e) => LineError::Date(e, self.calendar),
            None => LineError::NoConversion(self.calendar),
        }
    }
}

/// Why a line of input has no conversion.
#[derive(Debug)]
pub enum LineError {
    /// The line is empty (or blank), in this calendar.
    Empty(HijriCalendar),
    /// The line is longer than the stream holds.
    TooLong,
    /// The date cannot be read or converted in this calendar.
    Date(DateError, HijriCalendar),
    /// The quick conversion failed where the checked one did not (not expected).
    NoConversion(HijriCalendar),
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let calendar = match self {
            LineError::TooLong => return write!(f, "longer than {} MiB", MAX_PENDING >> 20),
            // The error names the range itself.
            LineError::Date(e, _) if e.is_out_of_range() => return write!(f, "{e}"),
            LineError::Date(e, calendar) => {
                write!(f, "{e}")?;
                calendar
            }
            LineError::Empty(calendar) => {
                f.write_str("empty line")?;
                calendar
            }
            LineError::NoConversion(calendar) => {
                f.write_str("no conversion")?;
                calendar
            }
        };
        let (first, last) = calendar.range();
        write!(
            f,
            "; the {calendar} calendar converts YYYY-MM-DD dates between {} and {} ({first}..{last} AH)",
            first.to_gregorian(),
            last.to_gregorian(),
        )
    }
}

impl std::error::Error for LineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LineError::Date(e, _) => Some(e),
            _ => None,
        }
    }
}

pub fn run(args: &CalendarArgs, out: &mut impl Write) -> Result<(), CliError> {
    let formatter = args.formatter();
    let mut line_number: u64 = 0;
    let mut failed: Option<CliError> = None;
    // Inside a line too long to be held (it went out in forced pieces): the rest of it
    // is skipped, and it keeps its one line number.
    let mut skipping = false;
    let mut pending: Vec<u8> = Vec::new();
    let mut fail = |error: CliError| -> Result<(), CliError> {
        if !args.keep_going {
            return Err(error);
        }
        // If stderr is gone there is nothing more to say.
        let _ = writeln!(io::stderr(), "nass: {error}");
        failed.get_or_insert(CliError::SomeLinesFailed);
        Ok(())
    };
    for_each_piece(
        &args.input.files,
        args.input.options(),
        |text| line_cut(text, |_| 0),
        |piece| {
            // The piece's output is gathered here and written once (a line is 11 bytes);
            // what is gathered goes out before any error is reported.
            pending.clear();
            let text = piece.text;
            let mut rest = text;
            while !rest.is_empty() {
                let (line, after) = match memchr::memchr(b'\n', rest.as_bytes()) {
                    Some(i) => rest.split_at(i + 1),
                    None => (rest, ""),
                };
                rest = after;
                let (body, ending) = match line.strip_suffix("\r\n") {
                    Some(body) => (body, "\r\n"),
                    None => match line.strip_suffix('\n') {
                        Some(body) => (body, "\n"),
                        None => (line, ""),
                    },
                };
                if skipping {
                    // The end of a line already reported as too long.
                    skipping = ending.is_empty();
                    pending.extend_from_slice(ending.as_bytes());
                    continue;
                }
                line_number += 1;
                let failure = if ending.is_empty() && piece.forced {
                    // A line longer than the stream holds is no date.
                    skipping = true;
                    Some(LineError::TooLong)
                } else {
                    args.convert(&formatter, body, &mut pending).err()
                };
                if let Some(error) = failure {
                    out.write_all(&pending).map_err(CliError::Write)?;
                    pending.clear();
                    fail(CliError::Line {
                        line: line_number,
                        error,
                    })?;
                    if skipping {
                        continue;
                    }
                }
                match ending {
                    "\n" => pending.push(b'\n'),
                    _ => pending.extend_from_slice(ending.as_bytes()),
                }
            }
            out.write_all(&pending).map_err(CliError::Write)
        },
    )?;
    out.flush().map_err(CliError::Write)?;
    match failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
