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

// ---------------------------------------------------------------------------------------
// Ordinal numbers in running text
// ---------------------------------------------------------------------------------------

/// A word that may begin an ordinal number (الثالث، خامسة، العشرون، المئة).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OrdWord {
    /// 1..10, 20..90 or 100..900.
    pub(super) value: u16,
    /// With the article ال.
    pub(super) article: bool,
    /// It is an ordinal on its own (الثالث); else it needs what follows (الحادي عشر).
    pub(super) alone: bool,
    /// It may begin a teen or a unit-and-tens ordinal (الحادي عشر، الخامس والعشرون).
    pub(super) compound: bool,
    /// Hundreds with the article: an ordinal only before و and an ordinal below 100
    /// (المئة والخامس); alone it is "the hundred" or "per cent" (في المئة).
    pub(super) hundreds: bool,
}

/// The ordinal reading of a folded word without proclitics (the article may be there);
/// `alif_maqsura`: whether the word ends in ى as written (الأولى, not the adjective
/// الأولي).
fn ordinal_stem(stem: &[u8], article: bool, alif_maqsura: impl Fn() -> bool) -> Option<OrdWord> {
    let w = |value, alone, compound| OrdWord {
        value,
        article,
        alone,
        compound,
        hundreds: false,
    };
    let is = |r: &[u8], s: &str| r == s.as_bytes();
    // The units, masculine and feminine. Without the article some are left out: أول and
    // أولى ("beginning", أول أمس), ثانية (a second of time), عاشر (also a verb), حادي.
    let (masc, rest) = match stem.strip_suffix("ه".as_bytes()) {
        Some(r) => (false, r),
        None => (true, stem),
    };
    const UNITS: [(&str, u16); 8] = [
        ("ثاني", 2),
        ("ثالث", 3),
        ("رابع", 4),
        ("خامس", 5),
        ("سادس", 6),
        ("سابع", 7),
        ("ثامن", 8),
        ("تاسع", 9),
    ];
    if rest.len() == 8 {
        if let Some(&(_, u)) = UNITS.iter().find(|(s, _)| is(rest, s)) {
            let alone = article || masc || u != 2;
            return Some(w(u, alone, true));
        }
        if is(rest, "حادي") {
            return Some(w(1, false, true));
        }
        if is(rest, "واحد") && article {
            return Some(w(1, false, true));
        }
        if is(rest, "عاشر") && (article || !masc) {
            return Some(w(10, true, false));
        }
        // الأولى with ى; الأولي with ي is "preliminary".
        if is(rest, "اولي") && masc && article && alif_maqsura() {
            return Some(w(1, true, false));
        }
    }
    if is(rest, "اول") && masc && article {
        return Some(w(1, true, false));
    }
    if !article {
        return None;
    }
    // The tens and hundreds with the article: the cardinal words.
    match lookup(stem)? {
        Lex::Ten(t) => Some(w(u16::from(t), true, false)),
        Lex::HundredWord => Some(OrdWord {
            hundreds: true,
            ..w(100, false, false)
        }),
        Lex::Hundreds(h) => Some(OrdWord {
            hundreds: true,
            ..w(h, false, false)
        }),
        _ => None,
    }
}

/// The ordinal reading of a folded word `folded` (written `word`), with proclitics: its
/// reading and the number of proclitic letters. و or ف, then ب ك or ل, then the article
/// (ل + ال is written لل). `word` is the word as written (for ى).
pub(super) fn ordinal_word(folded: &[u8], word: &str) -> Option<(OrdWord, usize)> {
    let alif_maqsura = || {
        word.chars()
            .rev()
            .find(|&c| !is_transparent(c))
            .is_some_and(|c| c == 'ى')
    };
    let letter = |r: &[u8], set: &str| -> Option<usize> {
        let first = r.get(..2)?;
        set.as_bytes().chunks(2).any(|c| c == first).then_some(2)
    };
    let al = "ال".as_bytes();
    let mut conj = folded;
    for conj_letters in 0..=1usize {
        if conj_letters == 1 {
            match letter(folded, "وف") {
                Some(n) => conj = &folded[n..],
                None => break,
            }
        }
        for prep_letters in 0..=1usize {
            let mut r = conj;
            let mut elided = false;
            if prep_letters == 1 {
                match letter(conj, "بكل") {
                    Some(n) => {
                        elided = conj.starts_with("ل".as_bytes());
                        r = &conj[n..];
                    }
                    None => break,
                }
            }
            let (stem, article) = if let Some(x) = r.strip_prefix(al) {
                (x, true)
            } else if elided && r.starts_with("ل".as_bytes()) {
                // للثالث: ل + الثالث.
                (&r[2..], true)
            } else if r.starts_with("لل".as_bytes()) && prep_letters == 0 {
                continue;
            } else {
                (r, false)
            };
            if stem.len() < 6 {
                continue;
            }
            if let Some(o) = ordinal_stem(stem, article, alif_maqsura) {
                return Some((o, conj_letters + prep_letters));
            }
        }
    }
    None
}

/// The next word after `pos` on the line (spaces and tabs skipped), folded into `buf`:
/// its end, or `None` when there is none.
fn next_word(text: &str, pos: usize, buf: &mut String) -> Option<usize> {
    let rest = &text[pos..];
    let start = pos
        + (rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() && !is_line_break(c))
                .len());
    let word_len = text[start..]
        .char_indices()
        .find(|&(_, c)| !is_letter_word_char(c))
        .map_or(text.len() - start, |(i, _)| i);
    if word_len == 0 {
        return None;
    }
    let end = start + word_len;
    fold_for_lookup(&text[start..end], buf);
    Some(end)
}

/// The word after `pos` read as و + an ordinal word (attached or standing alone): its end
/// and reading.
fn and_ordinal(text: &str, pos: usize, buf: &mut String) -> Option<(usize, OrdWord)> {
    let mut end = next_word(text, pos, buf)?;
    let rest = if buf == "و" {
        end = next_word(text, end, buf)?;
        buf.as_str()
    } else {
        buf.strip_prefix('و')?
    };
    // No proclitic after the و: the word itself (its end as written, for ى).
    let (o, letters) = ordinal_word(rest.as_bytes(), &text[..end])?;
    (letters == 0).then_some((end, o))
}

/// The ordinal number that begins with `first` (ending at `end`): its end and value.
/// Forms: a unit or tens ordinal alone (الثالث، الثالثة، ثالث، العشرون); a unit and عشر
/// or عشرة (الحادي عشر، الثانية عشرة); a unit, و and tens (الخامس والعشرون, with the
/// article on both or on neither); hundreds with the article, و and one of those with
/// the article (المئة والخامس والعشرون).
pub(super) fn ordinal_at(text: &str, first: OrdWord, end: usize) -> Option<(usize, u32)> {
    let mut buf = String::new();
    if first.hundreds {
        let (e, o) = and_ordinal(text, end, &mut buf)?;
        if !o.article || o.hundreds {
            return None;
        }
        let (e, v) = below_hundred_ordinal(text, o, e, &mut buf)?;
        return Some((e, u32::from(first.value) + v));
    }
    below_hundred_ordinal(text, first, end, &mut buf)
}

fn below_hundred_ordinal(
    text: &str,
    first: OrdWord,
    end: usize,
    buf: &mut String,
) -> Option<(usize, u32)> {
    let unit = u32::from(first.value);
    if first.compound {
        if let Some(e) = next_word(text, end, buf) {
            if buf == "عشر" || buf == "عشره" {
                return Some((e, 10 + unit));
            }
        }
        if let Some((e, o)) = and_ordinal(text, end, buf) {
            if o.value >= 20 && o.value < 100 && o.article == first.article {
                return Some((e, u32::from(o.value) + unit));
            }
        }
        // Without the article the tens are cardinal words (خامس وعشرون).
        if !first.article {
            if let Some(e) = next_word(text, end, buf) {
                if let Some(Lex::Ten(t)) = buf.strip_prefix('و').and_then(|r| lookup(r.as_bytes()))
                {
                    return Some((e, u32::from(t) + unit));
                }
            }
        }
    }
    first.alone.then_some((end, unit))
}
