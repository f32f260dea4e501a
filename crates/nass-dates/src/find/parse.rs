//! Reading a date expression around an anchor: the date words of the lexicon, numbers,
//! and the words between them.

use std::ops::Range;

use nass_calendar::{
    gregorian_month_length, CalendarKind, EraMark, GregorianDate, HijriCalendar, HijriDate,
    NamingSystem, Weekday,
};
use nass_numerals::parse_ordinal_day;

use super::relative::numbered_month_expr;
use super::resolve::resolve;
use super::text::*;
use super::{
    DateKind, DateMatch, DateMatches, DatePart, DateValue, Expr, MonthPhrase, Num, YearPart,
};
use crate::lexicon::{find_finder_words, Reading};
use crate::lexicon_data::Trigger;
use crate::word::{DateWord, RelativeWord};

/// A date word of the lexicon, the readings of one span merged, or a trigger word of a
/// relative date.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) month: Option<(u8, NamingSystem)>,
    pub(super) weekday: Option<Weekday>,
    pub(super) relative: Option<RelativeWord>,
    /// The form of a relative word: feminine (الماضية), or dual and plural (الماضيين).
    pub(super) relative_form: AdjectiveForm,
    pub(super) trigger: Option<Trigger>,
    pub(super) ambiguous: bool,
}

impl Word {
    /// A word at `span` with no reading yet.
    fn at(span: Range<usize>) -> Word {
        Word {
            start: span.start,
            end: span.end,
            month: None,
            weekday: None,
            relative: None,
            relative_form: AdjectiveForm::Masculine,
            trigger: None,
            ambiguous: false,
        }
    }
}

/// A relative word read after an expression.
#[derive(Clone, Debug)]
pub(super) struct Relative {
    pub(super) word: RelativeWord,
    /// The end of the relative word.
    pub(super) end: usize,
    /// 2 after قبل or بعد (قبل الماضي، بعد المقبل), else 1.
    pub(super) step: u8,
    pub(super) form: AdjectiveForm,
    /// The relative word itself.
    pub(super) span: Range<usize>,
}

/// The gender and number of a relative adjective, for agreement with its noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AdjectiveForm {
    Masculine,
    Feminine,
    DualOrPlural,
}

impl AdjectiveForm {
    fn of(spelling: &str) -> AdjectiveForm {
        if spelling.ends_with('ة') {
            AdjectiveForm::Feminine
        } else if spelling.ends_with("ين") {
            AdjectiveForm::DualOrPlural
        } else {
            AdjectiveForm::Masculine
        }
    }
}

pub(super) fn collect_words(text: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    // A date never crosses a line break, not even a two-word month name (كانون / الثاني),
    // and what a line holds must not depend on the lines around it (the stream cuts at
    // line breaks). The matcher reads the whole text at once, which is fast; where one of
    // its matches spans a line break, the lines it touches are read again one by one.
    let mut done = 0;
    let mut last_span = None;
    for (span, reading) in find_finder_words(text) {
        if span.end <= done {
            continue; // read again with its lines
        }
        if span.start >= done && !text[span.clone()].contains('\n') {
            push_word(span, reading, 0, text, &mut words, &mut last_span);
            continue;
        }
        let first = text[..span.start.max(done)]
            .rfind('\n')
            .map_or(0, |i| i + 1)
            .max(done);
        let last = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i + 1);
        while words.last().is_some_and(|w| w.start >= first) {
            words.pop();
        }
        let mut offset = first;
        for line in text[first..last].split_inclusive('\n') {
            for (span, reading) in find_finder_words(line) {
                push_word(span, reading, offset, text, &mut words, &mut last_span);
            }
            offset += line.len();
        }
        done = last;
    }
    words
}

/// Adds the word found at `raw` in a text that starts at `offset` in `text`, merged with
/// the last one when they have the same span.
pub(super) fn push_word(
    raw: Range<usize>,
    reading: Reading,
    offset: usize,
    text: &str,
    words: &mut Vec<Word>,
    last_span: &mut Option<(Range<usize>, Option<Range<usize>>)>,
) {
    let raw = raw.start + offset..raw.end + offset;
    let spelling = match reading {
        Reading::Entry(entry) => entry.spelling(),
        Reading::Trigger(spelling, _) => spelling,
    };
    // The readings of one span come one after the other: the span is worked out once.
    let span = match last_span {
        Some((r, span)) if *r == raw => span.clone(),
        _ => {
            let span = word_span(text, raw.clone(), spelling);
            *last_span = Some((raw, span.clone()));
            span
        }
    };
    let Some(span) = span else {
        return;
    };
    let entry = match reading {
        Reading::Entry(entry) => entry,
        Reading::Trigger(_, t) => {
            words.push(Word {
                trigger: Some(t),
                ..Word::at(span)
            });
            return;
        }
    };
    if let Some(last) = words.last_mut() {
        if last.start == span.start && last.end == span.end {
            last.ambiguous &= entry.needs_context();
            if let (None, DateWord::Month(mn)) = (last.month, entry.word()) {
                last.month = Some((mn.month(), mn.system()));
            }
            return;
        }
    }
    let mut w = Word {
        ambiguous: entry.needs_context(),
        ..Word::at(span)
    };
    match entry.word() {
        DateWord::Month(mn) => w.month = Some((mn.month(), mn.system())),
        DateWord::Weekday(d) => w.weekday = Some(d),
        DateWord::Relative(r) => {
            w.relative = Some(r);
            w.relative_form = AdjectiveForm::of(entry.spelling());
        }
        // Era marks are read by `era_at`, next to a year.
        DateWord::Era(_) => return,
    }
    words.push(w);
}

/// The span of a date word the matcher found at `raw`, or `None` when it crosses a line
/// break. The name starts where the run of letters and marks of its first word does
/// (proclitics included, and marks with no base letter before them), counted back from
/// its end: never at whitespace or before, and it ends before whitespace, whatever the
/// matcher's alignment says about stray marks.
pub(super) fn word_span(text: &str, raw: Range<usize>, spelling: &str) -> Option<Range<usize>> {
    let inner = text[raw.clone()].trim_matches(is_space);
    if inner.is_empty() {
        return None;
    }
    let end = raw.start + text[raw].trim_end_matches(is_space).len();
    let start = name_start(text, end, spelling).unwrap_or(end - inner.len());
    let crosses = text.as_bytes()[start..end]
        .iter()
        .any(|&b| b == b'\n' || b == b'\r');
    (!crosses).then_some(start..end)
}

/// The start of the name `spelling` that ends at `end` in `text`: as many runs of letters
/// and marks as it has words, back from `end`, with spaces (not line breaks) between
/// them, each with a letter, the last ending in the name's last word (letters folded);
/// `None` when the text does not have that shape.
pub(super) fn name_start(text: &str, end: usize, spelling: &str) -> Option<usize> {
    let mut start = end;
    for k in 0..spelling.split_whitespace().count() {
        if k > 0 {
            let head = text[..start].trim_end_matches(|c: char| is_space(c) && c != '\n');
            if head.len() == start {
                return None;
            }
            start = head.len();
        }
        let head = text[..start].trim_end_matches(is_letter_word_char);
        // A word has a letter: marks alone are not the end of a name.
        if !text[head.len()..start].chars().any(|c| !is_transparent(c)) {
            return None;
        }
        if k == 0 {
            // The last word of the name ends the run, letters folded, marks skipped.
            let last = spelling.split_whitespace().next_back()?;
            let run = text[head.len()..start]
                .chars()
                .rev()
                .flat_map(|c| lookup_fold(c).rev());
            let key = last.chars().rev().flat_map(|c| lookup_fold(c).rev());
            if !key.zip(run).all(|(a, b)| a == b)
                || last.chars().filter(|&c| !is_transparent(c)).count()
                    > text[head.len()..start]
                        .chars()
                        .filter(|&c| !is_transparent(c))
                        .count()
            {
                return None;
            }
        }
        start = head.len();
    }
    Some(start)
}

/// Words before a number that make it the number of a text, not a date (written folded):
/// رقم، قانون، قرار، مرسوم، عدد، مادة، بند.
const NUMBERED: &[&str] = &[
    "رقم",
    "الرقم",
    "قانون",
    "القانون",
    "قرار",
    "القرار",
    "مرسوم",
    "المرسوم",
    "عدد",
    "العدد",
    "ماده",
    "الماده",
    "بند",
    "البند",
];

/// The words for "year" before a year number (written folded): عام، العام، سنة، السنة.
const YEAR_WORDS: &[&str] = &["عام", "العام", "سنه", "السنه"];

/// The dual of those words (written folded), before the first of two years joined by و:
/// بين عامي 2010 و2015، في العامين 2019 و2020، سنتي 1990 و1991.
const YEAR_DUAL_WORDS: &[&str] = &["عامي", "العامين", "سنتي", "السنتين"];

/// Both lists in one, so that the word before a number is folded once.
const YEAR_AND_DUAL_WORDS: &[&str] = &[
    "عام",
    "العام",
    "سنه",
    "السنه",
    "عامي",
    "العامين",
    "سنتي",
    "السنتين",
];

impl<'t> DateMatches<'t> {
    pub(super) fn emit(&mut self, e: Expr) {
        // الموافق: a second date for the same day, in the other calendar.
        let mut second = None;
        let mut p = skip_ws(self.text, e.end);
        if self.text[p..].starts_with('،') || self.text[p..].starts_with(',') {
            p = skip_ws(
                self.text,
                p + self.text[p..].chars().next().map_or(1, char::len_utf8),
            );
        }
        if let Some(w) = word_after(self.text, p) {
            if matches_key(&self.text[w.clone()], &["الموافق"]) {
                let mut q = skip_ws(self.text, w.end);
                // An optional ل / لـ after الموافق.
                if let Some(l) = word_after(self.text, q) {
                    if folds_to(&self.text[l.clone()], "ل") {
                        q = skip_ws(self.text, l.end);
                    }
                }
                if let Some(e2) = self.parse_at(q, q, true) {
                    if e2.start == q {
                        second = Some(e2);
                    }
                }
            }
        }
        let first = self.to_match(e, second.map(|s| s.start..s.end));
        if let Some(s) = second {
            self.pos = s.end;
            self.last_end = s.end;
            let m = self.to_match(s, Some(e.start..e.end));
            self.pending.push(m);
        }
        self.pending.push(first);
    }

    fn to_match(&self, e: Expr, linked: Option<Range<usize>>) -> DateMatch<'t> {
        let calendar = self.finder.calendar;
        let gregorian = match (e.value.year, e.value.month, e.value.day, e.value.last_day) {
            (Some(y), Some(m), Some(d), None) => match e.calendar {
                CalendarKind::Gregorian => GregorianDate::new(y, m, d).ok(),
                CalendarKind::Hijri => u16::try_from(y)
                    .ok()
                    .and_then(|y| HijriDate::new(calendar, y, m, d).ok())
                    .map(HijriDate::to_gregorian),
            },
            _ => None,
        };
        // A relative date resolves at day precision or coarser: not a vague count (منذ
        // سنوات) and not hours or minutes, which the anchor day cannot place.
        let resolvable = match (e.kind, e.offset) {
            // A relative month or weekday (رمضان المقبل، الخميس الماضي) resolves; a
            // vague count (منذ سنوات) has nothing to resolve.
            (DateKind::Relative, None) => e.value.month.is_some() || e.weekday.is_some(),
            (_, Some(o)) => !o.unit.is_time(),
            _ => true,
        };
        let anchor = self.finder.anchor.filter(|_| resolvable);
        let (resolved, unresolved) = match anchor.map(|a| resolve(&e, a, calendar)) {
            Some(Ok(v)) => (Some(v), None),
            Some(Err(err)) => (None, Some(err)),
            None => (None, None),
        };
        // The day a relative day word names, against the anchor (أمس الأحد).
        let named_day = match (e.kind, resolved) {
            (DateKind::Relative, Some(v)) => match (v.year, v.month, v.day) {
                (Some(y), Some(m), Some(d)) => GregorianDate::new(y, m, d).ok(),
                _ => None,
            },
            _ => gregorian,
        };
        let weekday_conflict = match (e.weekday, named_day) {
            (Some(w), Some(g)) => g.weekday() != w,
            _ => false,
        };
        DateMatch {
            text: self.text,
            start: e.start,
            end: e.end,
            kind: e.kind,
            calendar: e.calendar,
            system: e.system,
            value: e.value,
            resolved,
            unresolved,
            weekday: e.weekday,
            weekday_conflict,
            relative: e.relative,
            offset: e.offset,
            part: e.part,
            gregorian,
            linked,
        }
    }

    /// The word before `pos` that names a part of what follows (مطلع، منتصف، أواخر ...,
    /// proclitics allowed), and where it starts.
    pub(super) fn part_before(&self, pos: usize) -> Option<(DatePart, usize)> {
        let b = word_before(self.text, pos)?;
        let w = &self.text[b.clone()];
        let part = if matches_key(w, &["مطلع", "مستهل", "اوائل", "بدايه", "بدايات"])
        {
            DatePart::Early
        } else if matches_key(w, &["منتصف", "اواسط"]) {
            DatePart::Middle
        } else if matches_key(w, &["اواخر", "نهايه", "نهايات"]) {
            DatePart::Late
        } else {
            return None;
        };
        Some((part, b.start))
    }

    /// A word of the lexicon (not a trigger word) that starts at `pos`.
    pub(super) fn name_at(&self, pos: usize) -> Option<Word> {
        self.word_at(pos).filter(|w| w.trigger.is_none())
    }

    pub(super) fn word_at(&self, pos: usize) -> Option<Word> {
        let i = self.words.partition_point(|w| w.start < pos);
        self.words.get(i).filter(|w| w.start == pos).copied()
    }

    /// Any expression that starts at `pos` (after whitespace); none starts before `min`.
    /// With `weekday` false, not one that starts with a weekday (a weekday reads the date
    /// after it with this, so a run of weekdays never recurses deeper than once).
    fn parse_at(&self, pos: usize, min: usize, weekday: bool) -> Option<Expr> {
        let p = skip_ws(self.text, pos);
        if let Some(n) = num_at(self.text, p) {
            return self.parse_number(n, min);
        }
        if let Some(w) = self.name_at(p) {
            if w.weekday.is_some() && !weekday {
                return None;
            }
            return self.parse_word(w, min);
        }
        // An ordinal day in words: the month follows within a few words.
        let i = self.words.partition_point(|w| w.start < p);
        let w = *self.words[i..]
            .iter()
            .take_while(|w| w.start - p <= 64)
            .find(|w| w.trigger.is_none())?;
        if w.month.is_some() {
            return self.parse_word(w, min).filter(|e| e.start == p);
        }
        None
    }

    pub(super) fn parse_word(&self, w: Word, min: usize) -> Option<Expr> {
        if let Some(day) = w.weekday {
            return self.parse_weekday(w, day, min);
        }
        if w.month.is_some() {
            return self.parse_month(w, min);
        }
        if let Some(t) = w.trigger {
            return self.parse_trigger(w, t, min);
        }
        None
    }

    fn parse_weekday(&self, w: Word, day: Weekday, min: usize) -> Option<Expr> {
        let mut p = skip_ws(self.text, w.end);
        if self.text[p..].starts_with('،') || self.text[p..].starts_with(',') {
            p = skip_ws(
                self.text,
                p + self.text[p..].chars().next().map_or(1, char::len_utf8),
            );
        }
        if let Some(mut e) = self
            .parse_at(p, p, false)
            .filter(|e| e.start == p && e.value.day.is_some())
        {
            e.start = w.start;
            e.weekday = Some(day);
            return Some(e);
        }
        let relative = self.relative_after(w.end);
        let before = word_before(self.text, w.start);
        let day_word = before.as_ref().is_some_and(|b| {
            matches_key(
                &self.text[b.clone()],
                &["يوم", "اليوم", "امس", "غدا", "بالامس"],
            )
        });
        if w.ambiguous && !day_word && relative.is_none() {
            return None;
        }
        if w.start < min {
            return None;
        }
        // A weekday with a relative word (الخميس الماضي) depends on the moment of
        // writing, as أمس does.
        let kind = if relative.is_some() {
            DateKind::Relative
        } else {
            DateKind::Weekday
        };
        Some(
            Expr {
                weekday: Some(day),
                ..Expr::new(
                    w.start,
                    w.end,
                    kind,
                    CalendarKind::Gregorian,
                    DateValue::default(),
                )
            }
            .followed_by(relative.as_ref()),
        )
    }

    fn parse_month(&self, w: Word, min: usize) -> Option<Expr> {
        let phrase = self.month_phrase(w.start)?;
        // A day before the month: an ordinal in words (الحادي عشر من فبراير), غرة / فاتح.
        let mut day = None;
        let mut start = phrase.start;
        let mut cursor = phrase.start;
        let mut shahr_before = false;
        if let Some(b) = word_before(self.text, cursor) {
            if matches_key(&self.text[b.clone()], &["شهر"]) {
                shahr_before = true;
                cursor = b.start;
                // في شهر مارس: the word شهر belongs to the expression.
                if b.start >= min {
                    start = b.start;
                }
            }
        }
        // The last day (آخر يوم من ...), known once the year is.
        let mut last = false;
        let mut part = None;
        if let Some(b) = word_before(self.text, cursor) {
            let word = &self.text[b.clone()];
            if matches_key(word, &["غره", "فاتح", "اول"]) && b.start >= min {
                day = Some(1);
                start = b.start;
            } else if matches_key(word, &["من"]) {
                if let Some(o1) = word_before(self.text, b.start) {
                    // أول يوم من / آخر يوم من
                    let first_or_last = word_before(self.text, o1.start)
                        .filter(|o2| o2.start >= min && folds_to(&self.text[o1.clone()], "يوم"))
                        .and_then(|o2| {
                            let w = &self.text[o2.clone()];
                            let last = matches_key(w, &["اخر"]);
                            (last || matches_key(w, &["اول"])).then_some((last, o2.start))
                        });
                    let two = || {
                        word_before(self.text, o1.start)
                            .filter(|o2| o2.start >= min)
                            .and_then(|o2| {
                                parse_ordinal_day(&self.text[o2.start..o1.end])
                                    .map(|d| (d, o2.start))
                            })
                    };
                    let one = || parse_ordinal_day(&self.text[o1.clone()]).map(|d| (d, o1.start));
                    if let Some((is_last, s)) = first_or_last {
                        last = is_last;
                        day = (!is_last).then_some(1);
                        start = s;
                    } else if let Some((d, s)) = two().or_else(|| one().filter(|_| o1.start >= min))
                    {
                        day = Some(d);
                        start = s;
                    }
                }
            } else if let Some((p, s)) = self.part_before(cursor).filter(|&(_, s)| s >= min) {
                part = Some(p);
                start = s;
            }
        }
        if start < min {
            return None;
        }
        let year = self.year_after(phrase.end, true);
        if last {
            // The length of the month: a Gregorian month but February has one; February
            // and a Hijri month need the year.
            let y = year.map(|y| y.year);
            day = match phrase.system.calendar() {
                CalendarKind::Gregorian if phrase.month != 2 => {
                    Some(gregorian_month_length(2001, phrase.month))
                }
                CalendarKind::Gregorian => y
                    .filter(|y| (1..=9999).contains(y))
                    .map(|y| gregorian_month_length(y, 2)),
                CalendarKind::Hijri => y
                    .and_then(|y| u16::try_from(y).ok())
                    .and_then(|y| self.finder.calendar.month_length(y, phrase.month).ok()),
            };
            // Unknown without the year: the month, its late part.
            if day.is_none() {
                part = Some(DatePart::Late);
            }
        }
        let end = year.map_or(phrase.end, |y| y.end);
        let relative = self.relative_after(end);
        // A name that is also an ordinary word needs context: a day, a year, شهر before it,
        // or a relative word after it (رمضان المقبل).
        if day.is_none()
            && year.is_none()
            && phrase.ambiguous
            && !shahr_before
            && part.is_none()
            && relative.is_none()
        {
            return None;
        }
        if let Some(d) = day {
            if !day_fits(
                d,
                phrase.month,
                phrase.system.calendar(),
                year.map(|y| y.year),
            ) {
                return None;
            }
        }
        let kind = match (day, year) {
            (Some(_), Some(_)) => DateKind::Date,
            (Some(_), None) => DateKind::DayMonth,
            (None, Some(_)) => DateKind::MonthYear,
            // A month with a relative word and no day (رمضان المقبل) depends on the
            // moment of writing, as الشهر الماضي does.
            (None, None) if relative.is_some() => DateKind::Relative,
            (None, None) => DateKind::Month,
        };
        let value = DateValue {
            year: year.map(|y| y.year),
            month: Some(phrase.month),
            day,
            ..DateValue::default()
        };
        Some(
            Expr {
                system: Some(phrase.system),
                part,
                ..Expr::new(start, end, kind, phrase.system.calendar(), value)
            }
            .followed_by(relative.as_ref()),
        )
    }

    /// A month name at `pos` (after whitespace), with its pair in another system after "/"
    /// or in parentheses.
    fn month_phrase(&self, pos: usize) -> Option<MonthPhrase> {
        let p = skip_ws(self.text, pos);
        let w = self.word_at(p)?;
        let (month, system) = w.month?;
        let mut phrase = MonthPhrase {
            start: w.start,
            end: w.end,
            month,
            system,
            ambiguous: w.ambiguous,
        };
        let same = |o: &Word| {
            o.month
                .is_some_and(|(m, s)| m == month && s.calendar() == system.calendar())
        };
        let q = skip_ws(self.text, w.end);
        let rest = &self.text[q..];
        if let Some(after) = rest.strip_prefix('/') {
            let r = skip_ws(self.text, self.text.len() - after.len());
            if let Some(o) = self.word_at(r).filter(same) {
                phrase.end = o.end;
                phrase.ambiguous = false;
            }
        } else if let Some(after) = rest.strip_prefix('(') {
            let r = skip_ws(self.text, self.text.len() - after.len());
            if let Some(o) = self.word_at(r).filter(same) {
                let s = skip_ws(self.text, o.end);
                if self.text[s..].starts_with(')') {
                    phrase.end = s + 1;
                    phrase.ambiguous = false;
                }
            }
        }
        Some(phrase)
    }

    /// A year after `pos`: four digits (a plausible year, 1000–2999), or up to four digits
    /// followed by an era mark. With `after_month`, a following "/" or digit run rejects it,
    /// and the year of the month may come after a comma (6 يناير، 2015) or after a year
    /// word, with من before it or a proclitic on it (10 مايو من عام 2020، 3 مارس لعام
    /// 2019، 1 شعبان من العام 1445 هـ): the year word and من are then part of the date.
    fn year_after(&self, pos: usize, after_month: bool) -> Option<YearPart> {
        let mut p = skip_ws(self.text, pos);
        if after_month {
            p = self.month_year_lead(p);
        }
        let n = num_at(self.text, p)?;
        if after_month && followed_by_number_part(self.text, n.end) {
            return None;
        }
        year_of(self.text, n, after_month)
    }

    /// After a month written as a number `n` (1–12, one or two digits): `Some(year)` when a
    /// year follows (9/2021، 9 من عام 2021، 9، 2021; BC or Hijri marks as for a named month),
    /// `Some(None)` when nothing numeric follows, `None` when the number goes on (9.5،
    /// 9/20) or is no month.
    pub(super) fn month_number_year(&self, n: Num) -> Option<Option<YearPart>> {
        let text = self.text;
        if n.digits > 2 || !(1..=12).contains(&n.value) {
            return None;
        }
        if let Some(rest) = text[n.end..].strip_prefix('/') {
            let y = num_at(text, text.len() - rest.len())?;
            if y.digits != 4 || followed_by_number_part(text, y.end) {
                return None;
            }
            return Some(Some(year_of(text, y, true)?));
        }
        if followed_by_number_part(text, n.end) {
            return None;
        }
        Some(self.year_after(n.end, true))
    }

    /// Where the year of a month may start after `p`: past a comma (، or ,), or past
    /// [من] and a year word (عام، العام، سنة، السنة, with proclitics: لعام، للعام); else `p`.
    fn month_year_lead(&self, p: usize) -> usize {
        let text = self.text;
        if let Some(rest) = text[p..]
            .strip_prefix('،')
            .or_else(|| text[p..].strip_prefix(','))
        {
            return skip_ws(text, text.len() - rest.len());
        }
        let mut q = p;
        // من itself, without a proclitic: ومن begins a clause of its own.
        if let Some(w) = word_after(text, q).filter(|w| folds_to(&text[w.clone()], "من")) {
            q = skip_ws(text, w.end);
        }
        match word_after(text, q) {
            Some(w) if matches_key(&text[w.clone()], YEAR_WORDS) => skip_ws(text, w.end),
            _ => p,
        }
    }

    /// The relative word after `pos` (الماضي، المقبل، الجاري ...), or the modifiers قبل
    /// الماضي / بعد المقبل (بعد القادم), which go two periods back or on.
    pub(super) fn relative_after(&self, pos: usize) -> Option<Relative> {
        let p = skip_ws(self.text, pos);
        let (w, step) = match self.word_at(p) {
            Some(w) => (w, 1),
            None => {
                let m = word_after(self.text, p)?;
                let before = folds_to(&self.text[m.clone()], "قبل");
                if !before && !folds_to(&self.text[m.clone()], "بعد") {
                    return None;
                }
                let w = self.word_at(skip_ws(self.text, m.end))?;
                let wanted = if before {
                    RelativeWord::Past
                } else {
                    RelativeWord::Next
                };
                if w.relative != Some(wanted) {
                    return None;
                }
                (w, 2)
            }
        };
        Some(Relative {
            word: w.relative?,
            end: w.end,
            step,
            form: w.relative_form,
            span: w.start..w.end,
        })
    }

    /// After a day number: [من] [شهر] month phrase.
    fn month_clause(&self, pos: usize) -> Option<MonthPhrase> {
        let mut p = skip_ws(self.text, pos);
        if let Some(w) = word_after(self.text, p) {
            if self.name_at(w.start).is_none() && matches_key(&self.text[w.clone()], &["من"]) {
                p = skip_ws(self.text, w.end);
            }
        }
        if let Some(w) = word_after(self.text, p) {
            if self.name_at(w.start).is_none() && matches_key(&self.text[w.clone()], &["شهر"]) {
                p = skip_ws(self.text, w.end);
            }
        }
        self.month_phrase(p)
    }

    pub(super) fn parse_number(&self, n: Num, min: usize) -> Option<Expr> {
        let text = self.text;
        // Stray marks before the digits start the number's word.
        let n = Num {
            start: word_start(text, n.start).max(n.start.min(min)),
            ..n
        };
        if n.start < min || preceded_by_number_part(text, n.start) {
            return None;
        }
        if let Some(e) = numeric_date(text, n) {
            return Some(e);
        }
        // A month and year in digits (9/2021), but not a numbered text (القانون رقم 9/2021).
        if text[n.end..].starts_with('/') {
            if let Some(Some(year)) = self.month_number_year(n) {
                let numbered =
                    word_before(text, n.start).is_some_and(|b| matches_key(&text[b], NUMBERED));
                if !numbered {
                    return Some(numbered_month_expr(n.start, n, Some(year)));
                }
            }
        }
        let small = n.digits <= 2 && (1..=31).contains(&n.value);
        if small {
            // 7-8 أغسطس
            let q = skip_spaces(text, n.end);
            if text[q..].starts_with('-') || text[q..].starts_with('–') {
                let r = skip_spaces(text, q + text[q..].chars().next().map_or(1, char::len_utf8));
                if let Some(n2) = num_at(text, r) {
                    if let Some(e) = self.range(n.start, n, n2) {
                        return Some(e);
                    }
                }
            }
            // من 7 إلى 8 ... / بين 7 و8 ...
            if let Some(b) = word_before(text, n.start).filter(|b| b.start >= min) {
                let word = &text[b.clone()];
                let from = matches_key(word, &["من"]);
                let between = matches_key(word, &["بين"]);
                if from || between {
                    let q = skip_ws(text, n.end);
                    let mut n2 = None;
                    if from {
                        if let Some(w) = word_after(text, q) {
                            if matches_key(&text[w.clone()], &["الي", "حتي"]) {
                                n2 = num_at(text, skip_ws(text, w.end));
                            }
                        }
                    } else if let Some(after) = text[q..].strip_prefix('و') {
                        let after = after.trim_start_matches(is_transparent);
                        n2 = num_at(text, skip_ws(text, text.len() - after.len()));
                    }
                    if let Some(e) = n2.and_then(|n2| self.range(b.start, n, n2)) {
                        return Some(e);
                    }
                }
            }
            // 11 [من] [شهر] فبراير/شباط [2024] [الماضي]
            if let Some(phrase) = self.month_clause(n.end) {
                let year = self.year_after(phrase.end, true);
                let day = n.value as u8;
                let calendar = phrase.system.calendar();
                if day_fits(day, phrase.month, calendar, year.map(|y| y.year)) {
                    let end = year.map_or(phrase.end, |y| y.end);
                    let relative = self.relative_after(end);
                    let kind = if year.is_some() {
                        DateKind::Date
                    } else {
                        DateKind::DayMonth
                    };
                    let value = DateValue {
                        year: year.map(|y| y.year),
                        month: Some(phrase.month),
                        day: Some(day),
                        ..DateValue::default()
                    };
                    return Some(
                        Expr {
                            system: Some(phrase.system),
                            ..Expr::new(n.start, end, kind, calendar, value)
                        }
                        .followed_by(relative.as_ref()),
                    );
                }
            }
        }
        // A year: with an era mark, after عام / العام / سنة / السنة, or bare after منذ / حتى.
        let year = year_of(text, n, false);
        let before = word_before(text, n.start);
        let keyword = before.clone().and_then(|b| {
            let w = &text[b.clone()];
            if matches_key(w, YEAR_AND_DUAL_WORDS) {
                Some((b.start, true))
            } else if folds_to(w, "و") && dual_year_ends_at(text, b.start) {
                // The second year after a dual: عامي 2010 و2015.
                Some((b.start, false))
            } else if matches_key(w, &["منذ", "حتي"]) {
                Some((b.start, false))
            } else {
                None
            }
        });
        let year = year?;
        if followed_by_number_part(text, n.end) && year.era.is_none() {
            return None;
        }
        // A count of a unit, not a year: منذ 1500 يوم.
        if year.era.is_none()
            && self
                .word_at(skip_ws(text, n.end))
                .is_some_and(|w| matches!(w.trigger, Some(Trigger::Unit(..))))
        {
            return None;
        }
        let (mut start, mut ok) = match keyword {
            // The keyword is part of the span for عام / سنة only.
            Some((s, true)) if s >= min => (s, true),
            Some((_, false)) => (n.start, n.digits == 4),
            _ => (n.start, false),
        };
        // مطلع عام 2020، منتصف 2019: the part word belongs to the span, and makes four
        // digits alone a year.
        let part = self.part_before(start).filter(|&(_, s)| s >= min);
        if let Some((_, s)) = part {
            ok |= n.digits == 4;
            start = s;
        }
        let part = part.map(|(p, _)| p);
        if !ok && year.era.is_none() {
            return None;
        }
        let relative = self.relative_after(year.end);
        Some(
            Expr {
                part,
                ..year_expr(start, year)
            }
            .followed_by(relative.as_ref()),
        )
    }

    /// Days `a`..=`b` of the month phrase after `b`.
    fn range(&self, start: usize, a: Num, b: Num) -> Option<Expr> {
        if b.digits > 2 || a.value >= b.value || b.value > 31 {
            return None;
        }
        let phrase = self.month_clause(b.end)?;
        let year = self.year_after(phrase.end, true);
        let calendar = phrase.system.calendar();
        if !day_fits(b.value as u8, phrase.month, calendar, year.map(|y| y.year)) {
            return None;
        }
        let end = year.map_or(phrase.end, |y| y.end);
        let relative = self.relative_after(end);
        let value = DateValue {
            year: year.map(|y| y.year),
            month: Some(phrase.month),
            day: Some(a.value as u8),
            last_day: Some(b.value as u8),
            ..DateValue::default()
        };
        Some(
            Expr {
                system: Some(phrase.system),
                ..Expr::new(start, end, DateKind::DayRange, calendar, value)
            }
            .followed_by(relative.as_ref()),
        )
    }
}

/// d/m/yyyy, d-m-yyyy, d.m.yyyy (spaces allowed after and before the separator), or
/// yyyy/mm/dd; an era mark may follow.
pub(super) fn numeric_date(text: &str, a: Num) -> Option<Expr> {
    let sep_at = |p: usize| -> Option<(char, usize)> {
        let q = skip_spaces(text, p);
        let c = text[q..].chars().next()?;
        matches!(c, '/' | '-' | '.' | '\u{060D}').then(|| (c, skip_spaces(text, q + c.len_utf8())))
    };
    let (s1, p) = sep_at(a.end)?;
    let b = num_at(text, p)?;
    let (s2, p) = sep_at(b.end)?;
    if s1 != s2 {
        return None;
    }
    let c = num_at(text, p)?;
    if followed_by_number_part(text, c.end) {
        return None;
    }
    let (year, month, day, year_num) = if a.digits == 4 && b.digits <= 2 && c.digits <= 2 {
        (a.value, b.value, c.value, c)
    } else if a.digits <= 2 && b.digits <= 2 && c.digits == 4 {
        (c.value, b.value, a.value, c)
    } else {
        return None;
    };
    let mut end = c.end;
    let mut calendar = CalendarKind::Gregorian;
    let q = skip_spaces(text, year_num.end);
    if let Some((era, e, _)) = era_at(text, q) {
        match era {
            EraMark::Hijri => calendar = CalendarKind::Hijri,
            EraMark::Gregorian => {}
            _ => return None,
        }
        end = e;
    }
    let (year, month, day) = (
        year as i32,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    );
    if year == 0 || !(1..=12).contains(&month) || !day_fits(day, month, calendar, Some(year)) {
        return None;
    }
    let value = DateValue {
        year: Some(year),
        month: Some(month),
        day: Some(day),
        ..DateValue::default()
    };
    Some(Expr::new(a.start, end, DateKind::Date, calendar, value))
}

pub(super) fn day_fits(day: u8, month: u8, calendar: CalendarKind, year: Option<i32>) -> bool {
    let max = match calendar {
        // 30, or 31 in the few months of the Umm al-Qura table that have 31 days.
        CalendarKind::Hijri => year
            .and_then(|y| u16::try_from(y).ok())
            .and_then(|y| HijriCalendar::UmmAlQura.month_length(y, month).ok())
            .map_or(30, |len| len.max(30)),
        CalendarKind::Gregorian => match year {
            Some(y) if (1..=9999).contains(&y) => gregorian_month_length(y, month),
            _ => gregorian_month_length(2000, month),
        },
    };
    (1..=max).contains(&day)
}

pub(super) fn year_of(text: &str, n: Num, after_month: bool) -> Option<YearPart> {
    if n.value == 0 || n.digits > 4 {
        return None;
    }
    let q = skip_spaces(text, n.end);
    if let Some((era, end, letter)) = era_at(text, q) {
        // A one-letter mark only after a long enough number: م (also "metre") after four
        // digits, هـ after three or four, or after any number that follows a month name
        // (10 محرم 61 هـ).
        let long_enough = match (letter, era) {
            (false, _) => true,
            (true, EraMark::Gregorian) => n.digits == 4,
            (true, _) => n.digits >= 3 || after_month,
        };
        if era != EraMark::SolarHijri && long_enough {
            return Some(YearPart {
                end,
                year: n.value as i32,
                era: Some(era),
            });
        }
    }
    (n.digits == 4 && (1000..=2999).contains(&n.value)).then_some(YearPart {
        end: n.end,
        year: n.value as i32,
        era: None,
    })
}

/// Whether the text before `pos` (spaces between) ends with a four-digit year after a
/// dual year word (عامي 2010): then a year after و at `pos` is the second of the two.
fn dual_year_ends_at(text: &str, pos: usize) -> bool {
    let head = text[..pos].trim_end_matches(|c: char| is_space(c) && c != '\n' && c != '\r');
    let digits_start = head.trim_end_matches(decimal).len();
    head[digits_start..].chars().count() == 4
        && word_before(text, digits_start).is_some_and(|b| matches_key(&text[b], YEAR_DUAL_WORDS))
}

/// A year from `start` to the end of `year`, in the calendar its era mark names (before
/// Christ or the Hijra: year 1 - n).
pub(super) fn year_expr(start: usize, year: YearPart) -> Expr {
    let calendar = match year.era {
        Some(EraMark::Hijri | EraMark::BeforeHijra) => CalendarKind::Hijri,
        _ => CalendarKind::Gregorian,
    };
    let y = match year.era {
        Some(EraMark::BeforeChrist | EraMark::BeforeHijra) => 1 - year.year,
        _ => year.year,
    };
    let value = DateValue {
        year: Some(y),
        ..DateValue::default()
    };
    Expr::new(start, year.end, DateKind::Year, calendar, value)
}

impl Expr {
    /// An expression with no naming system, weekday, relative word, offset or part.
    pub(super) fn new(
        start: usize,
        end: usize,
        kind: DateKind,
        calendar: CalendarKind,
        value: DateValue,
    ) -> Expr {
        Expr {
            start,
            end,
            kind,
            calendar,
            system: None,
            value,
            weekday: None,
            relative: None,
            step: 1,
            offset: None,
            part: None,
        }
    }

    /// The expression with the relative word read after it (25 يناير الماضي), if any:
    /// the span reaches over the word.
    pub(super) fn followed_by(self, relative: Option<&Relative>) -> Expr {
        match relative {
            Some(r) => Expr {
                end: r.end,
                relative: Some(r.word),
                step: r.step,
                ..self
            },
            None => self,
        }
    }
}
