//! nass-dates parsing: no panic on any input; an ISO date that parses prints back as the
//! same text; an Arabic date that parses is written again by a formatter (every month
//! system, digit set and era setting) and reads back as the same date; a calendar name
//! that parses names the same calendar; a Hijri date converts to Gregorian and back.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nass::dates::{
    lookup, CalendarDate, DateFormatter, GregorianDate, HijriCalendar, HijriDate, MonthName,
    NamingSystem,
};
use nass::numerals::DigitSet;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = text.parse::<GregorianDate>() {
        assert_eq!(d.to_string(), text);
        assert_eq!(GregorianDate::from_jdn(d.jdn()), Ok(d));
    }
    for calendar in HijriCalendar::all() {
        if let Ok(d) = HijriDate::parse_iso(calendar, text) {
            assert_eq!(d.to_string(), text);
            let back = HijriDate::from_gregorian(calendar, d.to_gregorian());
            assert_eq!(back, Ok(d));
        }
    }
    if let Ok(calendar) = text.parse::<HijriCalendar>() {
        assert_eq!(calendar.name().parse::<HijriCalendar>(), Ok(calendar));
    }
    let reader = DateFormatter::new();
    match reader.parse(text) {
        Ok(date) => {
            for system in NamingSystem::GREGORIAN {
                for digits in DigitSet::ALL {
                    for era in [false, true] {
                        let f = DateFormatter::builder()
                            .months(system)
                            .digits(digits)
                            .gregorian_era(era)
                            .hijri_era(era)
                            .build();
                        let shown = f.format(date);
                        assert_eq!(reader.parse(&shown), Ok(date), "{text:?} -> {shown:?}");
                    }
                }
            }
            if let CalendarDate::Hijri(h) = date {
                assert_eq!(HijriDate::from_gregorian(h.calendar(), h.to_gregorian()), Ok(h));
            }
        }
        Err(e) => {
            if let Some(offset) = e.offset() {
                assert!(offset <= text.len(), "{text:?}: {e}");
            }
        }
    }
    // Lookups of short texts: whatever is found is a lexicon entry.
    if text.len() <= 64 {
        for e in lookup(text) {
            assert!(!e.spelling().is_empty());
        }
        for m in MonthName::lookup(text) {
            assert!((1..=12).contains(&m.month()));
        }
    }
});
