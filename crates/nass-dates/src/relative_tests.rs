//! Relative dates (issue 14): tables of sentences written for these tests, every offset
//! and resolved value worked out by hand against the anchor Sunday 11 February 2024
//! (1 Sha'ban 1445 in the Umm al-Qura calendar; ISO week 2024-W06 runs from Monday 5 to
//! Sunday 11 February), negative sentences, and properties.

use proptest::prelude::*;

use crate::*;
use nass_calendar::{MAX_JDN, MIN_JDN};
use nass_numerals::{number_to_words, Case, Gender};

/// The anchor of the tables: Sunday 11 February 2024.
fn anchor() -> GregorianDate {
    GregorianDate::new(2024, 2, 11).unwrap()
}

/// (sentence, surface, offset ("" for a vague count), direction, resolved at the anchor
/// ("" when the text gives no day, week, month or year)).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const RELATIVE: &[Row] = &[
    // Day words.
    ("وصل الوزير اليوم إلى الرياض", "اليوم", "P0D", "current", "2024-02-11"),
    ("غادر أمس مساء", "أمس", "-P1D", "past", "2024-02-10"),
    ("عاد البارحة من السفر", "البارحة", "-P1D", "past", "2024-02-10"),
    ("وقع الحادث أول أمس", "أول أمس", "-P2D", "past", "2024-02-09"),
    ("اتصل به أول من أمس", "أول من أمس", "-P2D", "past", "2024-02-09"),
    ("سيصل غداً إلى القاهرة", "غداً", "P1D", "next", "2024-02-12"),
    ("تبدأ الامتحانات بعد غد", "بعد غد", "P2D", "next", "2024-02-13"),
    ("وبالأمس أعلنت الوزارة النتائج", "وبالأمس", "-P1D", "past", "2024-02-10"),
    ("وأعلنت أمس السبت عن خطتها", "أمس السبت", "-P1D", "past", "2024-02-10"),
    ("سيزورنا وغدا نلتقي", "وغدا", "P1D", "next", "2024-02-12"),
    // Counted spans: digits, words, duals, singulars, vague counts.
    ("توقف القتال منذ 3 أيام", "منذ 3 أيام", "-P3D", "past", "2024-02-08"),
    ("التقيا قبل يومين في جدة", "قبل يومين", "-P2D", "past", "2024-02-09"),
    // 11 + 14 days = Sunday 25 February, the last day of ISO week 8.
    ("تنتهي المهلة بعد أسبوعين", "بعد أسبوعين", "P2W", "next", "2024-W08"),
    ("افتتح المصنع منذ ثلاثة أشهر", "منذ ثلاثة أشهر", "-P3M", "past", "2023-11"),
    // The construct dual before its unit: two thousand (2024 - 2000 = 24; 2000 days on
    // from 2024-02-11 is 2029-08-03).
    ("بنيت المدينة قبل ألفي عام", "قبل ألفي عام", "-P2000Y", "past", "0024"),
    ("سيكتمل المشروع بعد ألفي يوم", "بعد ألفي يوم", "P2000D", "next", "2029-08-03"),
    ("تزوجا قبل عامين", "قبل عامين", "-P2Y", "past", "2022"),
    ("سيتقاعد بعد خمس سنوات", "بعد خمس سنوات", "P5Y", "next", "2029"),
    ("غادر البلاد منذ 11 شهرا", "منذ 11 شهرا", "-P11M", "past", "2023-03"),
    ("ولد قبل ٢٥ عاماً", "قبل ٢٥ عاماً", "-P25Y", "past", "1999"),
    // 11 February − 25 days = 17 January.
    ("وقبل خمسة وعشرين يوما وقع الزلزال", "وقبل خمسة وعشرين يوما", "-P25D", "past", "2024-01-17"),
    ("تخرج قبل عام واحد", "قبل عام واحد", "-P1Y", "past", "2023"),
    ("عاد منذ شهر", "منذ شهر", "-P1M", "past", "2024-01"),
    // An approximate count is read as the count.
    ("افتتح منذ نحو 3 أشهر", "منذ نحو 3 أشهر", "-P3M", "past", "2023-11"),
    ("هاجر قبل حوالي عشرين عاما", "قبل حوالي عشرين عاما", "-P20Y", "past", "2004"),
    ("سافر قبل سنتين", "قبل سنتين", "-P2Y", "past", "2022"),
    ("سيعود بعد شهرين", "بعد شهرين", "P2M", "next", "2024-04"),
    ("التحق بالجامعة منذ أربعة أسابيع", "منذ أربعة أسابيع", "-P4W", "past", "2024-W02"),
    // 11 + 21 days = Sunday 3 March, the last day of ISO week 9.
    ("تجري الانتخابات بعد ثلاثة أسابيع من الآن", "بعد ثلاثة أسابيع من الآن", "P3W", "next", "2024-W09"),
    ("يكتمل البناء خلال ثلاثة أشهر", "خلال ثلاثة أشهر", "P0M/P3M", "next", "2024-02/2024-05"),
    ("تعلن النتائج في غضون 10 أيام", "في غضون 10 أيام", "P0D/P10D", "next", "2024-02-11/2024-02-21"),
    // A span across a month end: 11 February + 20 days = 2 March (2024 is a leap year).
    ("يصل خلال 20 يوما", "خلال 20 يوما", "P0D/P20D", "next", "2024-02-11/2024-03-02"),
    ("بدأ الإضراب منذ ساعات", "منذ ساعات", "", "past", ""),
    ("هاجر منذ سنوات طويلة", "منذ سنوات", "", "past", ""),
    ("رحل منذ بضعة أشهر", "منذ بضعة أشهر", "", "past", ""),
    ("سيعلن القرار بعد أيام", "بعد أيام", "", "next", ""),
    // Hours and minutes: an offset, but the anchor is a day: no resolved value.
    ("انتهى الاجتماع قبل 3 ساعات", "قبل 3 ساعات", "-PT3H", "past", ""),
    ("وصل قبل عشرين دقيقة", "قبل عشرين دقيقة", "-PT20M", "past", ""),
    ("يبدأ بعد ساعتين", "بعد ساعتين", "PT2H", "next", ""),
    // A half or a quarter after the unit: the next smaller unit where that is whole
    // (18 months before February 2024 is August 2022; 2 days and a half are 60 hours),
    // else a vague count.
    ("انتقل إلى المدينة منذ عام ونصف", "منذ عام ونصف", "-P18M", "past", "2022-08"),
    ("تخرج قبل عامين ونصف", "قبل عامين ونصف", "-P30M", "past", "2021-08"),
    ("انتهى الاجتماع قبل ساعة وربع", "قبل ساعة وربع", "-PT75M", "past", ""),
    ("يصل بعد يومين ونصف", "بعد يومين ونصف", "PT60H", "next", ""),
    ("توقف العمل منذ شهر ونصف", "منذ شهر ونصف", "", "past", ""),
    // Named periods, with agreement; قبل الماضي and بعد المقبل; هذا / هذه.
    ("ارتفعت الأسعار العام الماضي", "العام الماضي", "-P1Y", "past", "2023"),
    ("صدر القرار الشهر الماضي", "الشهر الماضي", "-P1M", "past", "2024-01"),
    // 11 − 7 = Sunday 4 February, the last day of ISO week 5.
    ("التقيا الأسبوع الماضي", "الأسبوع الماضي", "-P1W", "past", "2024-W05"),
    ("تبدأ البطولة السنة المقبلة", "السنة المقبلة", "P1Y", "next", "2025"),
    ("يزور الرياض الشهر المقبل", "الشهر المقبل", "P1M", "next", "2024-03"),
    ("تنتهي الأعمال الأسبوع القادم", "الأسبوع القادم", "P1W", "next", "2024-W07"),
    ("تراجع النمو خلال العام الجاري", "العام الجاري", "P0Y", "current", "2024"),
    ("ارتفع الإنتاج في الشهر الحالي", "الشهر الحالي", "P0M", "current", "2024-02"),
    ("كانت السنة الماضية صعبة", "السنة الماضية", "-P1Y", "past", "2023"),
    ("أغلق العام المنصرم بخسارة", "العام المنصرم", "-P1Y", "past", "2023"),
    ("ستقام السنة القادمة", "السنة القادمة", "P1Y", "next", "2025"),
    ("فاز بالبطولة العام قبل الماضي", "العام قبل الماضي", "-P2Y", "past", "2022"),
    ("يعود الشهر بعد المقبل", "الشهر بعد المقبل", "P2M", "next", "2024-04"),
    ("نلتقي الأسبوع بعد القادم", "الأسبوع بعد القادم", "P2W", "next", "2024-W08"),
    ("ينتهي المشروع هذا العام", "هذا العام", "P0Y", "current", "2024"),
    ("تضاعف العدد في هذه السنة", "هذه السنة", "P0Y", "current", "2024"),
    ("أرقام أعلى من أرقام للعام الماضي", "للعام الماضي", "-P1Y", "past", "2023"),
    ("قياسا بالشهر الماضي", "بالشهر الماضي", "-P1M", "past", "2024-01"),
    ("وفي الأسبوع المقبل", "الأسبوع المقبل", "P1W", "next", "2024-W07"),
    // The last or next few periods: plural noun and feminine adjective, or dual and dual.
    ("تحسن الطقس خلال الأيام الماضية", "الأيام الماضية", "", "past", ""),
    ("يرتفع الطلب في الأشهر الستة المقبلة", "الأشهر الستة المقبلة", "P0M/P6M", "next", "2024-02/2024-08"),
    ("تضاعف خلال العامين الماضيين", "العامين الماضيين", "-P2Y/P0Y", "past", "2022/2024"),
    ("والسنوات العشر الماضية", "والسنوات العشر الماضية", "-P10Y/P0Y", "past", "2014/2024"),
    ("في اليومين المقبلين", "اليومين المقبلين", "P0D/P2D", "next", "2024-02-11/2024-02-13"),
];

#[test]
fn relative_table() {
    let finder = DateFinder::builder().anchor(anchor()).build();
    for &(text, surface, offset, relative, resolved) in RELATIVE {
        let found: Vec<_> = finder.find_iter(text).collect();
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let d = &found[0];
        assert_eq!(d.text(), surface, "{text}");
        assert_eq!(d.kind(), DateKind::Relative, "{text}");
        assert_eq!(d.value().to_string(), "", "{text}");
        let o = d.offset().map(|o| o.to_string()).unwrap_or_default();
        assert_eq!(o, offset, "{text}");
        assert_eq!(
            d.relative().map(RelativeWord::name),
            Some(relative),
            "{text}"
        );
        let r = d.resolved().map(|v| v.to_string()).unwrap_or_default();
        assert_eq!(r, resolved, "{text}");
        assert_eq!(d.unresolved(), None, "{text}");
        // Without an anchor: the same expression, nothing resolved.
        let plain: Vec<_> = find_dates(text).collect();
        assert_eq!(plain.len(), 1, "{text}");
        assert_eq!((plain[0].span(), plain[0].offset()), (d.span(), d.offset()));
        assert_eq!(plain[0].resolved(), None, "{text}");
    }
}

/// A month or weekday named with a relative word and no day is kind `relative` (the issue's
/// named periods), its value the month or nothing (the weekday is in `weekday`), with the
/// relative word and its resolution; قبل الماضي and بعد المقبل go one more back or on.
#[test]
fn months_and_weekdays_with_relative_words() {
    let finder = DateFinder::builder().anchor(anchor()).build();
    #[rustfmt::skip]
    let rows: &[(&str, &str, &str, &str, &str)] = &[
        // 1 Sha'ban 1445: the next Ramadan is 1445-09, the last one 1444-09.
        ("يبدأ الصوم في رمضان المقبل", "رمضان المقبل", "relative", "--09", "1445-09"),
        ("صام رمضان الماضي", "رمضان الماضي", "relative", "--09", "1444-09"),
        ("في شهر رمضان المقبل", "شهر رمضان المقبل", "relative", "--09", "1445-09"),
        // Last Thursday was 8 February, the one before 1 February.
        ("وصل الخميس قبل الماضي", "الخميس قبل الماضي", "relative", "", "2024-02-01"),
        ("يصل الخميس بعد المقبل", "الخميس بعد المقبل", "relative", "", "2024-02-22"),
        ("وصل الخميس الماضي", "الخميس الماضي", "relative", "", "2024-02-08"),
        // The next March is March 2024; the one after it March 2025.
        ("تعقد القمة في مارس بعد المقبل", "مارس بعد المقبل", "relative", "--03", "2025-03"),
        ("عقدت في يناير قبل الماضي", "يناير قبل الماضي", "relative", "--01", "2023-01"),
    ];
    for &(text, surface, kind, value, resolved) in rows {
        let found: Vec<_> = finder.find_iter(text).collect();
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let d = &found[0];
        assert_eq!(
            (d.text(), d.kind().name(), d.value().to_string()),
            (surface, kind, value.to_string()),
            "{text}"
        );
        assert_eq!(d.offset(), None, "{text}");
        assert_eq!(d.resolved().unwrap().to_string(), resolved, "{text}");
    }
}

/// Sentences where a trigger word is an ordinary word: no date at all.
#[rustfmt::skip]
const NEGATIVE: &[&str] = &[
    // أمس inside longer words, and the elative أمسّ "most in need".
    "قضى أمسية جميلة مع أصدقائه",
    "أمسك اللاعب الكرة",
    "نحن في أمس الحاجة إلى الدعم",
    "وهم بأمس الحاجة للمساعدة",
    // اليوم as a named or narrative day, غدا as the verb "became".
    "نحتفل باليوم الوطني",
    "في اليوم التالي عاد إلى بيته",
    "في ذلك اليوم كان الجو ماطرا",
    "اليوم الذي وصل فيه كان ماطرا",
    "غدا الأمر صعبا على الجميع",
    "لقد غدا قرية صغيرة",
    // اليوم نفسه: the same day; يوما بعد يوم: "day after day".
    "وصل في اليوم نفسه",
    "تتزايد الأعداد يوما بعد يوم",
    "ترتفع الأسعار عاما بعد عام",
    // قبل and بعد as plain prepositions, and counts of another time than now.
    "وصل قبل الاجتماع بقليل",
    "عاد بعد الظهر",
    "سافر قبل أن يتحدث إليه",
    "انسحبت القوات بعد عامين من الحرب",
    "بعد مرور عامين على الاتفاق",
    "قبل ثلاثة أيام من الاجتماع",
    "التقيا قبل يوم الانتخابات",
    "عنده خبرة عشر سنوات",
    "عمره 15 سنة",
    // الماضي and its synonyms after a noun that is no period, or that does not agree.
    "فاز الفريق في الموسم الماضي",
    "افتتح الأسبوع الثقافي",
    "الأسبوع الماضية كانت صعبة",
    "السنة الماضي كانت صعبة",
    "قال الأمين العام الحالي",
    "والنائب العام المقبل",
    "في العام السابق",
    "أهل السنة والجماعة",
    "في الماضي كان الأمر مختلفا",
    "هذا العام الماضي",
    // Plurals and duals whose adjective does not agree, or is of the narrative.
    "في الأيام السابقة",
    "الأيام الماضي كانت صعبة",
    "العامين الماضية",
    "الأيام الثلاثة الماضيين",
];

#[test]
fn negative_table() {
    for text in NEGATIVE {
        let found: Vec<_> = find_dates(text).map(|d| d.text().to_string()).collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// The keywords take the proclitics of the shared grammar (و ف ب ك ل; ل + ال written لل).
#[test]
fn proclitics_on_the_keywords() {
    let finder = DateFinder::builder().anchor(anchor()).build();
    for (text, surface, resolved) in [
        ("وأمس", "وأمس", "2024-02-10"),
        ("فاليوم", "فاليوم", "2024-02-11"),
        ("وبعد غد", "وبعد غد", "2024-02-13"),
        ("وأول أمس", "وأول أمس", "2024-02-09"),
        ("للعام الماضي", "للعام الماضي", "2023"),
        ("وللسنة المقبلة", "وللسنة المقبلة", "2025"),
        ("كالعام الماضي", "كالعام الماضي", "2023"),
        ("ومنذ 3 أيام", "ومنذ 3 أيام", "2024-02-08"),
        ("فقبل يومين", "فقبل يومين", "2024-02-09"),
        ("وخلال يومين", "وخلال يومين", "2024-02-11/2024-02-13"),
    ] {
        let d: Vec<_> = finder.find_iter(text).collect();
        assert_eq!(d.len(), 1, "{text}");
        assert_eq!(d[0].text(), surface);
        assert_eq!(d[0].resolved().unwrap().to_string(), resolved, "{text}");
    }
    // Not proclitics: a conjunction after a preposition.
    assert_eq!(find_dates("بوأمس").count(), 0);
}

/// A weekday after a day word is checked against the day the anchor gives it.
#[test]
fn a_weekday_after_a_day_word_is_checked() {
    let finder = DateFinder::builder().anchor(anchor()).build();
    let d = finder.find_iter("أمس السبت").next().unwrap();
    assert_eq!(
        (d.weekday(), d.weekday_conflict()),
        (Some(Weekday::Saturday), false)
    );
    // 10 February 2024 was a Saturday, not a Friday.
    let d = finder.find_iter("أمس الجمعة").next().unwrap();
    assert_eq!(
        (d.weekday(), d.weekday_conflict()),
        (Some(Weekday::Friday), true)
    );
    // A weekday that starts a date of its own stays with it.
    let v: Vec<_> = finder
        .find_iter("اليوم الأحد 11 فبراير 2024")
        .map(|d| (d.text(), d.kind()))
        .collect();
    assert_eq!(
        v,
        [
            ("اليوم", DateKind::Relative),
            ("الأحد 11 فبراير 2024", DateKind::Date)
        ]
    );
}

/// At the ends of the calendar a relative date is unresolved, with the reason.
#[test]
fn out_of_range_offsets_stay_unresolved() {
    let last = DateFinder::builder()
        .anchor(GregorianDate::new(9999, 12, 31).unwrap())
        .build();
    for text in [
        "غدا",
        "العام المقبل",
        "الشهر المقبل",
        "الأسبوع المقبل",
        "بعد 3 أيام",
    ] {
        let d = last.find_iter(text).next().unwrap();
        assert_eq!(d.resolved(), None, "{text}");
        assert!(d.unresolved().unwrap().is_out_of_range(), "{text}");
    }
    let first = DateFinder::builder()
        .anchor(GregorianDate::new(1, 1, 1).unwrap())
        .build();
    for text in ["أمس", "العام الماضي", "الشهر الماضي", "منذ 1000000 يوم"]
    {
        let d = first.find_iter(text).next().unwrap();
        assert!(d.unresolved().unwrap().is_out_of_range(), "{text}");
    }
}

proptest! {
    /// منذ N أيام said on day A is A − N days (through the Julian Day Number), and بعد N
    /// أيام is A + N; months and years move the calendar month and year.
    #[test]
    fn counted_days_resolve_by_day_arithmetic(
        jdn in MIN_JDN..=MAX_JDN,
        n in 1u32..=100_000,
        digits in any::<bool>(),
    ) {
        let a = GregorianDate::from_jdn(jdn).unwrap();
        let finder = DateFinder::builder().anchor(a).build();
        let count = if digits {
            n.to_string()
        } else {
            number_to_words(u64::from(n), Gender::Masculine, Case::Genitive)
        };
        for (lead, sign) in [("منذ", -1i64), ("بعد", 1)] {
            let text = format!("{lead} {count} يوما");
            let d: Vec<_> = finder.find_iter(&text).collect();
            prop_assert_eq!(d.len(), 1, "{}", text);
            let want = i64::from(jdn) + sign * i64::from(n);
            let o = d[0].offset().unwrap();
            prop_assert_eq!(i64::from(o.start()), sign * i64::from(n));
            match GregorianDate::from_jdn(i32::try_from(want).unwrap_or(0)) {
                Ok(g) if (i64::from(MIN_JDN)..=i64::from(MAX_JDN)).contains(&want) => {
                    prop_assert_eq!(d[0].resolved().unwrap().to_string(), g.to_string(), "{}", text);
                }
                _ => prop_assert!(d[0].unresolved().is_some(), "{}", text),
            }
        }
    }

    #[test]
    fn counted_months_and_years_move_the_calendar(
        jdn in MIN_JDN..=MAX_JDN,
        n in 1u32..=200,
    ) {
        let a = GregorianDate::from_jdn(jdn).unwrap();
        let finder = DateFinder::builder().anchor(a).build();
        let months = i64::from(a.year()) * 12 + i64::from(a.month()) - 1 - i64::from(n);
        let text = format!("قبل {n} شهرا");
        let d = finder.find_iter(&text).next().unwrap();
        if months >= 12 {
            let want = format!("{:04}-{:02}", months / 12, months % 12 + 1);
            prop_assert_eq!(d.resolved().unwrap().to_string(), want);
        } else {
            prop_assert!(d.unresolved().is_some());
        }
        let text = format!("بعد {n} عاما");
        let d = finder.find_iter(&text).next().unwrap();
        let y = i64::from(a.year()) + i64::from(n);
        if y <= 9999 {
            prop_assert_eq!(d.resolved().unwrap().to_string(), format!("{y:04}"));
        } else {
            prop_assert!(d.unresolved().is_some());
        }
    }

    /// The ISO week of a resolved week holds the day the offset names: its Thursday is in
    /// the week-year, and the day is at most three days from it.
    #[test]
    fn weeks_are_iso_weeks(jdn in MIN_JDN + 400..=MAX_JDN - 400, n in -50i32..=50) {
        let a = GregorianDate::from_jdn(jdn).unwrap();
        let finder = DateFinder::builder().anchor(a).build();
        let text = match n {
            0 => "هذا الأسبوع".to_string(),
            n if n < 0 => format!("منذ {} أسبوعا", -n),
            n => format!("بعد {n} أسبوعا"),
        };
        let d = finder.find_iter(&text).next().unwrap();
        let v = *d.resolved().unwrap();
        let day = GregorianDate::from_jdn(jdn + 7 * n).unwrap();
        let thursday = GregorianDate::from_jdn(day.jdn() - i32::from(day.weekday().iso()) + 4).unwrap();
        prop_assert_eq!(v.year(), Some(thursday.year()));
        let jan1 = GregorianDate::new(thursday.year(), 1, 1).unwrap();
        prop_assert_eq!(i32::from(v.week().unwrap()), (thursday.jdn() - jan1.jdn()) / 7 + 1);
    }
}

/// Ordinal day words before a month, and the vague parts of a month, year or period.
#[test]
fn first_and_last_days_and_parts() {
    let finder = DateFinder::builder().anchor(anchor()).build();
    #[rustfmt::skip]
    let rows: &[(&str, &str, &str, &str, Option<DatePart>)] = &[
        ("يبدأ العام الدراسي أول سبتمبر", "أول سبتمبر", "day-month", "--09-01", None),
        ("ينتهي في آخر يوم من ديسمبر", "آخر يوم من ديسمبر", "day-month", "--12-31", None),
        // 2024 is a leap year, 2023 is not.
        ("حتى آخر يوم من فبراير 2024", "آخر يوم من فبراير 2024", "date", "2024-02-29", None),
        ("حتى آخر يوم من فبراير 2023", "آخر يوم من فبراير 2023", "date", "2023-02-28", None),
        // Ramadan 1445 has 30 days in the Umm al-Qura table (1 Ramadan = 11 March 2024,
        // 1 Shawwal = 10 April 2024); without the year its length is unknown: the month,
        // its late part.
        ("في آخر يوم من رمضان 1445هـ", "آخر يوم من رمضان 1445هـ", "date", "1445-09-30", None),
        ("في آخر يوم من رمضان", "آخر يوم من رمضان", "month", "--09", Some(DatePart::Late)),
        ("وأول يوم من شوال", "وأول يوم من شوال", "day-month", "--10-01", None),
        ("في منتصف مارس 2023", "منتصف مارس 2023", "month-year", "2023-03", Some(DatePart::Middle)),
        ("في أوائل عام 2020", "أوائل عام 2020", "year", "2020", Some(DatePart::Early)),
        ("ومنتصف 2019", "ومنتصف 2019", "year", "2019", Some(DatePart::Middle)),
        ("منذ مطلع شهر رمضان", "مطلع شهر رمضان", "month", "--09", Some(DatePart::Early)),
        ("في أواخر الشهر الماضي", "أواخر الشهر الماضي", "relative", "-P1M", Some(DatePart::Late)),
        ("حتى نهاية العام", "نهاية العام", "relative", "P0Y", Some(DatePart::Late)),
        ("مطلع الأسبوع المقبل", "مطلع الأسبوع المقبل", "relative", "P1W", Some(DatePart::Early)),
    ];
    for &(text, surface, kind, value, part) in rows {
        let found: Vec<_> = finder.find_iter(text).collect();
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let d = &found[0];
        let v = d.offset().map_or(d.value().to_string(), |o| o.to_string());
        assert_eq!(
            (d.text(), d.kind().name(), v.as_str(), d.part()),
            (surface, kind, value, part),
            "{text}"
        );
    }
    for text in [
        "أول مرة يزور فيها",
        "آخر يوم من حياته",
        "في منتصف الطريق",
        "نهاية القصة",
    ] {
        assert_eq!(find_dates(text).count(), 0, "{text}");
    }
}

/// A month written as a number: after شهر, or before a year with "/".
#[test]
fn months_written_as_numbers() {
    #[rustfmt::skip]
    let rows: &[(&str, &str, &str, &str, &str)] = &[
        ("صدر في شهر 9 من عام 2021", "شهر 9 من عام 2021", "month-year", "gregorian", "2021-09"),
        ("تأسست في 9/2021", "9/2021", "month-year", "gregorian", "2021-09"),
        ("في شهر 11 يبدأ الموسم", "شهر 11", "month", "gregorian", "--11"),
        ("وشهر 3/1445هـ", "وشهر 3/1445هـ", "month-year", "hijri", "1445-03"),
        ("انتهى شهر 12، 2020", "شهر 12، 2020", "month-year", "gregorian", "2020-12"),
    ];
    for &(text, surface, kind, calendar, value) in rows {
        let found: Vec<_> = find_dates(text)
            .map(|d| {
                (
                    d.text(),
                    d.kind().name(),
                    d.calendar().name(),
                    d.value().to_string(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [(surface, kind, calendar, value.to_string())],
            "{text}"
        );
    }
    // Numbered texts, numbers that go on, no month, a month number with no year or في.
    for text in [
        "صدر القانون رقم 9/2021",
        "بموجب القرار 5/2020",
        "بلغت النسبة 9/20",
        "شهر 13 من العام",
        "استمر شهر 3 أسابيع",
        "عمره 12 شهرا",
    ] {
        let found: Vec<_> = find_dates(text).map(|d| d.text().to_string()).collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// Every trigger spelling is found whole by the finder's pass, bare and after و, as itself
/// (no two spellings fold together, and none is shadowed by a lexicon entry).
#[test]
fn every_trigger_spelling_is_found() {
    use crate::lexicon::{find_finder_words, Reading};
    use crate::lexicon_data::TRIGGER_SPELLINGS;
    for &(spelling, trigger) in TRIGGER_SPELLINGS {
        for text in [spelling.to_string(), format!("و{spelling}")] {
            let found: Vec<_> = find_finder_words(&text).collect();
            assert_eq!(found.len(), 1, "{text}");
            let (span, reading) = &found[0];
            assert_eq!(*span, 0..text.len(), "{text}");
            match reading {
                Reading::Trigger(s, t) => assert_eq!((*s, *t), (spelling, trigger), "{text}"),
                Reading::Entry(e) => panic!("{text}: {}", e.spelling()),
            }
        }
    }
    // The public lexicon does not grow: trigger words are no date words.
    assert_eq!(find_date_words("أمس واليوم والعام الماضي").count(), 1); // الماضي
}

/// The words of relative dates and some around them, for texts where they meet.
const WORDS: &[&str] = &[
    "قبل",
    "بعد",
    "منذ",
    "خلال",
    "في غضون",
    "نحو",
    "3",
    "١١",
    "2024",
    "ثلاثة",
    "عشرين",
    "يوم",
    "يومين",
    "أيام",
    "أسبوعين",
    "شهرا",
    "أشهر",
    "سنوات",
    "عام",
    "ساعات",
    "دقيقة",
    "أمس",
    "بالأمس",
    "اليوم",
    "غدا",
    "غد",
    "أول",
    "من",
    "الآن",
    "الأسبوع",
    "الشهر",
    "العام",
    "السنة",
    "هذا",
    "هذه",
    "الماضي",
    "الماضية",
    "المقبل",
    "المقبلة",
    "الجاري",
    "الأيام",
    "العامين",
    "الماضيين",
    "الستة",
    "الخميس",
    "رمضان",
    "فبراير",
    "مطلع",
    "منتصف",
    "واحد",
    "،",
    "\n",
    "و",
];

/// Words of [`WORDS`] joined by spaces, some with و before them.
fn relative_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((0..WORDS.len(), any::<bool>()), 0..24).prop_map(|v| {
        v.into_iter()
            .map(|(i, wa)| format!("{}{}", if wa { "و" } else { "" }, WORDS[i]))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest! {
    /// Spans slice back to the text, lines are found alike alone and together.
    #[test]
    fn relative_text_spans_and_lines(text in relative_text()) {
        let mut last = 0;
        let whole: Vec<_> = find_dates(&text).collect();
        for d in &whole {
            prop_assert!(d.start() >= last && d.start() < d.end());
            prop_assert_eq!(&text[d.span()], d.text());
            prop_assert!(!d.text().contains('\n'));
            last = d.end();
        }
        let mut offset = 0;
        let mut by_line = Vec::new();
        for line in text.split_inclusive('\n') {
            by_line.extend(find_dates(line).map(|d| (d.start() + offset, d.end() + offset, d.offset())));
            offset += line.len();
        }
        let whole: Vec<_> = whole.iter().map(|d| (d.start(), d.end(), d.offset())).collect();
        prop_assert_eq!(whole, by_line);
    }

    /// On text made of date words and the keywords of relative dates, with any anchor:
    /// the anchor changes no span, kind or offset; a relative date with a day, week, month
    /// or year offset resolves to a value of that precision or says why not, and a day
    /// offset resolves to the anchor moved by that many days.
    #[test]
    fn relative_dates_resolve_at_their_precision(
        text in relative_text(),
        jdn in MIN_JDN..=MAX_JDN,
    ) {
        let anchor = GregorianDate::from_jdn(jdn).unwrap();
        let plain: Vec<_> = find_dates(&text).collect();
        let anchored: Vec<_> = DateFinder::builder().anchor(anchor).build().find_iter(&text).collect();
        prop_assert_eq!(plain.len(), anchored.len());
        for (p, a) in plain.iter().zip(&anchored) {
            prop_assert_eq!((p.span(), p.kind(), p.offset()), (a.span(), a.kind(), a.offset()));
            let Some(o) = a.offset() else { continue };
            prop_assert_eq!(a.kind(), DateKind::Relative);
            if o.unit().is_time() {
                prop_assert!(a.resolved().is_none() && a.unresolved().is_none());
                continue;
            }
            prop_assert!(a.resolved().is_some() != a.unresolved().is_some(), "{:?}", a);
            let Some(v) = a.resolved() else { continue };
            match o.unit() {
                RelativeUnit::Day => {
                    let g = GregorianDate::from_jdn(jdn + o.start()).unwrap();
                    prop_assert_eq!((v.year(), v.month(), v.day()), (Some(g.year()), Some(g.month()), Some(g.day())));
                }
                RelativeUnit::Week => prop_assert!(v.week().is_some() && v.month().is_none()),
                RelativeUnit::Month => prop_assert!(v.month().is_some() && v.day().is_none()),
                _ => prop_assert!(v.month().is_none() && v.week().is_none()),
            }
            prop_assert_eq!(v.until().is_some(), o.is_span());
        }
    }
}
