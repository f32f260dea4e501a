//! The lexicon: hand-checked tables against the fact sheet, every spelling found bare,
//! diacritized, with tatweel and with each proclitic, and property tests.

use proptest::prelude::*;

use crate::lexicon_data::FOLDED_SPELLINGS;
use crate::*;

// ---------------------------------------------------------------------------------------
// Lexicon

fn normalized(s: &str) -> String {
    lexicon_gazetteer().normalizer().normalize(s).into_owned()
}

#[test]
fn lexicon_spellings_are_distinct() {
    let mut seen = std::collections::HashSet::new();
    for e in lexicon() {
        let key = (normalized(e.spelling()), e.word());
        assert!(seen.insert(key), "{} listed twice", e.spelling());
    }
    // One gazetteer entry per spelling: nothing merged.
    assert_eq!(lexicon_gazetteer().len(), lexicon().len());
}

#[test]
fn every_system_has_every_month() {
    for system in NamingSystem::ALL {
        for month in 1..=12 {
            let name = system.month_name(month).unwrap();
            let readings: Vec<MonthName> = MonthName::lookup(name).collect();
            assert!(
                readings.contains(&MonthName::new(system, month).unwrap()),
                "{name} ({system} {month}): {readings:?}"
            );
            // The printed name is itself in the lexicon for that system.
            assert!(lexicon().iter().any(|e| e.spelling() == name
                && e.word() == DateWord::Month(MonthName::new(system, month).unwrap())));
        }
    }
}

#[test]
fn gregorian_names_mean_one_month() {
    // Every spelling names one month number and one calendar, whatever its systems.
    let mut by_form: std::collections::HashMap<String, (CalendarKind, u8)> = Default::default();
    for e in lexicon() {
        if let DateWord::Month(m) = e.word() {
            let prev = by_form.insert(normalized(e.spelling()), (m.calendar(), m.month()));
            if let Some(prev) = prev {
                assert_eq!(prev, (m.calendar(), m.month()), "{}", e.spelling());
            }
        }
    }
}

#[test]
fn fact_sheet_counts() {
    let count = |f: &dyn Fn(&DateWord) -> bool| lexicon().iter().filter(|e| f(&e.word())).count();
    assert_eq!(
        count(&|w| matches!(w, DateWord::Month(m) if m.system() == NamingSystem::Hijri)),
        36
    );
    assert_eq!(count(&|w| matches!(w, DateWord::Weekday(_))), 11);
    assert_eq!(count(&|w| matches!(w, DateWord::Era(_))), 13);
    for w in Weekday::ALL {
        assert!(lookup(w.arabic()).any(|e| e.word() == DateWord::Weekday(w)));
    }
}

#[test]
fn ambiguous_spellings_per_fact_sheet() {
    let mut flagged: Vec<&str> = lexicon()
        .iter()
        .filter(|e| e.needs_context() && !matches!(e.word(), DateWord::Relative(_)))
        .filter(|e| !matches!(e.word(), DateWord::Month(m) if m.system() == NamingSystem::Libyan))
        .map(|e| e.spelling())
        .collect();
    flagged.sort_unstable();
    flagged.dedup();
    let mut expected = vec![
        "محرم",
        "المحرم",
        "صفر",
        "رجب",
        "شعبان",
        "رمضان",
        "نيسان",
        "تموز",
        "آب",
        "مارس",
        "الإثنين",
        "الجمعة",
        "هـ",
        "م",
    ];
    expected.sort_unstable();
    assert_eq!(flagged, expected);
    assert!(lexicon()
        .iter()
        .filter(|e| match e.word() {
            DateWord::Relative(_) => true,
            DateWord::Month(m) => m.system() == NamingSystem::Libyan,
            _ => false,
        })
        .all(|e| e.needs_context()));
}

#[test]
fn folding_keeps_what_the_lexicon_needs() {
    // آب and أب fold together; هـ loses its tatweel.
    assert_eq!(normalized("آب"), normalized("أب"));
    assert_eq!(normalized("هـ"), "ه");
    let aug = DateWord::Month(MonthName::new(NamingSystem::Syriac, 8).unwrap());
    for s in ["آب", "أب", "اب", "وآب"] {
        assert!(lookup(s).any(|e| e.word() == aug), "{s}");
    }
    for s in ["هـ", "ه", "هــ"] {
        assert!(
            lookup(s).any(|e| e.word() == DateWord::Era(EraMark::Hijri)),
            "{s}"
        );
    }
    assert!(lookup("ق.هـ").any(|e| e.word() == DateWord::Era(EraMark::BeforeHijra)));
    assert!(lookup("هـ.ش").any(|e| e.word() == DateWord::Era(EraMark::SolarHijri)));
}

#[test]
fn folded_spellings_are_found() {
    for &(s, word) in FOLDED_SPELLINGS {
        let found: Vec<DateWord> = lookup(s).map(|e| e.word()).collect();
        assert!(found.contains(&word), "{s}: {found:?}");
    }
    // Persian letters (U+06CC ya, U+06A9 keheh) in place of the Arabic ones.
    assert!(MonthName::lookup("ديسمبر").count() > 0);
    assert!(MonthName::lookup("د\u{06CC}سمبر").count() > 0);
    assert!(MonthName::lookup("ا\u{06A9}توبر").count() > 0);
}

const PROCLITICS: [&str; 11] = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// A fatha after every Arabic letter, and a shadda on the first.
fn diacritize(s: &str) -> String {
    let mut out = String::new();
    let mut first = true;
    for c in s.chars() {
        out.push(c);
        if is_arabic_letter(c) {
            if first {
                out.push('\u{0651}');
                first = false;
            }
            out.push('\u{064E}');
        }
    }
    out
}

/// A tatweel after the first letter that is followed by another letter of its word.
fn with_tatweel(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut done = false;
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if !done && is_arabic_letter(c) && chars.get(i + 1).is_some_and(|&n| is_arabic_letter(n)) {
            out.push('\u{0640}');
            done = true;
        }
    }
    if !done {
        out.push('\u{0640}'); // هـ, م: the tatweel after the letter
    }
    out
}

/// `clitic` + `name`, with ل eliding the alef of an article (ل + الأحد = للأحد).
fn with_clitic(clitic: &str, name: &str) -> String {
    if clitic.ends_with('ل') {
        if let Some(rest) = name.strip_prefix("ال") {
            return format!("{clitic}ل{rest}");
        }
    }
    format!("{clitic}{name}")
}

fn found_in_sentence(surface: &str, word: DateWord) -> bool {
    let text = format!("قال إنه {surface}، ثم مضى");
    let start = "قال إنه ".len();
    let end = start + surface.len();
    let found = find_date_words(&text).any(|w| w.span() == (start..end) && w.word() == word);
    found
}

#[test]
fn every_spelling_bare_diacritized_tatweel_and_with_each_proclitic() {
    let mut failures = Vec::new();
    for e in lexicon() {
        let s = e.spelling();
        let mut forms = vec![s.to_string(), diacritize(s), with_tatweel(s)];
        forms.extend(PROCLITICS.iter().map(|c| with_clitic(c, s)));
        for form in forms {
            if !found_in_sentence(&form, e.word()) {
                failures.push(form);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} not found: {failures:?}",
        failures.len()
    );
}

#[test]
fn lookup_rejects_partial_words() {
    for s in [
        "",
        " ",
        "شباطي",
        "شباط 2024",
        "مارسيل",
        "الأحداث",
        "رمضانية",
        "\0",
        "هـهـ",
    ] {
        assert_eq!(lookup(s).count(), 0, "{s:?}");
    }
    // A proclitic is accepted by lookup but not by the date parser.
    assert!(lookup("بشباط").count() > 0);
    assert!(DateFormatter::new().parse("1 بشباط 2024").is_err());
}

#[test]
fn corpus_date_words_slice_back() {
    let Some(lines) = nass_tests::corpus_lines() else {
        return;
    };
    let mut months = 0;
    for line in lines {
        for w in find_date_words(&line) {
            assert_eq!(&line[w.span()], w.text());
            assert!(w
                .text()
                .ends_with(&line[w.span().start + w.clitics().len()..w.span().end]));
            assert!(lookup(w.text()).any(|e| e == w.entry()), "{}", w.text());
            months += usize::from(matches!(w.word(), DateWord::Month(_)));
        }
    }
    assert!(months > 0, "the corpus names months");
}

fn date_word_text() -> impl Strategy<Value = String> {
    let spelling = (0..lexicon().len()).prop_map(|i| lexicon()[i].spelling().to_string());
    let piece = prop_oneof![
        spelling.clone(),
        (0..PROCLITICS.len(), spelling).prop_map(|(c, s)| with_clitic(PROCLITICS[c], &s)),
        Just(" ".to_string()),
        Just("\u{0640}".to_string()),
        Just("\u{064E}".to_string()),
        Just("/".to_string()),
        Just("2024".to_string()),
        Just("١٤٤٥هـ".to_string()),
        "\\PC{0,4}",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn date_words_slice_back(text in date_word_text()) {
        let mut last_end = 0;
        let mut last_start = 0;
        for w in find_date_words(&text) {
            prop_assert_eq!(&text[w.span()], w.text());
            prop_assert!(w.span().start >= last_start);
            // Readings of one place share a span; otherwise matches do not overlap.
            if w.span().start != last_start {
                prop_assert!(w.span().start >= last_end);
            }
            last_start = w.span().start;
            last_end = w.span().end;
            // The whole surface, proclitics included, looks up to the entry (the bare
            // name alone may have lost the alef of its article: ف + ل + (ا)لنوار).
            prop_assert!(lookup(w.text()).any(|e| e == w.entry()), "{:?}", w.text());
            prop_assert!(w.text().starts_with(w.clitics()));
        }
    }
}
