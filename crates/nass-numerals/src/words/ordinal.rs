//! Ordinal days of the month, both ways.

use super::*;

pub(super) const ORDINAL_DAYS_MASC: [&str; 31] = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي عشر",
    "الثاني عشر",
    "الثالث عشر",
    "الرابع عشر",
    "الخامس عشر",
    "السادس عشر",
    "السابع عشر",
    "الثامن عشر",
    "التاسع عشر",
    "العشرون",
    "الحادي والعشرون",
    "الثاني والعشرون",
    "الثالث والعشرون",
    "الرابع والعشرون",
    "الخامس والعشرون",
    "السادس والعشرون",
    "السابع والعشرون",
    "الثامن والعشرون",
    "التاسع والعشرون",
    "الثلاثون",
    "الحادي والثلاثون",
];

pub(super) const ORDINAL_DAYS_FEM: [&str; 31] = [
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
    "الحادية عشرة",
    "الثانية عشرة",
    "الثالثة عشرة",
    "الرابعة عشرة",
    "الخامسة عشرة",
    "السادسة عشرة",
    "السابعة عشرة",
    "الثامنة عشرة",
    "التاسعة عشرة",
    "العشرون",
    "الحادية والعشرون",
    "الثانية والعشرون",
    "الثالثة والعشرون",
    "الرابعة والعشرون",
    "الخامسة والعشرون",
    "السادسة والعشرون",
    "السابعة والعشرون",
    "الثامنة والعشرون",
    "التاسعة والعشرون",
    "الثلاثون",
    "الحادية والثلاثون",
];

/// The ordinal of a day of the month (1..=31) in the nominative, agreeing with `gender`
/// (اليوم الحادي عشر، الليلة الحادية عشرة); `None` outside 1..=31.
///
/// ```
/// use nass_numerals::{ordinal_day_words, Gender};
/// assert_eq!(ordinal_day_words(1, Gender::Masculine), Some("الأول"));
/// assert_eq!(ordinal_day_words(1, Gender::Feminine), Some("الأولى"));
/// assert_eq!(ordinal_day_words(31, Gender::Masculine), Some("الحادي والثلاثون"));
/// assert_eq!(ordinal_day_words(0, Gender::Masculine), None);
/// ```
pub fn ordinal_day_words(day: u8, gender: Gender) -> Option<&'static str> {
    let i = (day as usize).checked_sub(1)?;
    match gender {
        Gender::Masculine => ORDINAL_DAYS_MASC.get(i).copied(),
        Gender::Feminine => ORDINAL_DAYS_FEM.get(i).copied(),
    }
}

/// (value, may stand alone, may start a compound)
pub(super) fn ordinal_unit(w: &str) -> Option<(u8, bool, bool)> {
    let w = w.strip_suffix('ه').unwrap_or(w);
    Some(match w {
        "الاول" | "الاولي" => (1, true, false),
        "الحادي" | "الواحد" => (1, false, true),
        "الثاني" => (2, true, true),
        "الثالث" => (3, true, true),
        "الرابع" => (4, true, true),
        "الخامس" => (5, true, true),
        "السادس" => (6, true, true),
        "السابع" => (7, true, true),
        "الثامن" => (8, true, true),
        "التاسع" => (9, true, true),
        "العاشر" => (10, true, false),
        _ => return None,
    })
}

/// Reads an ordinal day of the month (1..=31) in either gender and any case, with the usual
/// spelling variants (diacritics, hamza forms, ة/ه, ى/ي): الأول، الأولى، الحادي عشر،
/// الحادية عشرة، العشرين، الحادي والثلاثون …
///
/// ```
/// use nass_numerals::parse_ordinal_day;
/// assert_eq!(parse_ordinal_day("الحادي عشر"), Some(11));
/// assert_eq!(parse_ordinal_day("الثانيةَ والعشرين"), Some(22));
/// assert_eq!(parse_ordinal_day("الاولى"), Some(1));
/// assert_eq!(parse_ordinal_day("الثاني والثلاثون"), None);
/// ```
pub fn parse_ordinal_day(s: &str) -> Option<u8> {
    let mut buf = String::new();
    let mut words: Vec<String> = Vec::with_capacity(2);
    for w in s.split_whitespace() {
        if words.len() == 2 {
            return None;
        }
        fold_for_lookup(w, &mut buf);
        words.push(buf.clone());
    }
    match words.as_slice() {
        [w] => match w.as_str() {
            "العشرون" | "العشرين" => Some(20),
            "الثلاثون" | "الثلاثين" => Some(30),
            _ => match ordinal_unit(w)? {
                (v, true, _) => Some(v),
                _ => None,
            },
        },
        [a, b] => {
            let (u, _, compound) = ordinal_unit(a)?;
            if !compound {
                return None;
            }
            match b.as_str() {
                "عشر" | "عشره" => Some(10 + u),
                "والعشرون" | "والعشرين" => Some(20 + u),
                "والثلاثون" | "والثلاثين" if u == 1 => Some(31),
                _ => None,
            }
        }
        _ => None,
    }
}
