//! Relative dates: a day word (اليوم، أمس، غدا ...), a counted span (منذ 3 أيام، بعد
//! أسبوعين، خلال ثلاثة أشهر) and a named period (الشهر الماضي، هذا العام), read around the
//! trigger word that the lexicon pass found.

use nass_calendar::{CalendarKind, EraMark, Weekday};
use nass_numerals::{find_number_words, parse_number_words, NumberSource};

use super::parse::{year_expr, AdjectiveForm, Word};
use super::text::*;
use super::{
    DateKind, DateMatches, DatePart, DateValue, Expr, Num, RelativeOffset, RelativeUnit, YearPart,
};
use crate::lexicon_data::{Form, Trigger};
use crate::word::RelativeWord;

/// The words before a count that make it a distance from the moment of writing, and
/// which way: منذ and قبل back, بعد on, خلال (and في غضون) the span from now on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    Back,
    On,
    Within,
}

/// The largest count read (a million units): beyond it no date is meant, and the
/// arithmetic stays far from overflow.
const MAX_COUNT: u64 = 1_000_000;

/// Words (written folded) before العام that make it the adjective "general, public" (الأمين
/// العام الحالي is the current secretary-general, not the current year).
const GENERAL_NOUNS: &[&str] = &[
    "الامين",
    "المدعي",
    "النائب",
    "المدير",
    "المفتش",
    "المراقب",
    "المنسق",
    "المقرر",
    "المؤتمر",
    "القطاع",
    "الراي",
    "الاضراب",
    "الامن",
    "النظام",
    "المال",
    "الصالح",
];

impl<'t> DateMatches<'t> {
    pub(super) fn parse_trigger(&self, w: Word, t: Trigger, min: usize) -> Option<Expr> {
        let e = match t {
            Trigger::Day(n) => self.day_word(w, n)?,
            Trigger::Unit(RelativeUnit::Month, Form::One) => self
                .numbered_month(w)
                .or_else(|| self.counted(w, RelativeUnit::Month, Form::One))?,
            Trigger::Unit(RelativeUnit::Year, Form::One) => self
                .year_in_words(w)
                .or_else(|| self.counted(w, RelativeUnit::Year, Form::One))?,
            Trigger::Unit(unit, form) => self.counted(w, unit, form)?,
            Trigger::Period(unit, feminine) => self.named_period(w, unit, feminine)?,
            Trigger::Periods(unit, form) => self.named_periods(w, unit, form)?,
        };
        (e.start >= min).then_some(e)
    }

    /// The last or next few periods: a plural with a feminine adjective (الأيام الماضية,
    /// vague; الأشهر الستة المقبلة, a count between), or a dual with a dual adjective
    /// (العامين الماضيين): a span from the moment of writing back or on.
    fn named_periods(&self, w: Word, unit: RelativeUnit, form: Form) -> Option<Expr> {
        let text = self.text;
        let wanted = match form {
            Form::Two => AdjectiveForm::DualOrPlural,
            _ => AdjectiveForm::Feminine,
        };
        let mut count = (form == Form::Two).then_some(2);
        let r = match self.relative_after(w.end) {
            Some(r) => r,
            // A count word between: الأيام الثلاثة الماضية، السنوات العشر المقبلة.
            None if form == Form::Many => {
                let c = word_after(text, skip_ws(text, w.end))?;
                let r = self.relative_after(c.end)?;
                let word = &text[c];
                let bare = word
                    .strip_prefix("ال")
                    .or_else(|| word.strip_prefix("ٱل"))?;
                count = Some(count_value(bare, None).filter(|&n| n <= MAX_COUNT)? as i32);
                r
            }
            None => return None,
        };
        // السابقة is "the ones before" in the narrative, as for a single period.
        if r.form != wanted
            || r.step != 1
            || matches_key(&text[r.span.clone()], &["السابقه", "السابقين"])
        {
            return None;
        }
        let (offset, relative) = match r.word {
            RelativeWord::Past => (count.map(|n| (-n, 0)), RelativeWord::Past),
            RelativeWord::Next => (count.map(|n| (0, n)), RelativeWord::Next),
            RelativeWord::Current => return None,
        };
        let offset = offset.map(|(start, end)| RelativeOffset { unit, start, end });
        Some(relative_expr(w.start..r.end, relative, offset, None, None))
    }

    /// شهر and a month number (شهر 9 من عام 2021، شهر 9/2021، في شهر 9): with a year, or
    /// after في، منذ، حتى، خلال when there is none.
    fn numbered_month(&self, w: Word) -> Option<Expr> {
        let text = self.text;
        if !matches_key(&text[w.start..w.end], &["شهر"]) {
            return None;
        }
        let n = num_at(text, skip_spaces(text, w.end))?;
        let year = self.month_number_year(n)?;
        if year.is_none()
            && !word_before(text, w.start)
                .is_some_and(|b| matches_key(&text[b], &["في", "منذ", "حتي", "خلال"]))
        {
            return None;
        }
        Some(numbered_month_expr(w.start, n, year))
    }

    /// A year written in words after عام or سنة, as speech and its transcripts write it
    /// (في عام ألفين وعشرين، سنة ألف وتسعمائة وتسعين، عام ألف وأربعمائة وخمسة وأربعين
    /// هـ): a whole number from 1000 to 2999, with an era mark after it if any.
    fn year_in_words(&self, w: Word) -> Option<Expr> {
        let text = self.text;
        if !matches_key(&text[w.start..w.end], &["عام", "سنه"]) {
            return None;
        }
        let p = skip_spaces(text, w.end);
        // A year in words is a few words long: reading a bounded window keeps the work
        // per keyword constant. A number that reaches near the window's cut may go on
        // past it, so it is not taken.
        const WINDOW: usize = 256;
        let mut cut = (p + WINDOW).min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[p..cut];
        // Every year from 1000 to 2999 in words has ألف/ألفان/ألفين in it: a cheap test
        // before the number reader, as most عام and سنة are followed by no number.
        if !window.contains("لف") {
            return None;
        }
        let m = find_number_words(window).next()?;
        if m.start() != 0
            || m.source() != NumberSource::Words
            || (cut < text.len() && m.end() + 64 > window.len())
        {
            return None;
        }
        let n = m.value();
        let year = n
            .is_integer()
            .then(|| n.to_u64())
            .flatten()
            .filter(|v| (1000..=2999).contains(v))? as i32;
        let end = p + m.end();
        let year = match era_at(text, skip_spaces(text, end)) {
            Some((era, e, _)) if era != EraMark::SolarHijri => YearPart {
                end: e,
                year,
                era: Some(era),
            },
            _ => YearPart {
                end,
                year,
                era: None,
            },
        };
        Some(year_expr(w.start, year))
    }

    /// اليوم، أمس، البارحة، بالأمس، أول أمس، غدا، بعد غد, with the weekday that may follow
    /// (أمس الأحد).
    fn day_word(&self, w: Word, n: i8) -> Option<Expr> {
        let text = self.text;
        let word = &text[w.start..w.end];
        // الأمس is yesterday only as بالأمس.
        if n == -1 && matches_key(word, &["الامس"]) && !matches_key(word, &["بالامس"]) {
            return None;
        }
        let after = skip_ws(text, w.end);
        let next = word_after(text, after);
        let next_word = self.word_at(after);
        let weekday = next_word.and_then(|x| x.weekday);
        // A definite word after it, other than a weekday: اليوم الوطني (a named day), في
        // أمسّ الحاجة (the elative "most in need"), غدا الأمر (the verb "became"); and
        // اليوم نفسه (the same day).
        if weekday.is_none()
            && next.as_ref().is_some_and(|r| {
                let w = &text[r.clone()];
                is_definite(w) || matches_key(w, &["نفسه", "ذاته"])
            })
        {
            return None;
        }
        let before = word_before(text, w.start).map(|b| &text[b]);
        match n {
            // هذا اليوم، ذات اليوم، طوال اليوم: a day of the narrative, not today.
            0 if before.is_some_and(|b| {
                matches_key(
                    b,
                    &["هذا", "ذلك", "ذاك", "ذات", "نفس", "طوال", "طيله", "كل"],
                )
            }) =>
            {
                return None
            }
            // قد غدا، لقد غدا: the verb.
            1 if before.is_some_and(|b| matches_key(b, &["قد", "لقد"])) => return None,
            _ => {}
        }
        let mut end = w.end;
        let mut day = None;
        if let (Some(d), Some(x)) = (weekday, next_word) {
            // The weekday joins unless it starts a date of its own (اليوم الأحد 11 فبراير).
            let own = self
                .parse_word(x, x.start)
                .is_some_and(|e| e.value.day.is_some());
            if !own {
                end = x.end;
                day = Some(d);
            }
        }
        let n = i32::from(n);
        let offset = RelativeOffset {
            unit: RelativeUnit::Day,
            start: n,
            end: n,
        };
        Some(relative_expr(
            w.start..end,
            direction(n),
            Some(offset),
            day,
            None,
        ))
    }

    /// منذ / قبل / بعد / خلال / في غضون, a count in digits or words or none (the dual, the
    /// singular for one, the plural for a vague number), and the unit word `w`.
    fn counted(&self, w: Word, unit: RelativeUnit, form: Form) -> Option<Expr> {
        let text = self.text;
        // A number or a name right after the unit makes it no span (عام 2014، يوم الأحد):
        // the cheapest test first, as most unit words are not in a span.
        let next = skip_ws(text, w.end);
        if num_at(text, next).is_some() || self.name_at(next).is_some() {
            return None;
        }
        // The lead word: the first of the few tokens before the unit that is one.
        let mut p = w.start;
        let mut lead = None;
        for _ in 0..8 {
            let t = token_before(text, p)?;
            if let Some(l) = lead_at(text, t.clone()) {
                lead = Some(l);
                break;
            }
            p = t.start;
        }
        let (lead, start, mut count_from) = lead?;
        // An approximate count: منذ نحو 3 أشهر، قبل حوالي عشرين عاما.
        if let Some(a) = word_after(text, skip_ws(text, count_from)) {
            if a.end < w.start && matches_key(&text[a.clone()], &["نحو", "حوالي", "قرابه", "زهاء"])
            {
                count_from = a.end;
            }
        }
        let count = text[count_from..w.start].trim_matches(is_space);
        // يوما بعد يوم، عاما بعد عام: "gradually", no distance from now.
        if count.is_empty()
            && token_before(text, start)
                .and_then(|t| self.word_at(t.start).filter(|x| x.end == t.end))
                .is_some_and(|x| matches!(x.trigger, Some(Trigger::Unit(u, _)) if u == unit))
        {
            return None;
        }
        let amount = match (count, form) {
            ("", Form::One) => Some(1),
            ("", Form::Two) => Some(2),
            ("", Form::Many) => None,
            (_, Form::Two) => return None,
            (c, Form::Many) if matches_key(c, &["بضعه", "بضع", "عده"]) => None,
            (c, _) => Some(count_value(c, Some(&text[count_from..w.end]))?),
        };
        let mut end = w.end;
        // An explicit one after the singular: قبل يوم واحد، منذ سنة واحدة.
        if form == Form::One && count.is_empty() {
            if let Some(x) = word_after(text, skip_ws(text, end)) {
                if matches_key(&text[x.clone()], &["واحد", "واحده"]) {
                    end = x.end;
                }
            }
        }
        // A half or a quarter after the unit (منذ عام ونصف، قبل ساعة وربع، خلال يومين
        // ونصف): the count in the next smaller unit where that is whole (18 months, 75
        // minutes, 60 hours), else a vague count (شهر ونصف is no whole number of days or
        // weeks); the fraction belongs to the span.
        let (mut unit, mut amount) = (unit, amount);
        if let Some(x) = word_after(text, skip_ws(text, end)) {
            let word = &text[x.clone()];
            let quarters = if folds_to(word, "ونصف") {
                Some(2)
            } else if folds_to(word, "وربع") {
                Some(1)
            } else {
                None
            };
            if let Some(q) = quarters {
                end = x.end;
                (unit, amount) = match (unit, amount) {
                    (RelativeUnit::Year, Some(n)) => (RelativeUnit::Month, Some(n * 12 + 3 * q)),
                    (RelativeUnit::Day, Some(n)) => (RelativeUnit::Hour, Some(n * 24 + 6 * q)),
                    (RelativeUnit::Hour, Some(n)) => (RelativeUnit::Minute, Some(n * 60 + 15 * q)),
                    (u, _) => (u, None),
                };
            }
        }
        // What follows must not make the count one of another time: بعد عامين من الحرب،
        // بعد مرور عامين على ..., قبل يوم الانتخابات, قبل شهر رمضان, منذ عام 2014. But من
        // الآن is the moment of writing: قبل عامين من الآن.
        let after = skip_ws(text, end);
        if num_at(text, after).is_some() || self.name_at(after).is_some() {
            return None;
        }
        if let Some(x) = word_after(text, after) {
            let next = &text[x.clone()];
            if folds_to(next, "من") {
                let now = word_after(text, skip_ws(text, x.end))
                    .filter(|y| folds_to(&text[y.clone()], "الان"))?;
                end = now.end;
            } else if folds_to(next, "علي") || is_definite(next) {
                return None;
            }
        }
        let (offset, relative) = match (lead, amount) {
            (_, Some(n)) if n > MAX_COUNT => return None,
            (Lead::Back, n) => (n.map(|n| (-(n as i32), -(n as i32))), RelativeWord::Past),
            (Lead::On, n) => (n.map(|n| (n as i32, n as i32)), RelativeWord::Next),
            (Lead::Within, n) => (n.map(|n| (0, n as i32)), RelativeWord::Next),
        };
        let offset = offset.map(|(start, end)| RelativeOffset { unit, start, end });
        Some(relative_expr(start..end, relative, offset, None, None))
    }

    /// الأسبوع / الشهر / العام / السنة with a relative adjective that agrees with it
    /// (الماضي، المقبلة، الجاري ...; قبل الماضي، بعد المقبل), or after هذا / هذه, or after a
    /// part word alone (منتصف الشهر: the current one).
    fn named_period(&self, w: Word, unit: RelativeUnit, feminine: bool) -> Option<Expr> {
        let text = self.text;
        // Most period nouns have no relative word after them (الأمين العام): the cheapest
        // test first.
        let after = self.relative_after(w.end);
        let before = word_before(text, w.start);
        if after.is_some()
            && unit == RelativeUnit::Year
            && !feminine
            && before
                .as_ref()
                .is_some_and(|b| matches_key(&text[b.clone()], GENERAL_NOUNS))
        {
            return None;
        }
        let mut start = w.start;
        let mut end = w.end;
        let mut step = 0;
        let mut relative = RelativeWord::Current;
        let this = if feminine { "هذه" } else { "هذا" };
        let demonstrative = before.filter(|b| matches_key(&text[b.clone()], &[this]));
        if let Some(b) = &demonstrative {
            start = b.start;
        }
        // مطلع الشهر المقبل، منتصف العام الماضي، أواخر الشهر (this month).
        let part = self.part_before(start);
        if let Some((_, s)) = part {
            start = s;
        }
        match after {
            Some(r) => {
                let agrees = match r.form {
                    AdjectiveForm::Feminine => feminine,
                    AdjectiveForm::Masculine => !feminine,
                    AdjectiveForm::DualOrPlural => false,
                };
                // السابق is "the one before" in the narrative, not the moment of writing.
                if !agrees || matches_key(&text[r.span.clone()], &["السابق", "السابقه"])
                {
                    return None;
                }
                if demonstrative.is_some() && r.word != RelativeWord::Current {
                    return None;
                }
                end = r.end;
                relative = r.word;
                step = i32::from(r.step);
            }
            None if demonstrative.is_some() || part.is_some() => {}
            None => return None,
        }
        let n = match relative {
            RelativeWord::Past => -step,
            RelativeWord::Next => step,
            RelativeWord::Current => 0,
        };
        let offset = RelativeOffset {
            unit,
            start: n,
            end: n,
        };
        let part = part.map(|(p, _)| p);
        Some(relative_expr(
            start..end,
            relative,
            Some(offset),
            None,
            part,
        ))
    }
}

/// A month written as a number, with its year if any.
pub(super) fn numbered_month_expr(start: usize, n: Num, year: Option<YearPart>) -> Expr {
    let calendar = match year.and_then(|y| y.era) {
        Some(EraMark::Hijri) => CalendarKind::Hijri,
        _ => CalendarKind::Gregorian,
    };
    let kind = if year.is_some() {
        DateKind::MonthYear
    } else {
        DateKind::Month
    };
    let value = DateValue {
        year: year.map(|y| y.year),
        month: Some(n.value as u8),
        ..DateValue::default()
    };
    Expr::new(start, year.map_or(n.end, |y| y.end), kind, calendar, value)
}

/// A relative date: its span, direction, offset (none for a vague count), the weekday
/// named with a day word, and the part named before a period.
fn relative_expr(
    span: std::ops::Range<usize>,
    relative: RelativeWord,
    offset: Option<RelativeOffset>,
    weekday: Option<Weekday>,
    part: Option<DatePart>,
) -> Expr {
    Expr {
        weekday,
        relative: Some(relative),
        offset,
        part,
        ..Expr::new(
            span.start,
            span.end,
            DateKind::Relative,
            CalendarKind::Gregorian,
            DateValue::default(),
        )
    }
}

fn direction(n: i32) -> RelativeWord {
    match n {
        0 => RelativeWord::Current,
        n if n < 0 => RelativeWord::Past,
        _ => RelativeWord::Next,
    }
}

/// The lead word in the token `t` (proclitics allowed: ومنذ، وبعد): its direction, where
/// the expression starts (في before غضون), and where the count starts.
fn lead_at(text: &str, t: std::ops::Range<usize>) -> Option<(Lead, usize, usize)> {
    let word = &text[t.clone()];
    // Every lead word ends in ذ، ل، د or ن: most tokens are ruled out without folding.
    let last = word.chars().rev().find(|&c| !is_transparent(c));
    if word.len() > 32 || !matches!(last, Some('ذ' | 'ل' | 'د' | 'ن')) {
        return None;
    }
    let lead = if matches_key(word, &["منذ", "قبل"]) {
        Lead::Back
    } else if matches_key(word, &["بعد"]) {
        Lead::On
    } else if matches_key(word, &["خلال"]) {
        Lead::Within
    } else if folds_to(word, "غضون") {
        let fi = word_before(text, t.start).filter(|f| matches_key(&text[f.clone()], &["في"]))?;
        return Some((Lead::Within, fi.start, t.end));
    } else {
        return None;
    };
    Some((lead, t.start, t.end))
}

/// A count `c`: digits alone (any digit set), or number words that make a whole number.
/// With `with_unit` (the count and the unit word after it), the words are read as running
/// text reads them, so that a construct dual counts its unit (منذ ألفي عام: 2000).
fn count_value(c: &str, with_unit: Option<&str>) -> Option<u64> {
    if let Some(n) = num_at(c, 0) {
        return (n.end == c.len() && n.digits <= 7 && n.value > 0).then_some(u64::from(n.value));
    }
    let n = match with_unit {
        Some(t) => {
            let m = find_number_words(t).next()?;
            if m.text() != c || m.source() != NumberSource::Words {
                return None;
            }
            m.value().clone()
        }
        None => parse_number_words(c).ok()?,
    };
    if n.is_negative() || !n.is_integer() {
        return None;
    }
    n.to_u64().filter(|&v| v > 0)
}

/// The token that ends before `pos` (spaces between skipped, not line breaks): a run of
/// letters and marks, or of digits.
fn token_before(text: &str, pos: usize) -> Option<std::ops::Range<usize>> {
    let head = text[..pos].trim_end_matches(|c: char| is_space(c) && c != '\n' && c != '\r');
    let start = head
        .trim_end_matches(|c: char| is_letter_word_char(c) || decimal(c))
        .len();
    (start < head.len()).then_some(start..head.len())
}

/// Whether `word` begins with the article: ا or ٱ (not إ: إلى), then ل, then at least two
/// letters (marks skipped).
fn is_definite(word: &str) -> bool {
    let mut letters = word.chars().filter(|&c| !is_transparent(c));
    matches!(letters.next(), Some('ا' | 'ٱ')) && letters.next() == Some('ل') && letters.count() >= 2
}
