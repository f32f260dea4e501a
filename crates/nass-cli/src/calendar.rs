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

    /// The conversion of one line, or why it has none.
    fn convert(&self, formatter: &DateFormatter, line: &str) -> Result<String, LineError> {
        let line = line.trim();
        if line.is_empty() {
            return Err(LineError::Empty(self.calendar));
        }
        let date = |error| LineError::Date(error, self.calendar);
        let arabic = self.format == DateStyle::Arabic;
        Ok(match self.to {
            Direction::Hijri => {
                let day: GregorianDate = line.parse().map_err(date)?;
                let hijri = HijriDate::from_gregorian(self.calendar, day).map_err(date)?;
                if arabic {
                    formatter.format_hijri(hijri)
                } else {
                    hijri.to_string()
                }
            }
            Direction::Gregorian => {
                let hijri = HijriDate::parse_iso(self.calendar, line).map_err(date)?;
                let day = hijri.to_gregorian();
                if arabic {
                    formatter.format_gregorian(day)
                } else {
                    day.to_string()
                }
            }
        })
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
            for line in piece.text.split_inclusive('\n') {
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
                    out.write_all(ending.as_bytes()).map_err(CliError::Write)?;
                    continue;
                }
                line_number += 1;
                if ending.is_empty() && piece.forced {
                    // A line longer than the stream holds is no date.
                    skipping = true;
                    fail(CliError::Line {
                        line: line_number,
                        error: LineError::TooLong,
                    })?;
                    continue;
                }
                match args.convert(&formatter, body) {
                    Ok(converted) => out
                        .write_all(converted.as_bytes())
                        .map_err(CliError::Write)?,
                    Err(error) => fail(CliError::Line {
                        line: line_number,
                        error,
                    })?,
                }
                out.write_all(ending.as_bytes()).map_err(CliError::Write)?;
            }
            Ok(())
        },
    )?;
    out.flush().map_err(CliError::Write)?;
    match failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
