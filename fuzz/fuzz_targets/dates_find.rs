//! nass-dates `find_dates`: no panic on any input (with and without an anchor); every span
//! lies on char boundaries, slices back to the match's text, and matches come in order
//! without overlapping; a linked span (الموافق) is another match's span; a complete
//! Gregorian value has its Gregorian day; a resolved value has a year; a relative date
//! (and only it) has kind `relative`, and its offset, when the anchor resolves it, gives a
//! value at the offset's precision.
//!
//! The input is read twice: as text, and as a sequence of words picked by its bytes from
//! the vocabulary of date expressions (month names, digits, and the keywords of relative
//! dates: أمس، منذ، قبل، بعد، خلال، أيام، الماضي ...), so that the grammar is reached
//! without a dictionary.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nass::dates::{find_dates, CalendarKind, DateFinder, DateKind, GregorianDate, RelativeUnit};

/// The words of date expressions, the keywords of relative dates among them.
const WORDS: &[&str] = &[
    " ", " ", "\n", "،", "/", "-", "5", "11", "3", "2024", "1445", "٢٠٢٤", "هـ", "فبراير",
    "ألفين", "ألف", "وتسعمائة", "وعشرين", "ألفي", "عامي", "العامين", "و2015", "للميلاد",
    "ونصف", "وربع", "ساعة",
    "شباط", "رمضان", "مارس", "الأحد", "الجمعة", "الموافق", "عام", "شهر", "من", "في", "و",
    "اليوم", "أمس", "بالأمس", "البارحة", "أول", "غدا", "غداً", "غد", "بعد", "قبل", "منذ",
    "خلال", "غضون", "يوم", "يوما", "أيام", "يومين", "أسبوع", "أسابيع", "أسبوعين", "شهرا",
    "أشهر", "شهور", "شهرين", "سنة", "سنوات", "سنين", "سنتين", "أعوام", "عامين", "ساعات",
    "ساعتين", "دقيقة", "ثلاثة", "خمس", "عشرين", "بضعة", "واحد", "الآن", "الأسبوع", "الشهر",
    "العام", "السنة", "الماضي", "الماضية", "المقبل", "المقبلة", "القادم", "الجاري", "الحالي",
    "السابق", "هذا", "هذه", "الأمين", "مطلع", "منتصف", "أواخر", "آخر", "الحاجة", "على",
    "الأيام", "العامين", "اليومين", "الماضيين", "المقبلين", "الستة", "نحو", "نفسه", "ساعة",
    "\u{0651}", "\u{0654}",
];

fn check(text: &str) {
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
        if let Some(o) = d.offset() {
            assert_eq!(d.kind(), DateKind::Relative, "{:?}", d);
            assert!(o.start() <= o.end(), "{:?}", d);
        }
        last = d.end();
    }
    let anchor = GregorianDate::new(2024, 2, 11).expect("valid");
    let finder = DateFinder::builder().anchor(anchor).build();
    let anchored: Vec<_> = finder.find_iter(text).collect();
    assert_eq!(anchored.len(), found.len());
    for (a, d) in anchored.iter().zip(&found) {
        assert_eq!((a.span(), a.value()), (d.span(), d.value()));
        assert_eq!(a.offset(), d.offset());
        if let Some(r) = a.resolved() {
            assert!(r.year().is_some(), "{:?}", a);
            match a.offset().map(|o| o.unit()) {
                Some(RelativeUnit::Year) => assert!(r.month().is_none() && r.week().is_none()),
                Some(RelativeUnit::Month) => assert!(r.month().is_some() && r.day().is_none()),
                Some(RelativeUnit::Week) => assert!(r.week().is_some()),
                Some(RelativeUnit::Day) => assert!(r.day().is_some()),
                _ => {}
            }
        }
        if a.offset().is_some_and(|o| o.unit().is_time()) {
            assert!(a.resolved().is_none() && a.unresolved().is_none(), "{:?}", a);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
    }
    let words: String = data
        .iter()
        .map(|&b| WORDS[usize::from(b) % WORDS.len()])
        .collect();
    check(&words);
});
