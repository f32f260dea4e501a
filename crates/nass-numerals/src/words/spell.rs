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
