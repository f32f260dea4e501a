//! nass-dates `find_dates`: no panic on any input (with and without an anchor); every span
//! lies on char boundaries, slices back to the match's text, and matches come in order
//! without overlapping; a linked span (الموافق) is another match's span; a complete
//! Gregorian value has its Gregorian day; a resolved value has a year.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nass::dates::{find_dates, CalendarKind, DateFinder, GregorianDate};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let found: Vec<_> = find_dates(text).collect();
    let mut last = 0;
    for d in &found {
        assert!(d.start() >= last && d.start() < d.end() && d.end() <= text.len());
        assert!(text.is_char_boundary(d.start()) && text.is_char_boundary(d.end()));
        assert_eq!(&text[d.span()], d.text());
        if let Some(l) = d.linked() {
            assert!(found.iter().any(|o| o.span() == l));
        }
        if d.calendar() == CalendarKind::Gregorian
            && d.value().is_complete()
            && d.value().last_day().is_none()
        {
            assert!(d.gregorian().is_some(), "{:?}", d);
        }
        last = d.end();
    }
    let anchor = GregorianDate::new(2024, 2, 11).expect("valid");
    let finder = DateFinder::builder().anchor(anchor).build();
    let anchored: Vec<_> = finder.find_iter(text).collect();
    assert_eq!(anchored.len(), found.len());
    for (a, d) in anchored.iter().zip(&found) {
        assert_eq!((a.span(), a.value()), (d.span(), d.value()));
        if let Some(r) = a.resolved() {
            assert!(r.year().is_some(), "{:?}", a);
        }
    }
});
