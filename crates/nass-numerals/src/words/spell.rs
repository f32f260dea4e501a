//! Spelling numbers out: [`number_to_words`](crate::number_to_words).

use super::*;

pub(super) const UNITS_FEM_FORM: [&str; 11] = [
    "",
    "واحد",
    "اثنان",
    "ثلاثة",
    "أربعة",
    "خمسة",
    "ستة",
    "سبعة",
    "ثمانية",
    "تسعة",
    "عشرة",
];
pub(super) const UNITS_MASC_FORM: [&str; 11] = [
    "",
    "واحدة",
    "اثنتان",
    "ثلاث",
    "أربع",
    "خمس",
    "ست",
    "سبع",
    "ثماني",
    "تسع",
    "عشر",
];
pub(super) const TENS_NOM: [&str; 10] = [
    "",
    "",
    "عشرون",
    "ثلاثون",
    "أربعون",
    "خمسون",
    "ستون",
    "سبعون",
    "ثمانون",
    "تسعون",
];
pub(super) const TENS_ACC: [&str; 10] = [
    "",
    "",
    "عشرين",
    "ثلاثين",
    "أربعين",
    "خمسين",
    "ستين",
    "سبعين",
    "ثمانين",
    "تسعين",
];
pub(super) const HUNDREDS: [&str; 10] = [
    "",
    "مئة",
    "",
    "ثلاثمئة",
    "أربعمئة",
    "خمسمئة",
    "ستمئة",
    "سبعمئة",
    "ثمانمئة",
    "تسعمئة",
];

/// A unit 1–10 standing alone or before و + tens, agreeing with a noun of `gender`.
pub(super) fn unit_word(u: u64, gender: Gender, case: Case, before_tens: bool) -> &'static str {
    let masc = gender == Gender::Masculine;
    match (u, masc, case.nominative()) {
        // Before tens the compound forms: أحد وعشرون رجلًا، إحدى وعشرون امرأة.
        (1, true, _) => {
            if before_tens {
                "أحد"
            } else {
                "واحد"
            }
        }
        (1, false, _) => {
            if before_tens {
                "إحدى"
            } else {
                "واحدة"
            }
        }
        (2, true, true) => "اثنان",
        (2, true, false) => "اثنين",
        (2, false, true) => "اثنتان",
        (2, false, false) => "اثنتين",
        // Polarity: a masculine noun takes the form in ة.
        (_, true, _) => UNITS_FEM_FORM[u as usize],
        (_, false, _) => UNITS_MASC_FORM[u as usize],
    }
}

/// 1..=99 agreeing with a noun of `gender`.
pub(super) fn below_hundred(n: u64, gender: Gender, case: Case, out: &mut String) {
    let masc = gender == Gender::Masculine;
    let nom = case.nominative();
    match n {
        1..=10 => out.push_str(unit_word(n, gender, case, false)),
        11 => out.push_str(if masc {
            "أحد عشر"
        } else {
            "إحدى عشرة"
        }),
        12 => out.push_str(match (masc, nom) {
            (true, true) => "اثنا عشر",
            (true, false) => "اثني عشر",
            (false, true) => "اثنتا عشرة",
            (false, false) => "اثنتي عشرة",
        }),
        13..=19 => {
            out.push_str(unit_word(n - 10, gender, case, false));
            out.push_str(if masc { " عشر" } else { " عشرة" });
        }
        _ => {
            let (t, u) = (n / 10, n % 10);
            if u > 0 {
                out.push_str(unit_word(u, gender, case, true));
                out.push_str(" و");
            }
            out.push_str(if nom { TENS_NOM } else { TENS_ACC }[t as usize]);
        }
    }
}

/// The hundreds word of `h` (1..=9) standing alone (مئتان/مئتين) or in construct before a
/// noun (مئتا/مئتي).
pub(super) fn hundreds_word(h: u64, case: Case, construct: bool) -> &'static str {
    match (h, construct, case.nominative()) {
        (2, false, true) => "مئتان",
        (2, false, false) => "مئتين",
        (2, true, true) => "مئتا",
        (2, true, false) => "مئتي",
        _ => HUNDREDS[h as usize],
    }
}

/// 1..=999 agreeing with a noun of `gender`.
pub(super) fn below_thousand(n: u64, gender: Gender, case: Case, out: &mut String) {
    let (h, r) = (n / 100, n % 100);
    if h > 0 {
        out.push_str(hundreds_word(h, case, false));
        if r > 0 {
            out.push_str(" و");
        }
    }
    if r > 0 {
        below_hundred(r, gender, case, out);
    }
}

pub(super) struct ScaleNames {
    pub(super) single: &'static str,
    pub(super) dual_nom: &'static str,
    pub(super) dual_acc: &'static str,
    pub(super) plural: &'static str,
    pub(super) tanwin: &'static str,
}

pub(super) const SCALES: [(u64, ScaleNames); 4] = [
    (
        1_000_000_000_000,
        ScaleNames {
            single: "تريليون",
            dual_nom: "تريليونان",
            dual_acc: "تريليونين",
            plural: "تريليونات",
            tanwin: "تريليونًا",
        },
    ),
    (
        1_000_000_000,
        ScaleNames {
            single: "مليار",
            dual_nom: "ملياران",
            dual_acc: "مليارين",
            plural: "مليارات",
            tanwin: "مليارًا",
        },
    ),
    (
        1_000_000,
        ScaleNames {
            single: "مليون",
            dual_nom: "مليونان",
            dual_acc: "مليونين",
            plural: "ملايين",
            tanwin: "مليونًا",
        },
    ),
    (
        1_000,
        ScaleNames {
            single: "ألف",
            dual_nom: "ألفان",
            dual_acc: "ألفين",
            plural: "آلاف",
            tanwin: "ألفًا",
        },
    ),
];

/// `count` (>= 1) of a scale noun (all four are masculine).
pub(super) fn scale_phrase(count: u64, names: &ScaleNames, case: Case, out: &mut String) {
    let dual = if case.nominative() {
        names.dual_nom
    } else {
        names.dual_acc
    };
    let m = Gender::Masculine;
    let (hi, r) = (count - count % 100, count % 100);
    // The part above the last two digits, written before the noun.
    let write_hi = |out: &mut String, construct: bool| {
        if hi < 1000 {
            out.push_str(hundreds_word(hi / 100, case, construct));
        } else {
            words_into(hi, m, case, out);
        }
    };
    match (hi, r) {
        (0, 1) => out.push_str(names.single),
        (0, 2) => out.push_str(dual),
        (0, _) => {
            below_hundred(r, m, case, out);
            out.push(' ');
            out.push_str(if r <= 10 { names.plural } else { names.tanwin });
        }
        (_, 0..=2) => {
            write_hi(out, true);
            out.push(' ');
            out.push_str(names.single);
            match r {
                1 => {
                    out.push_str(" و");
                    out.push_str(names.single);
                }
                2 => {
                    out.push_str(" و");
                    out.push_str(dual);
                }
                _ => {}
            }
        }
        (_, _) => {
            write_hi(out, false);
            out.push_str(" و");
            below_hundred(r, m, case, out);
            out.push(' ');
            out.push_str(if r <= 10 { names.plural } else { names.tanwin });
        }
    }
}

pub(super) fn words_into(n: u64, gender: Gender, case: Case, out: &mut String) {
    if n == 0 {
        out.push_str("صفر");
        return;
    }
    let mut rest = n;
    let mut first = true;
    for (i, (scale, names)) in SCALES.iter().enumerate() {
        let count = if i == 0 {
            rest / scale
        } else {
            (rest / scale) % 1000
        };
        if count > 0 {
            if !first {
                out.push_str(" و");
            }
            scale_phrase(count, names, case, out);
            first = false;
        }
        rest %= scale;
    }
    if rest > 0 {
        if !first {
            out.push_str(" و");
        }
        below_thousand(rest, gender, case, out);
    }
}

/// Spells out `n` in Modern Standard Arabic, agreeing with a counted noun of `gender`, in
/// `case`.
///
/// Rules: units 3–10 take the opposite gender's form (ثلاثة كتب، ثلاث سيارات); 11 and 12 agree
/// (أحد عشر/إحدى عشرة، اثنا عشر/اثنتا عشرة); units precede tens (خمسة وعشرون; for one the
/// compound forms أحد وعشرون/إحدى وعشرون, as the grammars give them; the parser also reads
/// the common واحد وعشرون); hundreds are spelt مئة، مئتان، ثلاثمئة … تسعمئة (one word; the construct مئتا/مئتي
/// before a scale noun). Scale nouns (ألف، مليون، مليار، تريليون, all masculine) follow the
/// counting rules: 1 ألف, 2 ألفان, 3–10 plural آلاف، ملايين، مليارات، تريليونات, 11–99
/// accusative singular written with tanwin ألفًا، مليونًا, 100s in construct مئة ألف; a count
/// ending in 01 or 02 after hundreds repeats the noun (مئة ألف وألف = 101 000, مئة ألف وألفان
/// = 102 000). Parts are joined by " و". Gender affects only the last group (below 1000);
/// case affects every dual and every -ون/-ين form. Above 999 trillion (all of `u64` is
/// accepted) the trillion count is itself spelt out (ألف تريليون), which
/// [`parse_number_words`] reads back.
///
/// ```
/// use nass_numerals::{number_to_words, Case, Gender};
/// let w = |n| number_to_words(n, Gender::Masculine, Case::Nominative);
/// assert_eq!(w(2516), "ألفان وخمسمئة وستة عشر");
/// assert_eq!(w(11_000), "أحد عشر ألفًا");
/// assert_eq!(w(1_000_000_000_000), "تريليون");
/// assert_eq!(number_to_words(21, Gender::Feminine, Case::Genitive), "إحدى وعشرين");
/// ```
pub fn number_to_words(n: u64, gender: Gender, case: Case) -> String {
    let mut out = String::with_capacity(64);
    words_into(n, gender, case, &mut out);
    out
}

/// The most digits after the point [`spell_number`] spells (and
/// [`parse_number_words`](crate::parse_number_words) reads).
const MAX_FRACTION_DIGITS: usize = 38;

/// Spells out an exact decimal number, as [`number_to_words`] does its integer part: a
/// negative number after سالب, the fraction after فاصلة. The digits after the point:
/// each leading zero as صفر, then the rest as one number when it has at most three digits
/// (3.25: ثلاثة فاصلة خمسة وعشرون; 0.05: صفر فاصلة خمسة... with صفر), else digit by digit
/// (3.1416: ثلاثة فاصلة واحد أربعة واحد ستة). These are the forms
/// [`parse_number_words`](crate::parse_number_words) reads back to the same value.
/// `None` when the integer part is beyond `u64` or there are more than 38 digits after
/// the point.
///
/// ```
/// use nass_numerals::{parse_number, parse_number_words, spell_number, Case, Gender};
/// let w = |s| spell_number(&parse_number(s).unwrap(), Gender::Masculine, Case::Nominative).unwrap();
/// assert_eq!(w("10.7"), "عشرة فاصلة سبعة");
/// assert_eq!(w("-3"), "سالب ثلاثة");
/// assert_eq!(w("0.05"), "صفر فاصلة صفر خمسة");
/// assert_eq!(w("2.125"), "اثنان فاصلة مئة وخمسة وعشرون");
/// assert_eq!(w("3.1416"), "ثلاثة فاصلة واحد أربعة واحد ستة");
/// assert_eq!(parse_number_words(&w("-1250.75")).unwrap().to_string(), "-1250.75");
/// ```
pub fn spell_number(n: &Number, gender: Gender, case: Case) -> Option<String> {
    let text = n.to_string();
    let (negative, abs) = match text.strip_prefix('-') {
        Some(a) => (true, a),
        None => (false, text.as_str()),
    };
    let (int, frac) = abs.split_once('.').unwrap_or((abs, ""));
    let int: u64 = int.parse().ok()?;
    if frac.len() > MAX_FRACTION_DIGITS {
        return None;
    }
    let mut out = String::with_capacity(64);
    if negative {
        out.push_str("سالب ");
    }
    words_into(int, gender, case, &mut out);
    if !frac.is_empty() {
        out.push_str(" فاصلة");
        let rest = frac.trim_start_matches('0');
        for _ in 0..frac.len() - rest.len() {
            out.push_str(" صفر");
        }
        if rest.len() <= 3 {
            out.push(' ');
            // (At most three digits: below a thousand.)
            below_thousand(rest.parse().ok()?, gender, case, &mut out);
        } else {
            for d in rest.bytes() {
                out.push(' ');
                match d - b'0' {
                    0 => out.push_str("صفر"),
                    d => out.push_str(unit_word(u64::from(d), gender, case, false)),
                }
            }
        }
    }
    Some(out)
}

/// The ordinal units with the article, masculine and feminine (الأول/الأولى … العاشر).
const ORDINAL_UNITS: [(&str, &str); 11] = [
    ("", ""),
    ("الأول", "الأولى"),
    ("الثاني", "الثانية"),
    ("الثالث", "الثالثة"),
    ("الرابع", "الرابعة"),
    ("الخامس", "الخامسة"),
    ("السادس", "السادسة"),
    ("السابع", "السابعة"),
    ("الثامن", "الثامنة"),
    ("التاسع", "التاسعة"),
    ("العاشر", "العاشرة"),
];

/// Spells out the ordinal `n` (1..=999, but the whole hundreds) with the article, agreeing
/// with a noun of `gender`, in the nominative: الأول، الثالثة، الحادي عشر، الثانية عشرة،
/// العشرون، الخامس والعشرون، المئة والخامس والعشرون. These are forms
/// [`find_number_words`](crate::find_number_words) reports as ordinals of that value.
/// `None` for 0, whole hundreds (المئة alone is also "per cent": not read as an ordinal)
/// and beyond 999.
///
/// ```
/// use nass_numerals::{ordinal_to_words, Gender};
/// assert_eq!(ordinal_to_words(3, Gender::Feminine).as_deref(), Some("الثالثة"));
/// assert_eq!(ordinal_to_words(11, Gender::Masculine).as_deref(), Some("الحادي عشر"));
/// assert_eq!(ordinal_to_words(12, Gender::Feminine).as_deref(), Some("الثانية عشرة"));
/// assert_eq!(ordinal_to_words(125, Gender::Masculine).as_deref(), Some("المئة والخامس والعشرون"));
/// assert_eq!(ordinal_to_words(200, Gender::Masculine), None);
/// ```
pub fn ordinal_to_words(n: u32, gender: Gender) -> Option<String> {
    if n == 0 || n > 999 || n % 100 == 0 {
        return None;
    }
    let masc = gender == Gender::Masculine;
    let unit = |u: u32| {
        let (m, f) = ORDINAL_UNITS[u as usize];
        if masc {
            m
        } else {
            f
        }
    };
    let mut out = String::with_capacity(48);
    let (h, r) = (n / 100, n % 100);
    if h > 0 {
        out.push_str("ال");
        out.push_str(hundreds_word(u64::from(h), Case::Nominative, false));
        out.push_str(" و");
    }
    match r {
        1..=10 => out.push_str(unit(r)),
        11..=19 => {
            out.push_str(match (r, masc) {
                (11, true) => "الحادي",
                (11, false) => "الحادية",
                _ => unit(r - 10),
            });
            out.push_str(if masc { " عشر" } else { " عشرة" });
        }
        _ => {
            let (t, u) = (r / 10, r % 10);
            if u > 0 {
                out.push_str(match (u, masc) {
                    (1, true) => "الحادي",
                    (1, false) => "الحادية",
                    _ => unit(u),
                });
                out.push_str(" و");
            }
            out.push_str("ال");
            out.push_str(TENS_NOM[t as usize]);
        }
    }
    Some(out)
}
