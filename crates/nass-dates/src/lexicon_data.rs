//! The lexicon's own data (facts from `../shared/spec/months.md`): the relative-word
//! spellings and why a spelling needs context. The month, weekday and era spellings are
//! nass-calendar's. Each spelling differs from every other spelling of the same word after
//! the `search` normalization (diacritics, tatweel, hamza forms, ى/ي and ة/ه are folded
//! there, so variants that differ only in those are not listed).

use crate::find::RelativeUnit;
use crate::word::RelativeWord;

/// Why a spelling needs context (see [`crate::LexiconEntry::ambiguity`]).
const ZERO: &str = "also the noun 'zero'";
const NAME: &str = "also a personal name";
const FORBIDDEN: &str = "also 'forbidden' and a personal name";
const VERB: &str = "also the verb 'practised'";
const CAR: &str = "also the car brand";
const MYTH: &str = "also a mythological name";
const FATHER: &str = "folds with أب 'father' (both become اب)";
const LIBYAN: &str = "a Libyan month name (1986-2011) that is also a common noun or name";
const TWO: &str = "also 'the two'";
const PRAYER: &str = "also 'the Friday prayer'";
const LETTER: &str = "a single letter: an era mark only after a year";
const ADJECTIVE: &str = "an ordinary adjective: relative only after a month, weekday or year";

/// The spellings that are also ordinary words, and why.
#[rustfmt::skip]
const AMBIGUOUS: &[(&str, &str)] = &[
    ("محرم", FORBIDDEN),
    ("المحرم", FORBIDDEN),
    ("صفر", ZERO),
    ("رجب", NAME),
    ("شعبان", NAME),
    ("رمضان", NAME),
    ("نيسان", CAR),
    ("تموز", MYTH),
    ("آب", FATHER),
    ("مارس", VERB),
    ("أي النار", LIBYAN),
    ("أين النار", LIBYAN),
    ("النوار", LIBYAN),
    ("الربيع", LIBYAN),
    ("الطير", LIBYAN),
    ("الماء", LIBYAN),
    ("الصيف", LIBYAN),
    ("ناصر", LIBYAN),
    ("هانيبال", LIBYAN),
    ("هنيبال", LIBYAN),
    ("الفاتح", LIBYAN),
    ("التمور", LIBYAN),
    ("الحرث", LIBYAN),
    ("الكانون", LIBYAN),
    ("الإثنين", TWO),
    ("الجمعة", PRAYER),
    ("هـ", LETTER),
    ("م", LETTER),
    ("الماضي", ADJECTIVE),
    ("الماضية", ADJECTIVE),
    ("الماضيين", ADJECTIVE),
    ("المنصرم", ADJECTIVE),
    ("المنصرمة", ADJECTIVE),
    ("الفائت", ADJECTIVE),
    ("الفائتة", ADJECTIVE),
    ("السابق", ADJECTIVE),
    ("السابقة", ADJECTIVE),
    ("المقبل", ADJECTIVE),
    ("المقبلة", ADJECTIVE),
    ("المقبلين", ADJECTIVE),
    ("القادم", ADJECTIVE),
    ("القادمة", ADJECTIVE),
    ("القادمين", ADJECTIVE),
    ("الجاري", ADJECTIVE),
    ("الجارية", ADJECTIVE),
    ("الحالي", ADJECTIVE),
    ("الحالية", ADJECTIVE),
];

/// Why `spelling` (as listed) needs context, if it does.
pub(crate) fn ambiguity(spelling: &str) -> Option<&'static str> {
    AMBIGUOUS
        .iter()
        .find(|&&(s, _)| s == spelling)
        .map(|&(_, why)| why)
}

/// The relative words (section 5).
#[rustfmt::skip]
pub(crate) const RELATIVE_SPELLINGS: &[(&str, RelativeWord)] = &[
    ("الماضي", RelativeWord::Past),
    ("الماضية", RelativeWord::Past),
    ("الماضيين", RelativeWord::Past),
    ("المنصرم", RelativeWord::Past),
    ("المنصرمة", RelativeWord::Past),
    ("الفائت", RelativeWord::Past),
    ("الفائتة", RelativeWord::Past),
    ("السابق", RelativeWord::Past),
    ("السابقة", RelativeWord::Past),
    ("المقبل", RelativeWord::Next),
    ("المقبلة", RelativeWord::Next),
    ("المقبلين", RelativeWord::Next),
    ("القادم", RelativeWord::Next),
    ("القادمة", RelativeWord::Next),
    ("القادمين", RelativeWord::Next),
    ("الجاري", RelativeWord::Current),
    ("الجارية", RelativeWord::Current),
    ("الحالي", RelativeWord::Current),
    ("الحالية", RelativeWord::Current),
];

/// How many a unit word counts by its form: one (يوم، يوماً), two (the dual يومين), or
/// several (the plural أيام, which needs a count or stays vague).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    One,
    Two,
    Many,
}

/// A word that starts a relative date, found by the same gazetteer pass as the lexicon
/// (but not part of [`crate::lexicon`], whose words are names): the finder reads the
/// words around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trigger {
    /// A day said by its distance from today: اليوم 0, أمس -1, غدا 1 ...
    Day(i8),
    /// A unit of time, counted before it (3 أيام، ثلاثة أشهر) or by its form.
    Unit(RelativeUnit, Form),
    /// A period with the article, named by an adjective after it (الشهر الماضي): its unit
    /// and whether the noun is feminine (السنة).
    Period(RelativeUnit, bool),
    /// Periods with the article, dual or plural, named by an adjective after them and an
    /// optional count between (الأيام الثلاثة الماضية، العامين الماضيين).
    Periods(RelativeUnit, Form),
}

/// The trigger words, written as the `search` normalization leaves them unchanged
/// (hamza, ة, tanween and other marks fold there: غداً is found as غدا).
#[rustfmt::skip]
pub(crate) const TRIGGER_SPELLINGS: &[(&str, Trigger)] = {
    use Form::{Many, One, Two};
    use RelativeUnit::{Day, Hour, Minute, Month, Week, Year};
    use Trigger::{Day as D, Period as P, Periods as PS, Unit as U};
    &[
        ("اليوم", D(0)),
        ("أمس", D(-1)),
        ("الأمس", D(-1)), // only as بالأمس
        ("البارحة", D(-1)),
        ("أول أمس", D(-2)),
        ("أول من أمس", D(-2)),
        ("أمس الأول", D(-2)),
        ("غدا", D(1)),
        ("بعد غد", D(2)),
        ("بعد الغد", D(2)),
        ("يوم", U(Day, One)), ("يوما", U(Day, One)), ("أيام", U(Day, Many)),
        ("يومين", U(Day, Two)), ("يومان", U(Day, Two)),
        ("أسبوع", U(Week, One)), ("أسبوعا", U(Week, One)), ("أسابيع", U(Week, Many)),
        ("أسبوعين", U(Week, Two)), ("أسبوعان", U(Week, Two)),
        ("شهر", U(Month, One)), ("شهرا", U(Month, One)), ("أشهر", U(Month, Many)),
        ("شهور", U(Month, Many)), ("شهرين", U(Month, Two)), ("شهران", U(Month, Two)),
        ("سنة", U(Year, One)), ("سنوات", U(Year, Many)), ("سنين", U(Year, Many)),
        ("سنتين", U(Year, Two)), ("سنتان", U(Year, Two)),
        ("عام", U(Year, One)), ("عاما", U(Year, One)), ("أعوام", U(Year, Many)),
        ("عامين", U(Year, Two)), ("عامان", U(Year, Two)),
        ("ساعة", U(Hour, One)), ("ساعات", U(Hour, Many)),
        ("ساعتين", U(Hour, Two)), ("ساعتان", U(Hour, Two)),
        ("دقيقة", U(Minute, One)), ("دقائق", U(Minute, Many)),
        ("دقيقتين", U(Minute, Two)), ("دقيقتان", U(Minute, Two)),
        ("الأسبوع", P(Week, false)),
        ("الشهر", P(Month, false)),
        ("العام", P(Year, false)),
        ("السنة", P(Year, true)),
        ("الأيام", PS(Day, Many)), ("اليومين", PS(Day, Two)),
        ("الأسابيع", PS(Week, Many)), ("الأسبوعين", PS(Week, Two)),
        ("الأشهر", PS(Month, Many)), ("الشهور", PS(Month, Many)), ("الشهرين", PS(Month, Two)),
        ("السنوات", PS(Year, Many)), ("السنين", PS(Year, Many)), ("السنتين", PS(Year, Two)),
        ("الأعوام", PS(Year, Many)), ("العامين", PS(Year, Two)),
        ("الساعات", PS(Hour, Many)), ("الساعتين", PS(Hour, Two)),
    ]
};

#[cfg(test)]
use crate::word::{DateWord, MonthName};
#[cfg(test)]
use nass_calendar::{
    EraMark, NamingSystem,
    NamingSystem::{French, Hijri, Latin, Libyan, Moroccan, Syriac},
    Weekday,
};

#[cfg(test)]
const fn m(system: NamingSystem, month: u8) -> DateWord {
    DateWord::Month(MonthName::new_unchecked(system, month))
}

/// Spellings from the fact sheet that the list above covers through normalization only
/// (they differ from a listed spelling in diacritics, tatweel, hamza, ى/ي or ة/ه), with
/// the word they must be found as. Tested.
#[cfg(test)]
#[rustfmt::skip]
pub(crate) const FOLDED_SPELLINGS: &[(&str, DateWord)] = &[
    ("محرّم", m(Hijri, 1)),
    ("مُحَرَّم", m(Hijri, 1)),
    ("ربيع الاول", m(Hijri, 3)),
    ("ربيع الأوّل", m(Hijri, 3)),
    ("ربيع الاخر", m(Hijri, 4)),
    ("ربيع الآخِر", m(Hijri, 4)),
    ("ربيع الثانى", m(Hijri, 4)),
    ("جمادى الاولى", m(Hijri, 5)),
    ("جمادى الاول", m(Hijri, 5)),
    ("جمادي الأولى", m(Hijri, 5)),
    ("جمادى الاخرة", m(Hijri, 6)),
    ("جمادى الآخره", m(Hijri, 6)),
    ("جمادي الآخرة", m(Hijri, 6)),
    ("شوّال", m(Hijri, 10)),
    ("ذو القعده", m(Hijri, 11)),
    ("ذو القِعدة", m(Hijri, 11)),
    ("ذو القَعدة", m(Hijri, 11)),
    ("ذو الحجه", m(Hijri, 12)),
    ("ذو الحِجّة", m(Hijri, 12)),
    ("اذار", m(Syriac, 3)),
    ("ايار", m(Syriac, 5)),
    ("أيّار", m(Syriac, 5)),
    ("تمّوز", m(Syriac, 7)),
    ("اب", m(Syriac, 8)),
    ("ايلول", m(Syriac, 9)),
    ("إبريل", m(Latin, 4)),
    ("ابريل", m(Latin, 4)),
    ("اغسطس", m(Latin, 8)),
    ("اكتوبر", m(Latin, 10)),
    ("افريل", m(French, 4)),
    ("اوت", m(French, 8)),
    ("إبريل", m(Moroccan, 4)),
    ("آي النار", m(Libyan, 1)),
    ("النوّار", m(Libyan, 2)),
    ("الاثنين", DateWord::Weekday(Weekday::Monday)),
    ("الأثنين", DateWord::Weekday(Weekday::Monday)),
    ("الاربعاء", DateWord::Weekday(Weekday::Wednesday)),
    ("الجمعه", DateWord::Weekday(Weekday::Friday)),
    ("الاحد", DateWord::Weekday(Weekday::Sunday)),
    ("ه", DateWord::Era(EraMark::Hijri)),
    ("هجرى", DateWord::Era(EraMark::Hijri)),
];
