//! Resolving a partial date against the anchor date.

use nass_calendar::{CalendarKind, DateError, GregorianDate, HijriCalendar, HijriDate};

use super::{DateValue, Expr};
use crate::word::RelativeWord;

/// Resolves a value against the anchor date (see [`DateMatch::resolved`]): the value
/// completed, or why it cannot be.
pub(super) fn resolve(
    e: &Expr,
    anchor: GregorianDate,
    calendar: HijriCalendar,
) -> Result<DateValue, DateError> {
    let v = e.value;
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
        let (mut year, step) = match e.relative {
            Some(RelativeWord::Past) => (if here >= now { ay - 1 } else { ay }, -1),
            Some(RelativeWord::Next) => (if here <= now { ay + 1 } else { ay }, 1),
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
    let shift = match e.relative {
        Some(RelativeWord::Past) => -((a - w - 1).rem_euclid(7) + 1),
        Some(RelativeWord::Next) => (w - a - 1).rem_euclid(7) + 1,
        _ => -(a - w).rem_euclid(7),
    };
    let g = GregorianDate::from_jdn(anchor.jdn() + shift as i32)?;
    Ok(DateValue {
        year: Some(g.year()),
        month: Some(g.month()),
        day: Some(g.day()),
        last_day: None,
    })
}
