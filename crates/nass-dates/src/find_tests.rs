//! Tests of `find_dates`: tables of positive and negative sentences (written for these
//! tests, expected values worked out by hand), weekday checks, الموافق links, anchors,
//! property tests and the corpus.

use std::ops::Range;

use proptest::prelude::*;

use crate::*;
use nass_calendar::{MAX_JDN, MIN_JDN};
use nass_numerals::DigitSet;

/// (surface, kind, calendar, value) of every match.
fn found(text: &str) -> Vec<(String, &'static str, &'static str, String)> {
    find_dates(text)
        .map(|d| {
            (
                d.text().to_string(),
                d.kind().name(),
                d.calendar().name(),
                d.value().to_string(),
            )
        })
        .collect()
}

const G: &str = "gregorian";
const H: &str = "hijri";

/// (surface, kind, calendar, value) of one expected match.
type Expected = (&'static str, &'static str, &'static str, &'static str);

/// (sentence, [(surface, kind, calendar, value)]).
#[rustfmt::skip]
const POSITIVE: &[(&str, &[Expected])] = &[
    ("وصل الوفد في 11 فبراير/شباط 2024 إلى بغداد", &[("11 فبراير/شباط 2024", "date", G, "2024-02-11")]),
    ("بدأت المحادثات في كانون الثاني/يناير الماضي", &[("كانون الثاني/يناير الماضي", "relative", G, "--01")]),
    ("جرى ذلك في يناير/ كانون الثاني", &[("يناير/ كانون الثاني", "month", G, "--01")]),
    ("سافر في شباط (فبراير) 2023", &[("شباط (فبراير) 2023", "month-year", G, "2023-02")]),
    ("موعده فبراير / شباط", &[("فبراير / شباط", "month", G, "--02")]),
    ("عقد الاجتماع السبت 5/ 6/ 2021 في القصر", &[("السبت 5/ 6/ 2021", "date", G, "2021-06-05")]),
    ("بتاريخ ٥/٦/٢٠٢١ صدر", &[("٥/٦/٢٠٢١", "date", G, "2021-06-05")]),
    ("بتاريخ ۱۱-۰۲-۲۰۲۴ صدر", &[("۱۱-۰۲-۲۰۲۴", "date", G, "2024-02-11")]),
    ("بتاريخ 11.2.2024 صدر", &[("11.2.2024", "date", G, "2024-02-11")]),
    ("بتاريخ 11 / 2 / 2024 صدر", &[("11 / 2 / 2024", "date", G, "2024-02-11")]),
    ("صدر القرار في 1445/08/01هـ", &[("1445/08/01هـ", "date", H, "1445-08-01")]),
    ("في 2024/02/11 وصل", &[("2024/02/11", "date", G, "2024-02-11")]),
    ("في 7-8 أغسطس/ آب 2023 عقدت", &[("7-8 أغسطس/ آب 2023", "day-range", G, "2023-08-07/2023-08-08")]),
    ("يستمر من 7 إلى 8 أغسطس 2023", &[("من 7 إلى 8 أغسطس 2023", "day-range", G, "2023-08-07/2023-08-08")]),
    ("يقام المعرض بين 7 و8 آب", &[("بين 7 و8 آب", "day-range", G, "--08-07/--08-08")]),
    ("انطلق في الحادي عشر من فبراير", &[("الحادي عشر من فبراير", "day-month", G, "--02-11")]),
    ("انطلق في الأول من أكتوبر 2023", &[("الأول من أكتوبر 2023", "date", G, "2023-10-01")]),
    ("وصل في 11 من شهر فبراير", &[("11 من شهر فبراير", "day-month", G, "--02-11")]),
    ("افتتح في أيار 2020", &[("أيار 2020", "month-year", G, "2020-05")]),
    ("تأسس في عام 2014", &[("عام 2014", "year", G, "2014")]),
    ("تأسس في العام 2014", &[("العام 2014", "year", G, "2014")]),
    ("الميزانية لعام 2024", &[("لعام 2024", "year", G, "2024")]),
    ("الميزانية للعام 2024", &[("للعام 2024", "year", G, "2024")]),
    ("توفي سنة 1445هـ", &[("سنة 1445هـ", "year", H, "1445")]),
    ("يعمل هنا منذ 2014", &[("2014", "year", G, "2014")]),
    ("تستمر حتى 2030 على الأقل", &[("2030", "year", G, "2030")]),
    ("بني المعبد عام 300 ق.م", &[("عام 300 ق.م", "year", G, "-0299")]),
    ("بدأ الصيام في 1 رمضان 1445 هـ", &[("1 رمضان 1445 هـ", "date", H, "1445-09-01")]),
    ("يبدأ الصيام غرة رمضان", &[("غرة رمضان", "day-month", H, "--09-01")]),
    ("عطلة فاتح ماي", &[("فاتح ماي", "day-month", G, "--05-01")]),
    ("يكون الحج في ذي القعدة", &[("ذي القعدة", "month", H, "--11")]),
    ("يصوم المسلمون بشهر رمضان", &[("بشهر رمضان", "month", H, "--09")]),
    ("الاجتماع في شهر مارس", &[("شهر مارس", "month", G, "--03")]),
    ("في شهر تموز الماضي", &[("شهر تموز الماضي", "relative", G, "--07")]),
    ("في الحادي عشر من شهر شباط", &[("الحادي عشر من شهر شباط", "day-month", G, "--02-11")]),
    ("وقع في ١١ فبراير ٢٠٢٤", &[("١١ فبراير ٢٠٢٤", "date", G, "2024-02-11")]),
    ("وفي جويلية 2019 تقرر", &[("جويلية 2019", "month-year", G, "2019-07")]),
    ("في صفر 1446هـ", &[("صفر 1446هـ", "month-year", H, "1446-02")]),
    ("وفي 25 يناير تقرر", &[("25 يناير", "day-month", G, "--01-25")]),
    ("بدأ في 3 مارس", &[("3 مارس", "day-month", G, "--03-03")]),
    ("موعده مارس/آذار", &[("مارس/آذار", "month", G, "--03")]),
    ("في نيسان 2022", &[("نيسان 2022", "month-year", G, "2022-04")]),
    ("في 12 الفاتح 1999", &[("12 الفاتح 1999", "date", G, "1999-09-12")]),
    ("وقعت الحادثة 1445هـ", &[("1445هـ", "year", H, "1445")]),
    ("في عام 2024م", &[("عام 2024م", "year", G, "2024")]),
    ("في 9 دجنبر 2020", &[("9 دجنبر 2020", "date", G, "2020-12-09")]),
    ("الأربعاء 3 ربيع الأول 1440هـ", &[("الأربعاء 3 ربيع الأول 1440هـ", "date", H, "1440-03-03")]),
    ("يوم الخميس التقى", &[("الخميس", "weekday", G, "")]),
    // أمس with the weekday after it is one relative date (issue 14), its offset -P1D
    // (`relative_tests`); the weekday alone was found before.
    ("وصل أمس الجمعة", &[("أمس الجمعة", "relative", G, "")]),
    ("عاد الخميس الماضي", &[("الخميس الماضي", "relative", G, "")]),
    ("منذ 7 أكتوبر/ تشرين الأول الماضي وحتى عام 2024", &[
        ("7 أكتوبر/ تشرين الأول الماضي", "day-month", G, "--10-07"),
        ("عام 2024", "year", G, "2024"),
    ]),
    ("الأحد 1 شعبان 1445هـ الموافق 11 فبراير 2024م", &[
        ("الأحد 1 شعبان 1445هـ", "date", H, "1445-08-01"),
        ("11 فبراير 2024م", "date", G, "2024-02-11"),
    ]),
    ("\u{200F}11\u{200F}/\u{200F}2\u{200F}/2024", &[("11\u{200F}/\u{200F}2\u{200F}/2024", "date", G, "2024-02-11")]),
];

/// Sentences where a date word or number is an ordinary word: nothing is found.
const NEGATIVE: &[&str] = &[
    "مارس الرياضة منذ صغره",
    "مارس الضغط على الحكومة",
    "لم يتجاوز الرصيد صفر",
    "قال رمضان إن الاجتماع انتهى",
    "التقى رجب بالوزير",
    "وصل شعبان إلى المطار",
    "اشترى سيارة نيسان جديدة",
    "زار الأب ابنه في المستشفى",
    "هو أب لثلاثة أطفال",
    "تفتح الزهور في الربيع",
    "شرب الماء البارد في الصيف",
    "قال ناصر إن الطير يهاجر",
    "أكل التمور بعد الحرث",
    "اتفق الاثنين على الخطة",
    "أدى صلاة الجمعة في المسجد",
    "اشترى 2014 سهما",
    "قطع مسافة 500 م",
    "بلغ العدد 1200 شخص",
    "في المادة 3/2 من القانون",
    "النسبة 12.5 في المائة",
    "بدأ في الساعة 10:30 صباحا",
    "في الماضي كان الأمر مختلفا",
    "حضر من 7 إلى 8 أشخاص",
    "الرقم 31/12/99 غير صالح",
    "القيمة 32/13/2020 ليست تاريخا",
    "الرمز F16 و2020",
    "عنده 15 سنة من الخبرة",
    "محرم عليه دخول المنزل",
];

#[test]
fn positive_table() {
    for (text, expected) in POSITIVE {
        let got = found(text);
        let want: Vec<_> = expected
            .iter()
            .map(|&(s, k, c, v)| (s.to_string(), k, c, v.to_string()))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

#[test]
fn negative_table() {
    for text in NEGATIVE {
        assert_eq!(found(text), [], "in {text:?}");
    }
}

/// A day and month with their year after a comma, or after [من] عام / العام / سنة (also
/// لعام): one date with that year, not a day-month and a separate year (issue 14).
#[test]
fn the_year_of_a_day_and_month_after_a_comma_or_a_year_word() {
    let one = |text: &str, surface: &str, calendar: &'static str, value: &str| {
        assert_eq!(
            found(text),
            [(surface.to_string(), "date", calendar, value.to_string())],
            "in {text:?}"
        );
    };
    one(
        "احتفلت المدينة في 10 مايو من عام 2020 بافتتاح الجسر",
        "10 مايو من عام 2020",
        G,
        "2020-05-10",
    );
    one(
        "صدر القرار في 21 أكتوبر من العام 2015 بعد نقاش طويل",
        "21 أكتوبر من العام 2015",
        G,
        "2015-10-21",
    );
    one(
        "وُقّع الاتفاق في 3 مارس لعام 2019 في القاهرة",
        "3 مارس لعام 2019",
        G,
        "2019-03-03",
    );
    one(
        "افتُتح المعرض في 9 آذار للعام 2018 وسط حضور كبير",
        "9 آذار للعام 2018",
        G,
        "2018-03-09",
    );
    one(
        "ولد الشيخ في 10 جمادى الأولى من عام 1400 هـ في مكة",
        "10 جمادى الأولى من عام 1400 هـ",
        H,
        "1400-05-10",
    );
    one(
        "انتهت الدورة في 27 رجب من سنة 1444 بحفل",
        "27 رجب من سنة 1444",
        H,
        "1444-07-27",
    );
    one(
        "جرى الحادث في الحادي عشر من فبراير من عام 2011 قرب الميدان",
        "الحادي عشر من فبراير من عام 2011",
        G,
        "2011-02-11",
    );
    one(
        "وصل الوفد في 6 يناير، 2015 إلى بغداد",
        "6 يناير، 2015",
        G,
        "2015-01-06",
    );
    one(
        "وصل الوفد في 6 يناير ، 2015 إلى بغداد",
        "6 يناير ، 2015",
        G,
        "2015-01-06",
    );
    // Said in 2024, the date keeps its own year.
    let finder = DateFinder::builder()
        .anchor(GregorianDate::new(2024, 2, 11).unwrap())
        .build();
    let dates: Vec<_> = finder
        .find_iter("احتفلت المدينة في 10 مايو من عام 2020")
        .map(|d| d.resolved().map(|v| v.to_string()))
        .collect();
    assert_eq!(dates, [Some("2020-05-10".to_string())]);
    // No year after the year word, or a number that is no year after the comma: the
    // day and month alone.
    assert_eq!(
        found("في 10 مايو من عام مضى"),
        [("10 مايو".to_string(), "day-month", G, "--05-10".to_string())]
    );
    // "On 10 May, and since the year 2021 work began": ومن starts a clause of its own.
    assert_eq!(
        found("في 10 مايو ومن عام 2021 بدأ العمل"),
        [
            ("10 مايو".to_string(), "day-month", G, "--05-10".to_string()),
            ("عام 2021".to_string(), "year", G, "2021".to_string()),
        ]
    );
    assert_eq!(
        found("بين 10 مايو، 15 يونيو"),
        [
            ("10 مايو".to_string(), "day-month", G, "--05-10".to_string()),
            (
                "15 يونيو".to_string(),
                "day-month",
                G,
                "--06-15".to_string()
            ),
        ]
    );
}

/// The words around a date (عام، من، شهر …) take the proclitics of the shared grammar, ك
/// among them, as the lexicon's gazetteer does for month names.
#[test]
fn keywords_take_the_proclitics_the_gazetteer_takes() {
    // "This season looked like the year 1929 in its harshness": ك + عام.
    assert_eq!(
        found("بدا هذا الموسم كعام 1929 في قسوته"),
        [("كعام 1929".to_string(), "year", G, "1929".to_string())]
    );
    assert_eq!(
        found("وكان الشتاء فكالعام 2008 تماما"),
        [("فكالعام 2008".to_string(), "year", G, "2008".to_string())]
    );
    // The gazetteer reads the same ك before a month name.
    let w = find_date_words("صام كرمضان الماضي").next().unwrap();
    assert_eq!((w.text(), w.clitics()), ("كرمضان", "ك"));
}

#[test]
fn weekday_and_conflict() {
    // 7 March 2024 was a Thursday, 5 June 2021 a Saturday (checked against the JDN).
    let d = find_dates("الخميس، 7 مارس 2024").next().unwrap();
    assert_eq!(
        (d.weekday(), d.weekday_conflict()),
        (Some(Weekday::Thursday), false)
    );
    assert_eq!(d.text(), "الخميس، 7 مارس 2024");
    let d = find_dates("الاثنين 5/ 6/ 2021").next().unwrap();
    assert_eq!(
        (d.weekday(), d.weekday_conflict()),
        (Some(Weekday::Monday), true)
    );
    // A weekday before a date without a year cannot be checked.
    let d = find_dates("الاثنين 5 يونيو").next().unwrap();
    assert!(!d.weekday_conflict());
    // A Hijri date: 1 Shaaban 1445 = Sunday 11 February 2024.
    let d = find_dates("السبت 1 شعبان 1445هـ").next().unwrap();
    assert!(d.weekday_conflict());
    assert_eq!(
        d.gregorian(),
        Some(GregorianDate::new(2024, 2, 11).unwrap())
    );
    // A weekday alone reports its ISO number.
    let d = find_dates("يوم الأحد").next().unwrap();
    assert_eq!(d.weekday().map(Weekday::iso), Some(7));
}

#[test]
fn muwafiq_links_both_ways() {
    let text = "صدر في 1 رمضان 1445هـ، الموافق لـ 11 آذار 2024";
    let v: Vec<_> = find_dates(text).collect();
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].linked(), Some(v[1].span()));
    assert_eq!(v[1].linked(), Some(v[0].span()));
    assert_eq!(v[1].text(), "11 آذار 2024");
    assert_eq!(v[0].gregorian(), v[1].gregorian());
    // Without الموافق, no link.
    assert!(find_dates("1 رمضان 1445هـ و11 آذار 2024").all(|d| d.linked().is_none()));
}

#[test]
fn hijri_outside_table_has_no_gregorian() {
    // After a month name, هـ makes a year of any length (the Umm al-Qura table starts
    // in 1300).
    let d = find_dates("في 10 محرم 61 هـ").next().unwrap();
    assert_eq!(
        (d.text(), d.value().to_string()),
        ("10 محرم 61 هـ", "0061-01-10".into())
    );
    assert_eq!(d.calendar(), CalendarKind::Hijri);
    assert_eq!(d.gregorian(), None);
    let d = find_dates("في صفر 7هـ").next().unwrap();
    assert_eq!(
        (d.text(), d.value().to_string()),
        ("صفر 7هـ", "0007-02".into())
    );
    // Without a month name, two digits and a one-letter mark are not a year.
    assert_eq!(find_dates("وقعت 61 هـ").count(), 0);
    let d = find_dates("في 10 محرم 1600هـ").next().unwrap();
    assert_eq!(d.value().to_string(), "1600-01-10");
    assert_eq!(d.gregorian(), None);
}

#[test]
fn anchor_resolution() {
    let anchor = GregorianDate::new(2024, 2, 11).unwrap();
    let f = DateFinder::builder().anchor(anchor).build();
    let resolved = |t: &str| -> Vec<String> {
        f.find_iter(t)
            .map(|d| d.resolved().unwrap().to_string())
            .collect()
    };
    assert_eq!(resolved("25 يناير الماضي"), ["2024-01-25"]);
    assert_eq!(resolved("11 فبراير الماضي"), ["2023-02-11"]);
    assert_eq!(resolved("12 فبراير الماضي"), ["2023-02-12"]);
    assert_eq!(resolved("10 فبراير المقبل"), ["2025-02-10"]);
    assert_eq!(resolved("25 يناير المقبل"), ["2025-01-25"]);
    assert_eq!(resolved("في مايو"), ["2024-05"]);
    assert_eq!(resolved("في 2014/3/1"), ["2014-03-01"]);
    // 2024-02-11 is 1 Shaaban 1445: رمضان المقبل is 1445-09, رجب الماضي 1445-07.
    assert_eq!(resolved("شهر رمضان المقبل"), ["1445-09"]);
    assert_eq!(resolved("شهر رجب الماضي"), ["1445-07"]);
    // Sunday 11 February 2024.
    assert_eq!(resolved("الأحد الماضي"), ["2024-02-04"]);
    assert_eq!(resolved("الأحد المقبل"), ["2024-02-18"]);
    assert_eq!(resolved("يوم الأحد"), ["2024-02-11"]);
    assert_eq!(resolved("يوم السبت"), ["2024-02-10"]);
    assert_eq!(resolved("الاثنين المقبل"), ["2024-02-12"]);
    // Without anchor nothing is resolved.
    assert!(find_dates("25 يناير الماضي").all(|d| d.resolved().is_none()));
}

#[test]
fn resolution_never_makes_a_day_that_does_not_exist() {
    let resolve = |anchor: (i32, u8, u8), text: &str| -> Result<String, DateError> {
        let anchor = GregorianDate::new(anchor.0, anchor.1, anchor.2).unwrap();
        let f = DateFinder::builder().anchor(anchor).build();
        let d = f.find_iter(text).next().expect(text);
        assert!(d.resolved().is_some() != d.unresolved().is_some(), "{text}");
        d.resolved()
            .map(|v| v.to_string())
            .ok_or_else(|| d.unresolved().unwrap().clone())
    };
    // 2023 is a common year; 2020 and 2024 are the leap years on either side.
    let june_2023 = (2023, 6, 1);
    assert_eq!(
        resolve(june_2023, "في 29 فبراير").unwrap_err().to_string(),
        "invalid Gregorian date 2023-02-29: February 2023 has 28 days"
    );
    assert_eq!(
        resolve(june_2023, "في 29 فبراير الماضي").unwrap(),
        "2020-02-29"
    );
    assert_eq!(
        resolve(june_2023, "في 29 فبراير المقبل").unwrap(),
        "2024-02-29"
    );
    // 1900 was not a leap year: from 1903 the last 29 February was in 1896.
    assert_eq!(
        resolve((1903, 1, 1), "في 29 فبراير الماضي").unwrap(),
        "1896-02-29"
    );
    // 1924-08-01 is 1 Muharram 1343; in the Umm al-Qura table Ramadan 1343 has 28 days,
    // Ramadan 1344 has 30, and 1342 is before the table.
    let muharram_1343 = (1924, 8, 1);
    assert_eq!(
        resolve(muharram_1343, "في 30 رمضان")
            .unwrap_err()
            .to_string(),
        "invalid Hijri date 1343-09-30: month 9 of 1343 has 28 days in the umm-al-qura calendar"
    );
    assert_eq!(
        resolve(muharram_1343, "في 30 رمضان المقبل").unwrap(),
        "1344-09-30"
    );
    assert!(resolve(muharram_1343, "في 30 رمضان الماضي")
        .unwrap_err()
        .is_out_of_range());
    assert!(resolve(muharram_1343, "في 29 رمضان").is_err());
    assert_eq!(resolve(muharram_1343, "في 28 رمضان").unwrap(), "1343-09-28");
    // The ends of the Gregorian range: no year 0, no year 10000.
    for (anchor, text) in [
        ((1, 1, 1), "في 25 يناير الماضي"),
        ((1, 1, 1), "في ديسمبر الماضي"),
        ((1, 1, 1), "الأحد الماضي"), // 0001-01-01 was a Monday
        ((9999, 12, 31), "في 5 يناير المقبل"),
        ((9999, 12, 31), "في يناير المقبل"),
        ((9999, 12, 31), "الأحد المقبل"), // 9999-12-31 is a Friday
    ] {
        let err = resolve(anchor, text).unwrap_err();
        assert!(err.is_out_of_range(), "{text}: {err}");
    }
    assert_eq!(resolve((1, 1, 1), "في 25 يناير").unwrap(), "0001-01-25");
    assert_eq!(resolve((9999, 12, 31), "يوم الجمعة").unwrap(), "9999-12-31");
}

#[test]
fn the_31_day_months_of_the_umm_al_qura_table_are_found() {
    // Dhu al-Qi'dah 1348 has 31 days in the table; 1445's has 29 or 30.
    let d = find_dates("في 31 ذو القعدة 1348 هـ").next().unwrap();
    assert_eq!(d.value().to_string(), "1348-11-31");
    let h = HijriDate::new(HijriCalendar::UmmAlQura, 1348, 11, 31).unwrap();
    assert_eq!(d.gregorian(), Some(h.to_gregorian()));
    let d = find_dates("في 31 ذو القعدة 1445 هـ").next().unwrap();
    assert_eq!(d.text(), "ذو القعدة 1445 هـ");
}

#[test]
fn edge_inputs_do_not_panic() {
    for text in [
        "",
        "\0",
        "99999999999999999999/99/99",
        "1/1/0000",
        "0/0/2020",
        "هـ",
        "2024م",
        "من",
        "بين 5 و",
        "الحادي عشر من",
        "11 /",
        "١١ / ",
        "29/2/2023",
        "\u{0640}\u{0640}",
    ] {
        for d in find_dates(text) {
            assert_eq!(&text[d.span()], d.text());
        }
    }
    assert_eq!(found("29/2/2024").len(), 1);
    assert_eq!(found("29/2/2023").len(), 0);
    assert_eq!(found("1/1/0000").len(), 0);
    // An impossible day is not part of the date; the month and year still are.
    assert_eq!(
        found("كان ذلك في 31 فبراير 2024"),
        [(
            "فبراير 2024".to_string(),
            "month-year",
            G,
            "2024-02".to_string()
        )]
    );
}

#[test]
fn long_runs_stay_linear_and_shallow() {
    // A run of weekdays once recursed weekday -> date after it -> weekday ... and overflowed
    // the stack.
    let weekdays = "الأحد ".repeat(50_000);
    assert_eq!(find_dates(&weekdays).count(), 50_000);
    for unit in ["1/", "من 7 ", "مارس ", "11 فبراير/"] {
        let text = unit.repeat(20_000);
        for d in find_dates(&text) {
            assert_eq!(&text[d.span()], d.text());
        }
    }
}

#[test]
fn stray_marks_belong_to_the_word_they_start() {
    // (text, span, value); offsets by hand: two bytes per Arabic letter and per mark.
    let cases: [(&str, Range<usize>, &str); 8] = [
        // A mark alone between spaces is a word of its own, not part of the date.
        ("في \u{0654} 11 فبراير 2024", 8..28, "2024-02-11"),
        ("وصل يوم \u{0654}11 فبراير 2024", 14..36, "2024-02-11"),
        ("في \u{0654}فبراير 2024", 5..24, "2024-02"),
        ("في 11 \u{0654}فبراير 2024", 5..27, "2024-02-11"),
        ("يوم \u{0653}الأحد 11 فبراير 2024", 7..40, "2024-02-11"),
        ("أ\n\u{0655}الأحد 11 فبراير 2024", 3..36, "2024-02-11"),
        (
            "في \u{0301}11 \u{0301}فبراير \u{0301}2024",
            5..31,
            "2024-02-11",
        ),
        ("عام \u{0654}2014", 0..13, "2014"),
    ];
    for (text, span, value) in cases {
        let found: Vec<_> = find_dates(text)
            .map(|d| (d.span(), d.value().to_string()))
            .collect();
        assert_eq!(found, [(span, value.to_string())], "{text:?}");
        let alone: Vec<_> = by_line(text).into_iter().map(|(r, v, _)| (r, v)).collect();
        assert_eq!(alone, found, "{text:?}");
    }
}

#[test]
fn safe_cuts_inside_long_runs() {
    // Five digits on each side of a cut, forty letters.
    let digits = "٠١٢٣٤٥٦٧٨٩";
    assert_eq!(last_safe_cut(&digits[..18]), 0);
    assert_eq!(last_safe_cut(digits), 10);
    assert_eq!(last_safe_cut(&format!("{digits}1234")), 18);
    let word = "كلمة".repeat(20);
    assert_eq!(last_safe_cut(&word[..158]), 0);
    assert_eq!(last_safe_cut(&word), 80);
    // Marks on the letters do not count and do not end the run.
    let marked = "كَلِمَة".repeat(20);
    assert_eq!(last_safe_cut(&marked), marked.len() / 2);
    // Anything else ends a run: whitespace, punctuation, a mark after a digit.
    assert_eq!(
        last_safe_cut(&format!("{} {}", &word[..100], &word[..100])),
        0
    );
    assert_eq!(last_safe_cut("12345\u{0654}67890"), 0);
    // A line break is a cut, and a later one inside a run wins.
    assert_eq!(last_safe_cut("11 فبراير\n2024"), 16);
    assert_eq!(last_safe_cut(&format!("11 فبراير\n{digits}")), 26);
    for cuts in [
        format!("في 11 فبراير {digits}{digits} 2024"),
        format!("عام{}{word}", "٢٠٢٤"),
        format!("{word}فبراير 2024"),
    ] {
        for n in 0..=cuts.len() {
            check_cut(&cuts, n).unwrap();
        }
    }
}

#[test]
fn no_date_word_is_as_long_as_a_run_that_may_be_cut() {
    // With proclitics (وبال ...) and a margin, far from the letters a cut needs.
    let longest = lexicon()
        .iter()
        .flat_map(|e| e.spelling().split_whitespace())
        .map(|w| w.chars().count())
        .max()
        .unwrap();
    assert!(longest + 8 < crate::find::CUT_LETTERS, "{longest}");
}

#[test]
fn a_date_never_crosses_a_line_break() {
    // The stream cuts at line breaks: a two-word month name across one is not a month.
    let text = "وصل في كانون\nالثاني 2024، وفي كانون الثاني 2024";
    let found: Vec<_> = find_dates(text).map(|d| d.text()).collect();
    assert_eq!(found, ["كانون الثاني 2024"]);
    let alone: Vec<_> = by_line(text)
        .into_iter()
        .map(|(r, _, _)| &text[r])
        .collect();
    assert_eq!(alone, found);
    // Stray marks beside a line break: each line is found as it is alone (the matcher's
    // span of a name after them once reached back across the break, or beyond the name).
    for (text, dates) in [
        (
            "في \u{0653}\n\u{0653}فبراير 2024",
            &["\u{0653}فبراير 2024"][..],
        ),
        (
            "x\u{0653}\n\u{0653}وبفبراير 2024",
            &["\u{0653}وبفبراير 2024"],
        ),
        ("في فبراير\u{0653}\n\u{0653}هـ 1", &["فبراير\u{0653}"]),
        (
            "وفبراير\u{064E}\n\u{0653}هـ/ 1\n\u{0654}وفبراير 2024",
            &["وفبراير\u{064E}", "\u{0654}وفبراير 2024"],
        ),
        ("يوم \u{0653}الأحد\u{0653} ", &["\u{0653}الأحد\u{0653}"]),
    ] {
        let found: Vec<_> = find_dates(text).map(|d| d.text()).collect();
        assert_eq!(found, dates, "{text:?}");
        let alone: Vec<_> = by_line(text)
            .into_iter()
            .map(|(r, _, _)| &text[r])
            .collect();
        assert_eq!(alone, found, "{text:?}");
    }
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let mut last = 0;
    for d in find_dates(text) {
        prop_assert!(d.start() >= last && d.start() < d.end() && d.end() <= text.len());
        prop_assert!(text.is_char_boundary(d.start()) && text.is_char_boundary(d.end()));
        prop_assert_eq!(&text[d.span()], d.text());
        prop_assert!(!d.text().starts_with(char::is_whitespace), "{:?}", d.text());
        if let Some(l) = d.linked() {
            prop_assert!(l.end <= text.len() && text.is_char_boundary(l.start));
        }
        last = d.end();
    }
    Ok(())
}

const FRAGMENTS: &[&str] = &[
    " ",
    " ",
    "/",
    "-",
    ".",
    "(",
    ")",
    "،",
    "\u{200F}",
    "\u{0640}",
    "\u{064E}",
    "5",
    "11",
    "2024",
    "1445",
    "٢٠٢٤",
    "۱۱",
    "هـ",
    "م",
    "ق.م",
    "فبراير",
    "شباط",
    "آب",
    "أب",
    "مارس",
    "رمضان",
    "صفر",
    "الأحد",
    "الجمعة",
    "الماضي",
    "المقبل",
    "الموافق",
    "عام",
    "منذ",
    "حتى",
    "من",
    "إلى",
    "بين",
    "و",
    "شهر",
    "الحادي عشر",
    "غرة",
    "كتاب",
    "في",
    "x",
    "\n",
    "كانون",
    "الثاني",
    // The words of relative dates (issue 14).
    "أمس",
    "اليوم",
    "غدا",
    "أول",
    "غد",
    "بعد",
    "قبل",
    "خلال",
    "أيام",
    "يومين",
    "أشهر",
    "سنوات",
    "الأسبوع",
    "السنة",
    "الماضية",
    "هذا",
    "ثلاثة",
    "الآن",
    // Marks with no base letter when they follow whitespace.
    "\u{0653}",
    "\u{0654}",
    "\u{0655}",
    "\u{0301}",
];

fn fragment_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..FRAGMENTS.len(), 0..40)
        .prop_map(|v| v.into_iter().map(|i| FRAGMENTS[i]).collect())
}

/// Marks inserted after Arabic letters only (never inside a digit run).
fn inject(text: &str, picks: &[(usize, usize)]) -> String {
    const MARKS: [char; 5] = ['\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0640}'];
    let mut out = String::new();
    let letters: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| ('\u{0621}'..='\u{064A}').contains(&c) && c != '\u{0640}')
        .map(|(i, _)| i)
        .collect();
    let mut chosen: Vec<(usize, char)> = picks
        .iter()
        .filter(|_| !letters.is_empty())
        .map(|&(p, m)| (letters[p % letters.len()], MARKS[m % MARKS.len()]))
        .collect();
    chosen.sort();
    let mut j = 0;
    for (i, c) in text.char_indices() {
        out.push(c);
        while j < chosen.len() && chosen[j].0 == i {
            out.push(chosen[j].1);
            j += 1;
        }
    }
    out
}

fn signature(text: &str) -> Vec<(DateKind, CalendarKind, String, Option<Weekday>, bool)> {
    find_dates(text)
        .map(|d| {
            (
                d.kind(),
                d.calendar(),
                d.value().to_string(),
                d.weekday(),
                d.linked().is_some(),
            )
        })
        .collect()
}

/// Every expression with its span, value and link, lines found one at a time and shifted
/// to the offsets of the whole text.
fn by_line(text: &str) -> Vec<(Range<usize>, String, Option<Range<usize>>)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let shift = |r: Range<usize>| r.start + offset..r.end + offset;
        found.extend(
            find_dates(line)
                .map(|d| (shift(d.span()), value_and_offset(&d), d.linked().map(shift))),
        );
        offset += line.len();
    }
    found
}

/// Every expression with its span, value and link.
fn all_found(text: &str) -> Vec<(Range<usize>, String, Option<Range<usize>>)> {
    find_dates(text)
        .map(|d| (d.span(), value_and_offset(&d), d.linked()))
        .collect()
}

/// The value, and the offset of a relative date.
fn value_and_offset(d: &DateMatch<'_>) -> String {
    match d.offset() {
        Some(o) => format!("{} {o}", d.value()),
        None => d.value().to_string(),
    }
}

/// Fragments with runs just long enough, or just too short, to cut inside.
const RUNS: &[&str] = &[
    "٠١٢٣٤",
    "56789",
    "2024",
    "1",
    "كتب",
    "وفبراير",
    "الموافق",
    "عام",
    "هـ",
    "\u{064E}",
    "\u{0654}",
    "abcdefghij",
    "حضرموت",
    "/",
    " ",
    "\n",
    "11 فبراير",
    " 2024م",
    "منذ 3 أيام",
    "قبل",
    "يومين",
    "العام",
    " الماضي",
    "أمس",
];

fn run_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => (0..RUNS.len()).prop_map(|i| RUNS[i].to_string()),
            1 => (0..FRAGMENTS.len()).prop_map(|i| FRAGMENTS[i].to_string()),
        ],
        0..120,
    )
    .prop_map(|v| v.concat())
}

/// Finding dates in `text` cut at `last_safe_cut` of its first `n` bytes, as a stream does.
fn check_cut(text: &str, n: usize) -> Result<(), TestCaseError> {
    let mut n = n % (text.len() + 1);
    while !text.is_char_boundary(n) {
        n -= 1;
    }
    let k = last_safe_cut(&text[..n]);
    prop_assert!(k <= n && text.is_char_boundary(k));
    if k == 0 {
        return Ok(());
    }
    let shift = |r: Range<usize>| r.start + k..r.end + k;
    let mut parts = all_found(&text[..k]);
    parts.extend(
        all_found(&text[k..])
            .into_iter()
            .map(|(r, v, l)| (shift(r), v, l.map(shift))),
    );
    prop_assert_eq!(all_found(text), parts, "cut at {} of {:?}", k, text);
    Ok(())
}

/// A date `f` wrote, in presentation forms (text from PDF files; with `lam_alef`, لا as
/// one ligature), era mark included: found in a sentence as one date with `value`, and
/// read back by `f`.
fn found_in_presentation_forms(
    f: &DateFormatter,
    written: &str,
    lam_alef: bool,
    value: &str,
) -> Result<(), TestCaseError> {
    let shown = nass_tests::presentation_forms(written, lam_alef);
    let text = format!("صدر يوم {shown}.");
    let v: Vec<_> = find_dates(&text).collect();
    prop_assert_eq!(v.len(), 1, "{}", text);
    prop_assert_eq!(v[0].text(), shown.as_str());
    prop_assert_eq!(v[0].value().to_string(), value);
    prop_assert_eq!(
        f.parse(&shown).map(|d| d.to_string()),
        Ok(value.to_string())
    );
    Ok(())
}

proptest! {
    /// A cut `last_safe_cut` allows changes nothing, whatever follows.
    #[test]
    fn a_safe_cut_changes_nothing(text in run_text(), n in any::<usize>()) {
        check_cut(&text, n)?;
    }

    #[test]
    fn spans_slice_generated_text(text in fragment_text()) {
        check_spans(&text)?;
    }

    /// What `nass dates` relies on to cut at line breaks: an expression never crosses one,
    /// and nothing before a line break changes what is found after it (a stray mark after
    /// a line break belongs to the next word, not to the break).
    #[test]
    fn lines_are_found_alike_alone_and_together(text in fragment_text()) {
        let whole = all_found(&text);
        prop_assert_eq!(whole, by_line(&text), "{:?}", text);
    }

    #[test]
    fn spans_slice_arbitrary_text(text in "\\PC{0,60}") {
        check_spans(&text)?;
    }

    /// Whatever the anchor (its JDN) and the day and month, a resolved day exists in its calendar
    /// and lies on the side of the anchor the relative word says; a value left unresolved
    /// says why.
    #[test]
    fn a_resolved_day_always_exists(
        jdn in prop_oneof![
            Just(MIN_JDN),
            Just(MAX_JDN),
            MIN_JDN..=MAX_JDN,
            // Near the ends of the Umm al-Qura table (1924-08-01 is JDN 2 423 999,
            // 2077-11-16 is 2 479 989), and in it.
            2_423_500i32..2_424_500,
            2_479_500i32..2_480_500,
            2_424_000i32..2_479_989,
        ],
        day in 1u8..=31,
        month in 1u8..=12,
        hijri in any::<bool>(),
        relative in 0usize..3,
        calendar in prop_oneof![
            Just(HijriCalendar::UmmAlQura),
            Just(HijriCalendar::Tabular(TabularCalendar::CIVIL)),
        ],
    ) {
        let anchor = GregorianDate::from_jdn(jdn).unwrap();
        let system = if hijri { NamingSystem::Hijri } else { NamingSystem::Latin };
        let name = system.month_name(month).unwrap();
        let word = ["", " الماضي", " المقبل"][relative];
        let text = format!("في {day} {name}{word}");
        let f = DateFinder::builder().anchor(anchor).hijri_calendar(calendar).build();
        for d in f.find_iter(&text) {
            prop_assert!(d.resolved().is_some() != d.unresolved().is_some(), "{}", text);
            let Some(v) = d.resolved() else { continue };
            let (y, m) = (v.year().unwrap(), v.month().unwrap());
            let Some(dd) = v.day() else {
                continue;
            };
            let g = match d.calendar() {
                CalendarKind::Gregorian => GregorianDate::new(y, m, dd),
                CalendarKind::Hijri => HijriDate::new(calendar, y as u16, m, dd).map(|h| h.to_gregorian()),
            };
            prop_assert!(g.is_ok(), "{} at {}: {} {:?}", text, anchor, v, g);
            let g = g.unwrap();
            match relative {
                1 => prop_assert!(g < anchor, "{} at {}: {}", text, anchor, v),
                2 => prop_assert!(g > anchor, "{} at {}: {}", text, anchor, v),
                _ => {}
            }
        }
    }

    #[test]
    fn diacritics_and_tatweel_change_nothing(
        i in 0..POSITIVE.len(),
        picks in proptest::collection::vec((0usize..1000, 0usize..5), 0..6),
    ) {
        let text = POSITIVE[i].0;
        let marked = inject(text, &picks);
        check_spans(&marked)?;
        prop_assert_eq!(signature(&marked), signature(text), "{:?}", marked);
    }

    #[test]
    fn formatted_gregorian_dates_are_found(
        year in 1000i32..=2999,
        month in 1u8..=12,
        day in 1u8..=31,
        system in 1usize..7,
        digits in 0usize..3,
        era: bool,
    ) {
        prop_assume!(day <= gregorian_month_length(year, month));
        let date = GregorianDate::new(year, month, day).unwrap();
        let f = DateFormatter::builder()
            .months(NamingSystem::ALL[system])
            .digits(DigitSet::ALL[digits])
            .gregorian_era(era)
            .build();
        let written = f.format_gregorian(date);
        let text = format!("وقع ذلك في {written} كما قيل");
        let v: Vec<_> = find_dates(&text).collect();
        prop_assert_eq!(v.len(), 1, "{}", text);
        prop_assert_eq!(v[0].text(), written.as_str());
        prop_assert_eq!(v[0].value().to_string(), date.to_string());
        prop_assert_eq!(v[0].gregorian(), Some(date));
        found_in_presentation_forms(&f, &written, era, &date.to_string())?;
        // The numeric form too.
        let d = DigitSet::ALL[digits];
        let conv = |s: String| nass_numerals::convert_digits(&s, d).into_owned();
        let numeric = conv(format!("{}/{}/{}", day, month, year));
        let v: Vec<_> = find_dates(&numeric).collect();
        prop_assert_eq!(v.len(), 1, "{}", numeric);
        prop_assert_eq!(v[0].value().to_string(), date.to_string());
    }

    #[test]
    fn formatted_hijri_dates_are_found(
        jdn in HijriCalendar::UmmAlQura.range().0.jdn()..=HijriCalendar::UmmAlQura.range().1.jdn(),
        digits in 0usize..3,
        lam_alef: bool,
    ) {
        let h = HijriDate::from_jdn(HijriCalendar::UmmAlQura, jdn).unwrap();
        let f = DateFormatter::builder().digits(DigitSet::ALL[digits]).build();
        let written = f.format_hijri(h);
        let text = format!("صدر يوم {written}.");
        let v: Vec<_> = find_dates(&text).collect();
        prop_assert_eq!(v.len(), 1, "{}", text);
        prop_assert_eq!(v[0].text(), written.as_str());
        prop_assert_eq!(v[0].calendar(), CalendarKind::Hijri);
        prop_assert_eq!(v[0].value().to_string(), h.to_string());
        prop_assert_eq!(v[0].gregorian(), Some(h.to_gregorian()));
        found_in_presentation_forms(&f, &written, lam_alef, &h.to_string())?;
    }
}

#[test]
fn corpus_lines_spans_and_marks() {
    let Some(lines) = nass_tests::corpus_lines() else {
        return;
    };
    assert!(!lines.is_empty());
    for line in &lines {
        check_spans(line).unwrap();
        // Tatweel after every Arabic letter changes no value.
        let marked = inject(line, &(0..line.len()).map(|i| (i, 4)).collect::<Vec<_>>());
        assert_eq!(signature(&marked), signature(line), "{line}");
    }
}

#[test]
fn corpus_dates() {
    let Some(text) = nass_tests::corpus_text() else {
        return;
    };
    let got: Vec<(String, String)> = find_dates(&text)
        .filter(|d| d.kind() != DateKind::Weekday)
        .map(|d| (d.text().to_string(), d.value().to_string()))
        .collect();
    // Read off the articles by hand: every full date, range and year the text states.
    for (surface, value) in [
        ("الأحد 11 فبراير/شباط 2024", "2024-02-11"),
        ("السبت 5/ 6/ 2021", "2021-06-05"),
        ("7-8 أغسطس/ آب 2023", "2023-08-07/2023-08-08"),
        ("25 يناير/ كانون الثاني الماضي", "--01-25"),
        ("كانون الثاني/يناير", "--01"),
        ("عام 2014", "2014"),
        ("عام 2011", "2011"),
        ("عام 2020", "2020"),
        ("العام 2014", "2014"),
    ] {
        assert!(
            got.iter().any(|(s, v)| s == surface && v == value),
            "{surface} {value} not in {got:?}"
        );
    }
    let full = find_dates(&text)
        .filter(|d| d.kind() == DateKind::Date)
        .count();
    assert_eq!(full, 2);
}

/// Every public type of the finder and the lexicon can be shared between threads and
/// survives a caught panic.
#[test]
fn public_types_are_send_sync_and_unwind_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    check::<DateFinder>();
    check::<DateFinderBuilder>();
    check::<DateKind>();
    check::<DateValue>();
    check::<DateMatch<'static>>();
    check::<DateMatches<'static>>();
    check::<DateWordMatch<'static>>();
    check::<DateWord>();
    check::<LexiconEntry>();
    check::<MonthName>();
    check::<RelativeWord>();
    check::<RelativeOffset>();
    check::<RelativeUnit>();
    check::<DatePart>();
}

/// Two years after the dual of a year word, joined by و: both are years (issue 14's
/// "dates with their year further on", as news writes ranges of years).
#[test]
fn two_years_after_a_dual_year_word() {
    let year = |s: &str, v: &str| (s.to_string(), "year", G, v.to_string());
    assert_eq!(
        found("تضاعف عدد السكان بين عامي 2010 و2015 في المدينة"),
        [year("عامي 2010", "2010"), year("2015", "2015")]
    );
    assert_eq!(
        found("في العامين 2019 و 2020 تراجع النمو"),
        [year("العامين 2019", "2019"), year("2020", "2020")]
    );
    assert_eq!(
        found("بين سنتي ١٩٩٠ و١٩٩١"),
        [year("سنتي ١٩٩٠", "1990"), year("١٩٩١", "1991")]
    );
    // After the singular, a number after و is no year; nor a count after the dual.
    assert_eq!(found("عام 2010 و2015"), [year("عام 2010", "2010")]);
    assert_eq!(found("بين عامي 2010 و15 شهرا"), [year("عامي 2010", "2010")]);
}

/// A year written in words after عام or سنة, as speech and its transcripts write it.
#[test]
fn years_in_words_after_a_year_word() {
    let one = |text: &str, surface: &str, calendar: &'static str, value: &str| {
        assert_eq!(
            found(text),
            [(surface.to_string(), "year", calendar, value.to_string())],
            "in {text:?}"
        );
    };
    one(
        "في عام ألفين وعشرين انتشر الوباء",
        "عام ألفين وعشرين",
        G,
        "2020",
    );
    one(
        "ولد الشاعر سنة ألف وتسعمائة وتسعين في حلب",
        "سنة ألف وتسعمائة وتسعين",
        G,
        "1990",
    );
    one(
        "وفي عام ألفين وخمسة عشر عاد",
        "عام ألفين وخمسة عشر",
        G,
        "2015",
    );
    one(
        "توفي عام ألف وأربعمائة وخمسة وأربعين هـ",
        "عام ألف وأربعمائة وخمسة وأربعين هـ",
        H,
        "1445",
    );
    one(
        "بني القصر سنة ألف وخمسمائة للميلاد",
        "سنة ألف وخمسمائة للميلاد",
        G,
        "1500",
    );
    // Before the year 2000, not a year ago.
    one("قبل عام ألفين كان الوضع مختلفا", "عام ألفين", G, "2000");
    // A count of years, or a number outside 1000..=2999, is no year in words.
    assert!(found("عام خمسين").is_empty());
    assert!(found("عام ثلاثة آلاف").is_empty());
    assert_eq!(found("بعد عام واحد")[0].1, "relative");
}

/// An era mark is read in presentation forms (ﻫـ is هـ), but not out of a ligature whose
/// letters go on past it: ﱑ is هج, not the mark ه.
#[test]
fn era_marks_in_presentation_forms_and_ligatures() {
    let v: Vec<_> = find_dates("ولد عام 1445 \u{FEEB}ـ في مكة").collect();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].text(), "عام 1445 \u{FEEB}ـ");
    assert_eq!(v[0].calendar(), CalendarKind::Hijri);
    let v: Vec<_> = find_dates("ولد عام 1445 \u{FC51} في مكة").collect();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].text(), "عام 1445");
    assert_eq!(v[0].calendar(), CalendarKind::Gregorian);
}
