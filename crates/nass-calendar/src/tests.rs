//! Hand-checked tables, exhaustive loops over the Umm al-Qura table, references beside the
//! fast paths, formatting and parsing, and property tests.

use proptest::prelude::*;

use crate::umm_al_qura_table as uq;
use crate::*;
use nass_numerals::DigitSet;

const UQ: HijriCalendar = HijriCalendar::UmmAlQura;

fn g(y: i32, m: u8, d: u8) -> GregorianDate {
    GregorianDate::new(y, m, d).unwrap()
}

fn h(y: u16, m: u8, d: u8) -> HijriDate {
    HijriDate::new(UQ, y, m, d).unwrap()
}

// ---------------------------------------------------------------------------------------
// Gregorian and JDN

/// Days from 0001-01-01 by counting whole years and months: the naive reference.
fn naive_jdn(d: GregorianDate) -> i32 {
    let mut days = 0i32;
    for y in 1..d.year() {
        days += if is_gregorian_leap_year(y) { 366 } else { 365 };
    }
    for m in 1..d.month() {
        days += i32::from(gregorian_month_length(d.year(), m));
    }
    MIN_JDN + days + i32::from(d.day()) - 1
}

#[test]
fn gregorian_known_jdns() {
    // From the fact sheet and the astronomical almanac: 2024-02-11 = JDN 2460352,
    // 622-07-19 = 1948440 (the Friday epoch), 2000-01-01 = 2451545, and MJD 0
    // (1858-11-17) = JDN 2400001 at noon.
    for (d, jdn) in [
        (g(2024, 2, 11), 2_460_352),
        (g(622, 7, 19), 1_948_440),
        (g(2000, 1, 1), 2_451_545),
        (g(1858, 11, 17), 2_400_001),
        (g(1, 1, 1), 1_721_426),
        (g(9999, 12, 31), 5_373_484),
    ] {
        assert_eq!(d.jdn(), jdn, "{d}");
        assert_eq!(GregorianDate::from_jdn(jdn).unwrap(), d);
        assert_eq!(naive_jdn(d), jdn, "{d}");
    }
    assert_eq!(MIN_JDN, g(1, 1, 1).jdn());
    assert_eq!(MAX_JDN, g(9999, 12, 31).jdn());
    assert!(GregorianDate::from_jdn(MIN_JDN - 1).is_err());
    assert!(GregorianDate::from_jdn(MAX_JDN + 1).is_err());
    assert!(GregorianDate::from_jdn(i32::MIN).is_err());
    assert!(GregorianDate::from_jdn(i32::MAX).is_err());
}

#[test]
fn gregorian_rejects_invalid() {
    for (y, m, d) in [
        (2023, 2, 29),
        (1900, 2, 29),
        (2024, 0, 1),
        (2024, 13, 1),
        (2024, 1, 0),
        (2024, 1, 32),
        (2024, 6, 31),
        (0, 1, 1),
        (-5, 1, 1),
        (10_000, 1, 1),
        (i32::MAX, 255, 255),
    ] {
        assert!(GregorianDate::new(y, m, d).is_err(), "{y}-{m}-{d}");
    }
    assert!(GregorianDate::new(2000, 2, 29).is_ok());
}

#[test]
fn day_and_month_zero_are_named_as_the_problem() {
    let gregorian = |s: &str| s.parse::<GregorianDate>().unwrap_err().to_string();
    assert_eq!(
        gregorian("2024-01-00"),
        "invalid Gregorian date 2024-01-00: day 0 does not exist (days count from 1)"
    );
    assert_eq!(
        gregorian("2024-00-05"),
        "invalid Gregorian date 2024-00-05: month 0 does not exist (months count from 1 to 12)"
    );
    assert_eq!(
        gregorian("2024-13-05"),
        "invalid Gregorian date 2024-13-05: month 13 does not exist (months count from 1 to 12)"
    );
    assert_eq!(
        gregorian("2024-01-32"),
        "invalid Gregorian date 2024-01-32: January 2024 has 31 days"
    );
    for calendar in [HijriCalendar::UmmAlQura, "islamic-civil".parse().unwrap()] {
        let hijri = |s: &str| HijriDate::parse_iso(calendar, s).unwrap_err().to_string();
        let name = calendar.name();
        assert_eq!(
            hijri("1445-09-00"),
            format!("invalid Hijri date 1445-09-00: day 0 does not exist (days count from 1) in the {name} calendar")
        );
        assert_eq!(
            hijri("1445-00-01"),
            "invalid Hijri date 1445-00-01: month 0 does not exist (months count from 1 to 12)"
        );
        // Ramadan 1445 has 30 days in both calendars.
        assert_eq!(
            hijri("1445-09-31"),
            format!(
                "invalid Hijri date 1445-09-31: month 9 of 1445 has 30 days in the {name} calendar"
            )
        );
        assert_eq!(
            calendar.month_length(1445, 0).unwrap_err().to_string(),
            "invalid Hijri date 1445-00: month 0 does not exist (months count from 1 to 12)"
        );
    }
}

#[test]
fn iso_parse_errors() {
    for (s, offset) in [
        ("", 0),
        ("2024", 4),
        ("2024-", 5),
        ("2024-02-1", 9),
        ("2024/02/11", 4),
        ("٢٠٢٤-٠٢-١١", 0),
        ("2024-02-11x", 10),
        (" 2024-02-11", 0),
        ("\0", 0),
        ("+024-02-11", 0),
    ] {
        let err = s.parse::<GregorianDate>().unwrap_err();
        assert_eq!(err.offset(), Some(offset), "{s:?}: {err}");
    }
    assert!("2024-02-30"
        .parse::<GregorianDate>()
        .unwrap_err()
        .offset()
        .is_none());
    assert!("0000-01-01"
        .parse::<GregorianDate>()
        .unwrap_err()
        .is_out_of_range());
}

#[test]
fn weekdays_by_hand() {
    // Checked on a printed calendar: 5 June 2021 was a Saturday, 1 January 2000 a
    // Saturday, 11 March 2024 a Monday.
    assert_eq!(g(2021, 6, 5).weekday(), Weekday::Saturday);
    assert_eq!(g(2000, 1, 1).weekday(), Weekday::Saturday);
    assert_eq!(g(2024, 3, 11).weekday(), Weekday::Monday);
    for w in Weekday::ALL {
        assert_eq!(Weekday::from_iso(w.iso()), Some(w));
    }
    assert_eq!(Weekday::from_iso(8), None);
    assert_eq!(
        Weekday::from_jdn(i32::MIN).iso(),
        Weekday::from_jdn(i32::MIN % 7 + 7 * 1000).iso()
    );
}

// ---------------------------------------------------------------------------------------
// Umm al-Qura

#[test]
fn umm_al_qura_known_dates() {
    // Each pair checked with hijridate 2.6.0 (`Hijri(y, m, d).to_gregorian()`), and the
    // first three also against the fact sheet's reference points.
    for (hd, gd) in [
        (h(1445, 9, 1), g(2024, 3, 11)),
        (h(1446, 1, 1), g(2024, 7, 7)),
        (h(1445, 8, 1), g(2024, 2, 11)),
        (h(1445, 1, 1), g(2023, 7, 19)),
        (h(1343, 1, 1), g(1924, 8, 1)),
        (h(1500, 12, 30), g(2077, 11, 16)),
        (h(1343, 9, 28), g(1925, 4, 23)),
        (h(1343, 10, 1), g(1925, 4, 24)),
    ] {
        assert_eq!(hd.to_gregorian(), gd, "{hd}");
        assert_eq!(HijriDate::from_gregorian(UQ, gd).unwrap(), hd, "{gd}");
    }
    let (first, last) = UQ.range();
    let (fy, fm, fd) = uq::FIRST_GREGORIAN;
    let (ly, lm, ld) = uq::LAST_GREGORIAN;
    assert_eq!(first.to_gregorian(), g(fy, fm, fd));
    assert_eq!(last.to_gregorian(), g(ly, lm, ld));
}

#[test]
fn umm_al_qura_out_of_range_names_the_range() {
    let range = "1343-01-01..1500-12-30 AH = 1924-08-01..2077-11-16 CE of the umm-al-qura calendar";
    for err in [
        HijriDate::new(UQ, 1342, 12, 29).unwrap_err(),
        HijriDate::new(UQ, 1501, 1, 1).unwrap_err(),
        HijriDate::new(UQ, 0, 1, 1).unwrap_err(),
        HijriDate::new(UQ, u16::MAX, 255, 255).unwrap_err(),
        HijriDate::from_gregorian(UQ, g(1924, 7, 31)).unwrap_err(),
        HijriDate::from_gregorian(UQ, g(2077, 11, 17)).unwrap_err(),
        HijriDate::from_jdn(UQ, i32::MIN).unwrap_err(),
        HijriDate::from_jdn(UQ, i32::MAX).unwrap_err(),
    ] {
        assert!(err.is_out_of_range(), "{err}");
        assert!(err.to_string().ends_with(range), "{err}");
    }
    for (y, m, d) in [
        (1445, 0, 1),
        (1445, 13, 1),
        (1445, 9, 0),
        (1445, 9, 31),
        (1445, 8, 30),
    ] {
        let err = HijriDate::new(UQ, y, m, d).unwrap_err();
        assert!(!err.is_out_of_range(), "{err}");
    }
}

#[test]
fn umm_al_qura_month_lengths() {
    // The fact sheet's list of months that are neither 29 nor 30 days long.
    let odd = [
        (1343, 9),
        (1345, 5),
        (1345, 8),
        (1348, 11),
        (1348, 12),
        (1349, 10),
        (1349, 11),
        (1364, 8),
    ];
    let mut found = Vec::new();
    let mut odd_years = Vec::new();
    for y in uq::FIRST_YEAR..=uq::LAST_YEAR {
        let mut year_len = 0u32;
        for m in 1..=12 {
            let len = UQ.month_length(y, m).unwrap();
            year_len += u32::from(len);
            if !(29..=30).contains(&len) {
                assert!(len == 28 || len == 31, "{y}-{m}: {len}");
                found.push((y, m));
            }
        }
        if !(354..=355).contains(&year_len) {
            odd_years.push((y, year_len));
        }
    }
    assert_eq!(found, odd);
    // Years that are not 354 or 355 days long, checked with hijridate 2.6.0
    // (`Hijri(y, 1, 1).year_length()`).
    assert_eq!(
        odd_years,
        [
            (1343, 356),
            (1344, 353),
            (1349, 356),
            (1356, 353),
            (1401, 353)
        ]
    );
    assert_eq!(uq::MONTH_STARTS.len(), 12 * 158 + 1);
}

/// Every day of the table, both ways, with consecutive days consecutive.
#[test]
fn umm_al_qura_every_day() {
    let (lo, hi) = (UQ.range().0.jdn(), UQ.range().1.jdn());
    assert_eq!(hi - lo + 1, 55_991);
    let mut prev = HijriDate::from_jdn(UQ, lo).unwrap();
    assert_eq!(prev, UQ.range().0);
    for jdn in lo + 1..=hi {
        let d = HijriDate::from_jdn(UQ, jdn).unwrap();
        assert_eq!(d.jdn(), jdn);
        let expected_next = if prev.day() < prev.month_length() {
            (prev.year(), prev.month(), prev.day() + 1)
        } else if prev.month() < 12 {
            (prev.year(), prev.month() + 1, 1)
        } else {
            (prev.year() + 1, 1, 1)
        };
        assert_eq!(
            (d.year(), d.month(), d.day()),
            expected_next,
            "after {prev}"
        );
        prev = d;
    }
    assert_eq!(prev, UQ.range().1);
}

/// The fact sheet: month starts of the common tabular calendar agree with the hijridate
/// table for 1099 of 1896 months with the Thursday epoch and 684 with the Friday epoch;
/// the rest differ by 1 day, rarely 2.
#[test]
fn umm_al_qura_against_tabular_month_starts() {
    for (t, agree) in [(TabularCalendar::TBLA, 1099), (TabularCalendar::CIVIL, 684)] {
        let cal = HijriCalendar::Tabular(t);
        let mut same = 0;
        for y in uq::FIRST_YEAR..=uq::LAST_YEAR {
            for m in 1..=12 {
                let a = h(y, m, 1).jdn();
                let b = HijriDate::new(cal, y, m, 1).unwrap().jdn();
                assert!((a - b).abs() <= 2, "{y}-{m}");
                same += usize::from(a == b);
            }
        }
        assert_eq!(same, agree, "{}", cal.name());
    }
}

// ---------------------------------------------------------------------------------------
// Tabular calendars

/// The fact sheet's closed formula for the common pattern.
fn closed_common(epoch: Epoch, y: i32, m: i32, d: i32) -> i32 {
    let before_year = 354 * (y - 1) + (3 + 11 * y).div_euclid(30);
    // ceil(29.5 (m - 1)) = ceil(59 (m - 1) / 2)
    let before_month = (59 * (m - 1) + 1) / 2;
    epoch.jdn() - 1 + before_year + before_month + d
}

/// Days before year `y` by adding up year lengths from the pattern's leap-year list.
fn counted_year_start(t: TabularCalendar, y: u16) -> i32 {
    let leaps = t.pattern().leap_years();
    let mut jdn = t.epoch().jdn();
    for yy in 1..y {
        let in_cycle = ((yy - 1) % 30 + 1) as u8;
        jdn += if leaps.contains(&in_cycle) { 355 } else { 354 };
    }
    jdn
}

#[test]
fn tabular_leap_rules() {
    for y in 1..=300u16 {
        let yi = i32::from(y);
        assert_eq!(
            LeapPattern::Common.is_leap_year(y),
            (14 + 11 * yi) % 30 < 11,
            "{y}"
        );
        assert_eq!(
            LeapPattern::Fifteen.is_leap_year(y),
            (15 + 11 * yi) % 30 < 11,
            "{y}"
        );
        for p in LeapPattern::ALL {
            let in_cycle = ((y - 1) % 30 + 1) as u8;
            assert_eq!(p.is_leap_year(y), p.leap_years().contains(&in_cycle));
        }
    }
    assert!(!LeapPattern::Common.is_leap_year(0));
}

#[test]
fn tabular_year_starts_by_counting() {
    // Every year start of every calendar over the first 2000 years, and a few far ones.
    for t in TabularCalendar::all() {
        let cal = HijriCalendar::Tabular(t);
        let mut counted = t.epoch().jdn();
        let leaps = t.pattern().leap_years();
        for y in 1..=2000u16 {
            assert_eq!(
                HijriDate::new(cal, y, 1, 1).unwrap().jdn(),
                counted,
                "{} {y}",
                cal.name()
            );
            let in_cycle = ((y - 1) % 30 + 1) as u8;
            counted += if leaps.contains(&in_cycle) { 355 } else { 354 };
        }
        for y in [4321, 9000, MAX_TABULAR_YEAR] {
            assert_eq!(
                HijriDate::new(cal, y, 1, 1).unwrap().jdn(),
                counted_year_start(t, y)
            );
        }
    }
}

#[test]
fn tabular_range() {
    for cal in HijriCalendar::all().skip(1) {
        let (first, last) = cal.range();
        assert_eq!(first.to_string(), "0001-01-01");
        assert_eq!(last.year(), MAX_TABULAR_YEAR);
        assert!(last.jdn() <= MAX_JDN);
        // The next year would leave the Gregorian range.
        assert!(last.jdn() + 355 > MAX_JDN, "{}", cal.name());
        assert!(HijriDate::new(cal, MAX_TABULAR_YEAR + 1, 1, 1)
            .unwrap_err()
            .is_out_of_range());
        assert!(HijriDate::from_gregorian(cal, g(622, 7, 14))
            .unwrap_err()
            .is_out_of_range());
        assert_eq!(
            HijriDate::from_gregorian(cal, last.to_gregorian()).unwrap(),
            last
        );
    }
}

#[test]
fn calendar_names_round_trip() {
    let names: Vec<String> = HijriCalendar::all().map(|c| c.name()).collect();
    assert_eq!(
        names,
        [
            "umm-al-qura",
            "islamic-civil",
            "islamic-tbla",
            "tabular-15-friday",
            "tabular-15-thursday",
            "tabular-ismaili-friday",
            "tabular-ismaili-thursday",
            "tabular-habash-friday",
            "tabular-habash-thursday",
        ]
    );
    for c in HijriCalendar::all() {
        assert_eq!(c.name().parse::<HijriCalendar>().unwrap(), c);
    }
    assert_eq!(
        "tabular-16-civil".parse::<HijriCalendar>().unwrap(),
        HijriCalendar::Tabular(TabularCalendar::CIVIL)
    );
    for bad in [
        "",
        "tabular-",
        "tabular-16",
        "tabular-17-friday",
        "UMM-AL-QURA",
        "\0",
    ] {
        assert!(bad.parse::<HijriCalendar>().is_err(), "{bad:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Property tests

fn uq_jdn() -> impl Strategy<Value = i32> {
    let (a, b) = (UQ.range().0.jdn(), UQ.range().1.jdn());
    a..=b
}

fn any_gregorian() -> impl Strategy<Value = GregorianDate> {
    (MIN_JDN..=MAX_JDN).prop_map(|j| GregorianDate::from_jdn(j).unwrap())
}

fn tabular() -> impl Strategy<Value = HijriCalendar> {
    (0..8usize).prop_map(|i| HijriCalendar::all().nth(i + 1).unwrap())
}

proptest! {
    #[test]
    fn gregorian_jdn_round_trip(d in any_gregorian()) {
        prop_assert_eq!(GregorianDate::from_jdn(d.jdn()).unwrap(), d);
        prop_assert_eq!(GregorianDate::new(d.year(), d.month(), d.day()).unwrap(), d);
        let iso = d.to_string();
        prop_assert_eq!(iso.parse::<GregorianDate>().unwrap(), d);
        prop_assert_eq!(d.weekday(), Weekday::from_jdn(d.jdn()));
    }

    #[test]
    fn gregorian_jdn_against_counting(y in 1i32..=9999, m in 1u8..=12, d in 1u8..=28) {
        let date = g(y, m, d);
        prop_assert_eq!(date.jdn(), naive_jdn(date));
    }

    #[test]
    fn gregorian_new_never_panics(y in any::<i32>(), m in any::<u8>(), d in any::<u8>()) {
        let _ = GregorianDate::new(y, m, d);
        let _ = GregorianDate::from_jdn(y);
    }

    #[test]
    fn uq_gregorian_hijri_gregorian(jdn in uq_jdn()) {
        let gd = GregorianDate::from_jdn(jdn).unwrap();
        let hd = HijriDate::from_gregorian(UQ, gd).unwrap();
        prop_assert_eq!(hd.to_gregorian(), gd);
        prop_assert_eq!(HijriDate::new(UQ, hd.year(), hd.month(), hd.day()).unwrap(), hd);
        prop_assert_eq!(HijriDate::parse_iso(UQ, &hd.to_string()).unwrap(), hd);
        // Weekday from the Julian day, counted from a Sunday (2024-02-11).
        let from_sunday = (jdn - 2_460_352).rem_euclid(7);
        prop_assert_eq!(hd.weekday().iso() % 7, from_sunday as u8);
    }

    #[test]
    fn uq_consecutive_days(jdn in uq_jdn()) {
        prop_assume!(jdn < UQ.range().1.jdn());
        let a = HijriDate::from_jdn(UQ, jdn).unwrap();
        let b = HijriDate::from_jdn(UQ, jdn + 1).unwrap();
        if a.day() < a.month_length() {
            prop_assert_eq!((b.year(), b.month(), b.day()), (a.year(), a.month(), a.day() + 1));
        } else {
            prop_assert_eq!(b.day(), 1);
            prop_assert_eq!(b.month(), a.month() % 12 + 1);
        }
    }

    #[test]
    fn hijri_new_never_panics(c in 0..9usize, y in any::<u16>(), m in any::<u8>(), d in any::<u8>(), j in any::<i32>()) {
        let cal = HijriCalendar::all().nth(c).unwrap();
        if let Ok(date) = HijriDate::new(cal, y, m, d) {
            prop_assert_eq!(HijriDate::from_jdn(cal, date.jdn()).unwrap(), date);
        }
        let _ = HijriDate::from_jdn(cal, j);
        let _ = cal.month_length(y, m);
    }

    /// The `_opt` constructors and parsers are the `Result` ones without the error.
    #[test]
    fn opt_functions_agree_with_the_result_ones(
        c in 0..9usize,
        y in prop_oneof![1340u16..=1503, 0u16..=2, 9660u16..=9670, any::<u16>()],
        gy in -2i32..=10_001,
        m in prop_oneof![0u8..=13, any::<u8>()],
        d in prop_oneof![0u8..=32, any::<u8>()],
        j in 1_700_000i32..=5_400_000,
        s in "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9\\-]{0,11}|\\PC{0,11}",
    ) {
        let cal = HijriCalendar::all().nth(c).unwrap();
        prop_assert_eq!(HijriDate::new_opt(cal, y, m, d), HijriDate::new(cal, y, m, d).ok());
        prop_assert_eq!(GregorianDate::new_opt(gy, m, d), GregorianDate::new(gy, m, d).ok());
        prop_assert_eq!(HijriDate::from_jdn_opt(cal, j), HijriDate::from_jdn(cal, j).ok());
        prop_assert_eq!(GregorianDate::parse_iso_opt(&s), s.parse::<GregorianDate>().ok());
        prop_assert_eq!(HijriDate::parse_iso_opt(cal, &s), HijriDate::parse_iso(cal, &s).ok());
        if let Ok(g) = GregorianDate::from_jdn(j) {
            prop_assert_eq!(
                HijriDate::from_gregorian_opt(cal, g),
                HijriDate::from_gregorian(cal, g).ok()
            );
            // The digits by the formatting machinery, as Display wrote them before.
            let iso = format!("{:04}-{:02}-{:02}", g.year(), g.month(), g.day());
            prop_assert_eq!(&g.iso_bytes()[..], iso.as_bytes());
            prop_assert_eq!(g.to_string(), iso);
        }
        if let Ok(h) = HijriDate::from_jdn(cal, j) {
            let iso = format!("{:04}-{:02}-{:02}", h.year(), h.month(), h.day());
            prop_assert_eq!(&h.iso_bytes()[..], iso.as_bytes());
            prop_assert_eq!(h.to_string(), iso);
        }
    }

    #[test]
    fn tabular_round_trip(cal in tabular(), jdn in 1_948_440i32..=5_370_000) {
        let d = HijriDate::from_jdn(cal, jdn).unwrap();
        prop_assert_eq!(d.jdn(), jdn);
        prop_assert!(d.day() <= d.month_length());
        prop_assert_eq!(d.to_gregorian().jdn(), jdn);
        let next = HijriDate::from_jdn(cal, jdn + 1).unwrap();
        if d.day() < d.month_length() {
            prop_assert_eq!(next.day(), d.day() + 1);
        } else {
            prop_assert_eq!(next.day(), 1);
        }
    }

    #[test]
    fn tabular_common_closed_formula(y in 1u16..=MAX_TABULAR_YEAR, m in 1u8..=12, d in 1u8..=29) {
        for t in [TabularCalendar::CIVIL, TabularCalendar::TBLA] {
            let date = HijriDate::new(HijriCalendar::Tabular(t), y, m, d).unwrap();
            prop_assert_eq!(date.jdn(), closed_common(t.epoch(), i32::from(y), i32::from(m), i32::from(d)));
        }
    }

    #[test]
    fn iso_parse_never_panics(s in "\\PC{0,14}|[0-9\\-]{0,12}") {
        match s.parse::<GregorianDate>() {
            Ok(d) => prop_assert_eq!(d.to_string(), s.clone()),
            Err(e) => prop_assert!(e.offset().is_none_or(|o| o <= s.len())),
        }
        if let Ok(d) = HijriDate::parse_iso(UQ, &s) {
            prop_assert_eq!(d.to_string(), s);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Formatting and parsing

#[test]
fn formatting_by_hand() {
    let arabic = DateFormatter::builder()
        .digits(DigitSet::ArabicIndic)
        .build();
    assert_eq!(arabic.format_hijri(h(1445, 9, 1)), "١ رمضان ١٤٤٥ هـ");
    let levant = DateFormatter::builder()
        .months(NamingSystem::Syriac)
        .build();
    assert_eq!(levant.format_gregorian(g(2024, 2, 11)), "11 شباط 2024");
    let cases = [
        (NamingSystem::Latin, "11 فبراير 2024"),
        (NamingSystem::French, "11 فيفري 2024"),
        (NamingSystem::Moroccan, "11 فبراير 2024"),
        (NamingSystem::Libyan, "11 النوار 2024"),
    ];
    for (system, expected) in cases {
        let f = DateFormatter::builder().months(system).build();
        assert_eq!(f.format_gregorian(g(2024, 2, 11)), expected);
    }
    let persian = DateFormatter::builder()
        .digits(DigitSet::Persian)
        .months(NamingSystem::Hijri) // ignored for Gregorian months
        .gregorian_era(true)
        .build();
    assert_eq!(persian.format_gregorian(g(1, 1, 1)), "۱ يناير ۱ م");
    assert_eq!(persian.format_hijri(h(1500, 12, 30)), "۳۰ ذو الحجة ۱۵۰۰ هـ");
}

#[test]
fn parsing_by_hand() {
    let f = DateFormatter::new();
    let ok = [
        ("11 شباط 2024", "2024-02-11"),
        ("  ١١   فبراير   ٢٠٢٤  ", "2024-02-11"),
        ("۱۱ ف\u{06CC}فر\u{06CC} ۲۰۲۴", "2024-02-11"),
        ("7 غشت 2023م", "2023-08-07"),
        ("7 أغسطس 2023 ميلادية", "2023-08-07"),
        ("1 شعبان 1445هـ", "1445-08-01"),
        ("1 شعبان 1445ه", "1445-08-01"),
        ("1 شعبان 1445 هـ", "1445-08-01"),
        ("01 جمادى الآخرة 1445", "1445-06-01"),
        ("1 ذو الحِجّة 1445 للهجرة", "1445-12-01"),
        ("5 الفاتح 2001", "2001-09-05"),
    ];
    for (s, expected) in ok {
        assert_eq!(f.parse(s).unwrap().to_string(), expected, "{s}");
    }
    let bad = [
        ("", Some(0)),
        ("شباط", Some(0)),
        ("11 شباط", Some(11)),
        ("11 2024", Some(7)),
        ("11 كتاب 2024", Some(3)),
        ("111 شباط 2024", Some(2)),
        ("11 شباط 20245", Some(16)),
        ("11 شباط 2024هـ", Some(16)),
        ("11 شباط 2024 ق.م", Some(17)),
        ("1 رمضان 1445 م", Some(18)),
        ("1 رمضان 1342", None),
        ("29 شباط 2023", None),
        ("0 شباط 2024", None),
        ("11 شباط 0", None),
        ("11\0شباط 2024", Some(2)),
    ];
    for (s, offset) in bad {
        let err = f.parse(s).unwrap_err();
        assert_eq!(err.offset(), offset, "{s:?}: {err}");
    }
    assert!(f.parse("1 رمضان 1342").unwrap_err().is_out_of_range());
}

proptest! {
    #[test]
    fn format_parse_round_trip_gregorian(
        d in any_gregorian(),
        system in 1..7usize,
        digits in 0..3usize,
        era in any::<bool>(),
    ) {
        let f = DateFormatter::builder()
            .months(NamingSystem::ALL[system])
            .digits(DigitSet::ALL[digits])
            .gregorian_era(era)
            .build();
        let s = f.format_gregorian(d);
        prop_assert_eq!(f.parse(&s).unwrap(), CalendarDate::Gregorian(d), "{}", s);
        // Any formatter reads it.
        prop_assert_eq!(DateFormatter::new().parse(&s).unwrap(), CalendarDate::Gregorian(d));
    }

    #[test]
    fn format_parse_round_trip_hijri(
        jdn in uq_jdn(),
        cal in 0..9usize,
        digits in 0..3usize,
        era in any::<bool>(),
    ) {
        let calendar = HijriCalendar::all().nth(cal).unwrap();
        let d = HijriDate::from_jdn(calendar, jdn).unwrap();
        let f = DateFormatter::builder()
            .digits(DigitSet::ALL[digits])
            .hijri_era(era)
            .hijri_calendar(calendar)
            .build();
        let s = f.format_hijri(d);
        prop_assert_eq!(f.parse(&s).unwrap(), CalendarDate::Hijri(d), "{}", s);
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,40}") {
        if let Err(e) = DateFormatter::new().parse(&s) {
            prop_assert!(e.offset().is_none_or(|o| o <= s.len()));
        }
    }

    #[test]
    fn parse_never_panics_on_date_like_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("11".to_string()), Just("٢٠٢٤".to_string()), Just("شباط".to_string()),
                Just("ذو القعدة".to_string()), Just("هـ".to_string()), Just("م".to_string()),
                Just("99999".to_string()), Just("ق.م".to_string()), "\\PC{0,3}",
            ],
            0..6,
        )
    ) {
        let s = parts.join(" ");
        let _ = DateFormatter::new().parse(&s);
    }
}

#[test]
fn corpus_lines_parse_without_panic() {
    let Some(lines) = nass_tests::corpus_lines() else {
        return;
    };
    let f = DateFormatter::new();
    for line in lines {
        if let Err(e) = f.parse(&line) {
            assert!(e.offset().is_none_or(|o| o <= line.len()));
        }
        for piece in line.split(['،', '.', '(', ')']) {
            if let Ok(d) = f.parse(piece) {
                assert_eq!(f.parse(&f.format(d)), Ok(d));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The generated Umm al-Qura table

/// `src/umm_al_qura_table.rs` as generated from `data/umm-al-qura.txt`: the month starts
/// are the running sum of the month lengths, the Gregorian range follows from the first
/// and the last day.
fn umm_al_qura_table_source() -> String {
    let data = include_str!("../data/umm-al-qura.txt");
    let mut base: Option<i32> = None;
    let mut years: Vec<(u16, Vec<u16>)> = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split_whitespace();
        let head = fields.next().unwrap();
        if head == "jdn" {
            base = Some(fields.next().unwrap().parse().unwrap());
            continue;
        }
        let year: u16 = head.parse().unwrap();
        let lengths: Vec<u16> = fields.map(|f| f.parse().unwrap()).collect();
        assert_eq!(lengths.len(), 12, "year {year}");
        assert!(lengths.iter().all(|l| (28..=31).contains(l)), "year {year}");
        if let Some(&(last, _)) = years.last() {
            assert_eq!(year, last + 1, "years follow one another");
        }
        years.push((year, lengths));
    }
    let base = base.expect("a jdn line");
    let (first_year, last_year) = (years[0].0, years[years.len() - 1].0);
    let mut starts = vec![0u32];
    for (_, lengths) in &years {
        for &l in lengths {
            starts.push(starts[starts.len() - 1] + u32::from(l));
        }
    }
    let first = GregorianDate::from_jdn(base).unwrap();
    let last = GregorianDate::from_jdn(base + starts[starts.len() - 1] as i32 - 1).unwrap();
    let ymd = |d: GregorianDate| format!("({}, {}, {})", d.year(), d.month(), d.day());
    let mut out = format!(
        "// Generated by `NASS_REGENERATE=1 cargo test -p nass-calendar umm_al_qura_table` from\n\
         // data/umm-al-qura.txt (hijridate 2.6.0, hijridate.ummalqura.MONTH_STARTS, written by\n\
         // scripts/gen-umm-al-qura.py). Do not edit.\n\
         \n\
         //! The Umm al-Qura table: the first day of every Hijri month from {first_year}-01 to\n\
         //! {last_year}-12, as in the Python package hijridate 2.6.0.\n\
         \n\
         /// The first Hijri year of the table.\n\
         pub(crate) const FIRST_YEAR: u16 = {first_year};\n\
         /// The last Hijri year of the table.\n\
         pub(crate) const LAST_YEAR: u16 = {last_year};\n\
         /// Julian Day Number of {first_year}-01-01 AH ({first} CE).\n\
         pub(crate) const BASE_JDN: i32 = {base};\n\
         /// The first Gregorian day of the table (checked by the tests).\n\
         #[cfg(test)]\n\
         pub(crate) const FIRST_GREGORIAN: (i32, u8, u8) = {};\n\
         /// The last Gregorian day of the table (checked by the tests).\n\
         #[cfg(test)]\n\
         pub(crate) const LAST_GREGORIAN: (i32, u8, u8) = {};\n\
         /// Days from `BASE_JDN` to the first day of month `12 * (year - FIRST_YEAR) + (month - 1)`;\n\
         /// the last entry is the day after the table's last day.\n\
         #[rustfmt::skip]\n\
         pub(crate) const MONTH_STARTS: [u16; {}] = [\n",
        ymd(first),
        ymd(last),
        starts.len(),
    );
    for (i, row) in starts.chunks(12).enumerate() {
        let row: Vec<String> = row.iter().map(|s| s.to_string()).collect();
        let note = if row.len() == 12 {
            format!("{}", first_year as usize + i)
        } else {
            "the day after the table".to_string()
        };
        out.push_str(&format!("    {}, // {note}\n", row.join(", ")));
    }
    out.push_str("];\n");
    out
}

/// Fails when `src/umm_al_qura_table.rs` is not what `data/umm-al-qura.txt` generates;
/// `NASS_REGENERATE=1 cargo test -p nass-calendar umm_al_qura_table` rewrites it.
#[test]
fn umm_al_qura_table_matches_its_source() {
    let source = umm_al_qura_table_source();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/umm_al_qura_table.rs");
    if std::env::var_os("NASS_REGENERATE").is_some() {
        std::fs::write(path, &source).unwrap();
    }
    assert!(
        std::fs::read_to_string(path).unwrap() == source,
        "regenerate with NASS_REGENERATE=1 cargo test -p nass-calendar umm_al_qura_table"
    );
    // By hand, from the fact sheet: 1 Ramadan 1445 = 2024-03-11, 1 Muharram 1446 =
    // 2024-07-07, and the table's range 1924-08-01..2077-11-16.
    let ramadan = (1445 - uq::FIRST_YEAR) as usize * 12 + 8;
    assert_eq!(
        uq::BASE_JDN + i32::from(uq::MONTH_STARTS[ramadan]),
        g(2024, 3, 11).jdn()
    );
    let muharram = (1446 - uq::FIRST_YEAR) as usize * 12;
    assert_eq!(
        uq::BASE_JDN + i32::from(uq::MONTH_STARTS[muharram]),
        g(2024, 7, 7).jdn()
    );
    assert_eq!(
        (uq::FIRST_GREGORIAN, uq::LAST_GREGORIAN),
        ((1924, 8, 1), (2077, 11, 16))
    );
}

/// Every public type can be shared between threads and survives a caught panic.
#[test]
fn public_types_are_send_sync_and_unwind_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    check::<GregorianDate>();
    check::<HijriDate>();
    check::<HijriCalendar>();
    check::<TabularCalendar>();
    check::<LeapPattern>();
    check::<Epoch>();
    check::<Weekday>();
    check::<CalendarDate>();
    check::<CalendarKind>();
    check::<NamingSystem>();
    check::<EraMark>();
    check::<DateFormatter>();
    check::<DateFormatterBuilder>();
    check::<DateError>();
    check::<ParseNamingSystemError>();
}
