//! Resolving a partial date against the anchor date.

use nass_calendar::{CalendarKind, DateError, GregorianDate, HijriCalendar, HijriDate, Jdn};

use super::types::Point;
use super::{DateValue, Expr, RelativeOffset, RelativeUnit};
use crate::word::RelativeWord;

/// Resolves a value against the anchor date (see [`DateMatch::resolved`]): the value
/// completed, or why it cannot be.
pub(super) fn resolve(
    e: &Expr,
    anchor: GregorianDate,
    calendar: HijriCalendar,
) -> Result<DateValue, DateError> {
    let v = e.value;
    if let Some(offset) = e.offset {
        return resolve_offset(offset, anchor);
    }
    if v.year.is_some() {
        return Ok(v);
    }
    if let Some(month) = v.month {
        let (ay, am, ad) = match e.calendar {
            CalendarKind::Gregorian => (anchor.year(), anchor.month(), anchor.day()),
            CalendarKind::Hijri => {
                let h = HijriDate::from_gregorian(calendar, anchor)?;
                (i32::from(h.year()), h.month(), h.day())
            }
        };
        let here = (month, v.day.unwrap_or(0));
        let now = (am, if v.day.is_some() { ad } else { 0 });
        // The year the rule looks at first, and which way it looks when the day does not
        // exist in that year (29 February, the 30th of a 29-day Hijri month).
        // قبل الماضي and بعد المقبل go one more year back or on.
        let more = i32::from(e.step.max(1)) - 1;
        let (mut year, step) = match e.relative {
            Some(RelativeWord::Past) => (if here >= now { ay - 1 } else { ay } - more, -1),
            Some(RelativeWord::Next) => (if here <= now { ay + 1 } else { ay } + more, 1),
            _ => (ay, 0),
        };
        // The last day of a range: if it exists, the days before it do.
        let day = v.last_day.or(v.day).unwrap_or(1);
        loop {
            let exists = match e.calendar {
                CalendarKind::Gregorian => GregorianDate::new(year, month, day).map(drop),
                // Year 0 and below are outside every Hijri calendar, as the error says.
                CalendarKind::Hijri => {
                    let y = u16::try_from(year.max(0)).unwrap_or(u16::MAX);
                    HijriDate::new(calendar, y, month, day).map(drop)
                }
            };
            match exists {
                Ok(()) => {
                    return Ok(DateValue {
                        year: Some(year),
                        ..v
                    })
                }
                // Each step moves one year; the calendar's range ends the walk.
                Err(err) if step != 0 && !err.is_out_of_range() => year += step,
                Err(err) => return Err(err),
            }
        }
    }
    let Some(day) = e.weekday else {
        return Ok(v);
    };
    let a = i64::from(anchor.weekday().iso());
    let w = i64::from(day.iso());
    let more = 7 * (i64::from(e.step.max(1)) - 1);
    let shift = match e.relative {
        Some(RelativeWord::Past) => -((a - w - 1).rem_euclid(7) + 1) - more,
        Some(RelativeWord::Next) => (w - a - 1).rem_euclid(7) + 1 + more,
        _ => -(a - w).rem_euclid(7),
    };
    let g = GregorianDate::from_jdn(anchor.jdn() + shift as i32)?;
    Ok(DateValue {
        year: Some(g.year()),
        month: Some(g.month()),
        day: Some(g.day()),
        ..DateValue::default()
    })
}

/// A relative offset against the anchor, at the precision of its unit: the day, the ISO
/// week, the month or the year that many units from the anchor (a span: from the one to
/// the other). Units shorter than a day are not resolved (the caller does not ask).
fn resolve_offset(o: RelativeOffset, anchor: GregorianDate) -> Result<DateValue, DateError> {
    let start = point(o.unit, o.start, anchor)?;
    let mut v = start.value();
    if o.is_span() {
        v.until = Some(point(o.unit, o.end, anchor)?);
    }
    Ok(v)
}

/// The day, week, month or year `n` units from `anchor`.
fn point(unit: RelativeUnit, n: i32, anchor: GregorianDate) -> Result<Point, DateError> {
    let day = |jdn: i64| {
        // Beyond the calendar's days either way: the first error the calendar gives.
        let jdn = Jdn::try_from(jdn).unwrap_or(if jdn < 0 { 0 } else { Jdn::MAX });
        GregorianDate::from_jdn(jdn)
    };
    let n64 = i64::from(n);
    Ok(match unit {
        RelativeUnit::Day | RelativeUnit::Hour | RelativeUnit::Minute => {
            let g = day(i64::from(anchor.jdn()) + n64)?;
            Point {
                year: g.year(),
                month: Some(g.month()),
                day: Some(g.day()),
                week: None,
            }
        }
        RelativeUnit::Week => {
            let g = day(i64::from(anchor.jdn()) + 7 * n64)?;
            let (year, week) = iso_week(g)?;
            Point {
                year,
                month: None,
                day: None,
                week: Some(week),
            }
        }
        RelativeUnit::Month => {
            let months = i64::from(anchor.year()) * 12 + i64::from(anchor.month()) - 1 + n64;
            let year = i32::try_from(months.div_euclid(12)).unwrap_or(i32::MIN);
            let month = months.rem_euclid(12) as u8 + 1;
            GregorianDate::new(year, month, 1)?;
            Point {
                year,
                month: Some(month),
                day: None,
                week: None,
            }
        }
        RelativeUnit::Year => {
            let year = i32::try_from(i64::from(anchor.year()) + n64).unwrap_or(i32::MIN);
            GregorianDate::new(year, 1, 1)?;
            Point {
                year,
                month: None,
                day: None,
                week: None,
            }
        }
    })
}

/// The ISO week-year and week of `g`: the week (Monday to Sunday) belongs to the year of
/// its Thursday.
pub(super) fn iso_week(g: GregorianDate) -> Result<(i32, u8), DateError> {
    let jdn = i64::from(g.jdn());
    let thursday = jdn - i64::from(g.weekday().iso()) + 4;
    let t = GregorianDate::from_jdn(Jdn::try_from(thursday).unwrap_or(Jdn::MAX))?;
    let first = GregorianDate::new(t.year(), 1, 1)?;
    let week = (thursday - i64::from(first.jdn())) / 7 + 1;
    Ok((t.year(), week as u8))
}
