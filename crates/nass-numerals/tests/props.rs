//! Properties of nass-numerals, on generated text and on the corpus lines.

use std::borrow::Cow;

use nass_numerals::*;
use proptest::prelude::*;

const SETS: [DigitSet; 3] = DigitSet::ALL;

/// Every converter configuration.
fn converters() -> Vec<DigitConverter> {
    let mut v = Vec::new();
    for to in SETS {
        for nd in [false, true] {
            for seps in [false, true] {
                v.push(
                    DigitConverter::builder(to)
                        .all_decimal_digits(nd)
                        .separators(seps)
                        .build(),
                );
            }
        }
    }
    v
}

/// The slow reference: char by char, neighbours converted first, then the shared rule.
fn reference(text: &str, to: DigitSet, nd: bool, seps: bool) -> String {
    let nd = nd && to == DigitSet::Ascii;
    let conv_digit = |c: char| -> Option<char> {
        if let Some(v) = digit_value(c) {
            return Some(to.digit(v));
        }
        if nd {
            if let Some(v) = decimal_digit_value(c) {
                return Some(DigitSet::Ascii.digit(v));
            }
        }
        None
    };
    let chars: Vec<char> = text.chars().collect();
    let neighbour = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .map(|&c| conv_digit(c).unwrap_or(c))
    };
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(d) = conv_digit(c) {
            out.push(d);
        } else if seps {
            let r =
                separator_in_context(neighbour(i.checked_sub(1)), c, neighbour(Some(i + 1)), to);
            out.push(r.unwrap_or(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text dense in digits of every kind, separators, Arabic letters, spaces and signs.
fn digit_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => proptest::char::range('0', '9').prop_map(String::from),
        4 => proptest::char::range('\u{0660}', '\u{0669}').prop_map(String::from),
        3 => proptest::char::range('\u{06F0}', '\u{06F9}').prop_map(String::from),
        3 => prop::sample::select(vec![".", ",", "%", "٫", "٬", "٪", "،", "-", "+", "−", "/", " ", "\n", "\0"]).prop_map(String::from),
        2 => prop::sample::select(vec!["في", "أيام", "عام", "x", "é", "१", "২", "５", "𝟗", "🙂"]).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// Text dense in number words, numerals of several scripts, spaces and line breaks of
/// every kind, and marks that may stand at a word start.
fn lines_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        6 => prop::sample::select(vec![
            "ثلاثة", "آلاف", "ألف", "عشرة", "عشر", "أربعة", "وخمسمائة", "و", "مليون", "أحد",
            "عشرون", "وعشرون", "ألفا", "بخمسة", "مئة", "كتاب", "ست", "اثنا", "صفر", "يوم",
            "x", "لست", "ألفين", "نصف", "ونصف", "ثلث", "وثلث", "أرباع", "ربعا", "المليون",
            "خمس", "ثمن", "ثلثي", "وربع", "فاصلة", "سالب", "ناقص", "الثالث", "والعشرون",
            "الحادي", "المئة", "والخامس", "الأولى", "ثانية", "وللرابعة", "وألف", "ومئة",
        ]).prop_map(String::from),
        3 => prop::sample::select(vec![
            "3", "٢٬٥٠٠", "۱۲", "१२", "৩", "1.5", "-", "−", "+", ".", ",", "٫",
        ]).prop_map(String::from),
        6 => prop::sample::select(vec![
            " ", " ", "\t", "\u{A0}", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}",
            "\u{2028}", "\u{2029}", "\u{0654}", "\u{0301}", "\u{064E}", "،", "(",
        ]).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..30).prop_map(|v| v.concat())
}

/// Numbers as (start, end, value).
type Spans = Vec<(usize, usize, String)>;

/// The numbers of `text` (digits, and words) with offsets shifted by `at`.
fn all_numbers(text: &str, at: usize) -> (Spans, Spans) {
    let digits = find_numbers(text)
        .map(|m| (at + m.start(), at + m.end(), m.value().to_string()))
        .collect();
    let words = find_number_words(text)
        .map(|m| (at + m.start(), at + m.end(), m.value().to_string()))
        .collect();
    (digits, words)
}

/// The numbers of a text are those of its lines: cut after any line break, the two parts
/// give what the whole gives.
fn check_line_cuts(text: &str) {
    let whole = all_numbers(text, 0);
    for (i, c) in text.char_indices() {
        if !is_line_break(c) {
            continue;
        }
        let k = i + c.len_utf8();
        let (mut digits, mut words) = all_numbers(&text[..k], 0);
        let (d, w) = all_numbers(&text[k..], k);
        digits.extend(d);
        words.extend(w);
        assert_eq!((digits, words), whole, "{text:?} cut at {k}");
    }
    // Where `safe_cut` says a prefix may be cut, whatever follows.
    for (p, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let k = safe_cut(&text[..p]);
        assert!(k <= p && text.is_char_boundary(k));
        if let Some(last) = text[..p]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_line_break(c))
        {
            assert_eq!(k, last.0 + last.1.len_utf8(), "{text:?} prefix {p}");
        }
        if k == 0 {
            continue;
        }
        let (mut digits, mut words) = all_numbers(&text[..k], 0);
        let (d, w) = all_numbers(&text[k..], k);
        digits.extend(d);
        words.extend(w);
        assert_eq!(
            (digits, words),
            whole,
            "{text:?} safe cut of prefix {p} at {k}"
        );
    }
}

/// ASCII-digit text with no Arabic separators (the round-trip domain).
fn ascii_digit_text() -> impl Strategy<Value = String> {
    digit_text().prop_map(|s| {
        s.chars()
            .filter(|&c| !matches!(c, '\u{0660}'..='\u{066C}' | '\u{06F0}'..='\u{06F9}'))
            .collect()
    })
}

fn check_converter_props(text: &str) {
    for (k, conv) in converters().into_iter().enumerate() {
        let out = conv.convert(text);
        // Equal to the slow reference.
        let to = conv.target();
        let (nd, seps) = (k % 4 >= 2, k % 2 == 1);
        assert_eq!(out, reference(text, to, nd, seps), "{text:?} {conv:?}");
        // Borrowed exactly when unchanged.
        assert_eq!(matches!(out, Cow::Borrowed(_)), out == text);
        // Idempotent.
        assert_eq!(conv.convert(&out), out, "idempotence {text:?} {conv:?}");
        // No digit of another of the three sets is left.
        assert!(out.chars().all(|c| DigitSet::of(c).is_none_or(|s| s == to)));
    }
}

fn check_round_trip(text: &str) {
    let applies = !text
        .chars()
        .any(|c| matches!(c, '\u{0660}'..='\u{066C}' | '\u{06F0}'..='\u{06F9}'));
    if !applies {
        return;
    }
    for to in [DigitSet::ArabicIndic, DigitSet::Persian] {
        let there = convert_digits(text, to);
        assert_eq!(to_ascii_digits(&there), text, "{text:?} via {to}");
    }
}

fn check_find_numbers(text: &str) {
    let mut last_end = 0;
    for m in find_numbers(text) {
        assert!(m.start() >= last_end, "overlap in {text:?}");
        assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
        assert_eq!(&text[m.span()], m.text());
        assert_eq!(
            parse_number(m.text()).as_ref(),
            Ok(m.value()),
            "{:?}",
            m.text()
        );
        last_end = m.end();
    }
    // Every decimal digit (of any script) lies in some match.
    let spans: Vec<_> = find_numbers(text).map(|m| m.span()).collect();
    for (i, c) in text.char_indices() {
        if decimal_digit_value(c).is_some() {
            assert!(
                spans.iter().any(|r| r.contains(&i)),
                "digit at {i} missed in {text:?}"
            );
        }
    }
}

fn check_find_words(text: &str) {
    let mut last_end = 0;
    for m in find_number_words(text) {
        assert!(m.start() >= last_end);
        assert!(m.start() <= m.name_start() && m.name_start() < m.end());
        for b in [m.start(), m.name_start(), m.end()] {
            assert!(text.is_char_boundary(b));
        }
        assert_eq!(&text[m.span()], m.text());
        if m.source() == NumberSource::Ordinal {
            // An ordinal is found alone as itself.
            let alone: Vec<_> = find_number_words(m.text())
                .map(|o| (o.span(), o.value().clone(), o.source()))
                .collect();
            assert_eq!(
                alone,
                [(0..m.text().len(), m.value().clone(), NumberSource::Ordinal)],
                "{:?}",
                m.text()
            );
            last_end = m.end();
            continue;
        }
        // The number proper parses alone to the same value; but a construct dual (ألفا
        // رجل، ألفي شخص) is a dual only before its counted noun, so alone the number reads
        // as found with the dual written out (ألفان).
        let alone = parse_number_words(m.name_text());
        if alone.as_ref() != Ok(m.value()) {
            let name = m.name_text();
            let (head, last) = match name.rfind(char::is_whitespace) {
                Some(i) => (&name[..i + 1], &name[i + 1..]),
                None => ("", name),
            };
            let written_out = dual_written_out(last)
                .unwrap_or_else(|| panic!("{name:?} alone is {alone:?}, found {}", m.value()));
            assert_eq!(
                parse_number_words(&format!("{head}{written_out}")).as_ref(),
                Ok(m.value()),
                "{name:?}"
            );
            let after = text[m.end()..].trim_start_matches([' ', '\t', '\u{00A0}']);
            assert!(
                after.len() < text.len() - m.end(),
                "{name:?}: no space after"
            );
        }
        last_end = m.end();
    }
}

/// The nominative dual of a construct dual scale word (ألفا, ألفي → ألفان), keeping a
/// leading و; `None` for any other word.
fn dual_written_out(word: &str) -> Option<String> {
    let mut folded = String::new();
    nass_letters::lookup::fold_for_lookup(word, &mut folded);
    let (waw, bare) = match folded.strip_prefix('و') {
        Some(rest) if rest.starts_with(['ا', 'م', 'ب', 'ت']) => ("و", rest),
        _ => ("", folded.as_str()),
    };
    let stem = bare.strip_suffix(['ا', 'ي'])?;
    ["الف", "مليون", "مليار", "بليون", "تريليون"]
        .contains(&stem)
        .then(|| format!("{waw}{stem}ان"))
}

const GENDERS: [Gender; 2] = [Gender::Masculine, Gender::Feminine];
const CASES: [Case; 3] = [Case::Nominative, Case::Accusative, Case::Genitive];

fn check_words_round_trip(n: u64) {
    for g in GENDERS {
        for c in CASES {
            let w = number_to_words(n, g, c);
            assert_eq!(
                parse_number_words(&w).map(|v| v.to_u64()),
                Ok(Some(n)),
                "{n} {g:?} {c:?}: {w}"
            );
        }
    }
}

#[test]
fn words_round_trip_exhaustive_to_100_000() {
    for n in 0..=100_000u64 {
        check_words_round_trip(n);
    }
}

proptest! {
    #[test]
    fn converter_properties(text in digit_text()) {
        check_converter_props(&text);
    }

    #[test]
    fn converter_properties_any_text(text in any::<String>()) {
        check_converter_props(&text);
    }

    #[test]
    fn ascii_arabic_ascii_round_trip(text in ascii_digit_text()) {
        check_round_trip(&text);
    }

    #[test]
    fn find_numbers_properties(text in digit_text()) {
        check_find_numbers(&text);
        check_line_cuts(&text);
    }

    #[test]
    fn numbers_are_those_of_the_lines(text in lines_text()) {
        check_line_cuts(&text);
        check_find_numbers(&text);
        check_find_words(&text);
    }

    #[test]
    fn numbers_survive_digit_conversion(text in digit_text()) {
        // Converting the digits of a single numeral to any set keeps its value.
        for m in find_numbers(&text) {
            for to in SETS {
                let conv = DigitConverter::builder(to).separators(false).build();
                let converted = conv.convert(m.text());
                prop_assert_eq!(parse_number(&converted), Ok(m.value().clone()));
            }
        }
    }

    #[test]
    fn number_display_round_trip(neg in any::<bool>(), mant in any::<u128>(), scale in 0u32..45) {
        let n = Number::from_parts(neg, mant, scale);
        let shown = n.to_string();
        prop_assert_eq!(parse_number(&shown), Ok(n.clone()));
        prop_assert_eq!(shown.parse::<Number>(), Ok(n.clone()));
        // And through the Arabic-Indic digits and separators.
        let arabic = convert_digits(&shown, DigitSet::ArabicIndic);
        prop_assert_eq!(parse_number(&arabic), Ok(n));
    }

    #[test]
    fn grouped_numbers_parse(v in any::<u64>(), frac in proptest::option::of(0u32..1_000_000), arabic in any::<bool>()) {
        // Group with separators by hand, then parse.
        let digits = v.to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let mut plain = digits.clone();
        if let Some(f) = frac {
            grouped.push_str(&format!(".{f}"));
            plain.push_str(&format!(".{f}"));
        }
        let text = if arabic { convert_digits(&grouped, DigitSet::ArabicIndic).into_owned() } else { grouped };
        prop_assert_eq!(parse_number(&text), parse_number(&plain));
        prop_assert!(parse_number(&plain).is_ok());
    }

    #[test]
    fn no_panics_on_any_input(text in any::<String>()) {
        let _ = parse_number(&text);
        let _ = parse_number_words(&text);
        let _ = parse_ordinal_day(&text);
        check_find_numbers(&text);
        check_find_words(&text);
        check_line_cuts(&text);
    }

    #[test]
    fn words_round_trip_to_10_12(n in 0u64..=1_000_000_000_000) {
        check_words_round_trip(n);
    }

    #[test]
    fn words_round_trip_all_u64(n in any::<u64>()) {
        check_words_round_trip(n);
    }

    #[test]
    fn number_words_found_in_sentences(n in 1u64..=1_000_000_000_000, g in 0usize..2, c in 0usize..3, clitic in prop::sample::select(vec!["", "و", "ب", "وب", "ل"])) {
        let words = number_to_words(n, GENDERS[g], CASES[c]);
        let text = format!("قال التقرير إن {clitic}{words} شخص حضروا.");
        let found: Vec<_> = find_number_words(&text).collect();
        prop_assert_eq!(found.len(), 1, "{}", text);
        prop_assert_eq!(found[0].name_text(), words.as_str());
        prop_assert_eq!(found[0].value().to_u64(), Some(n));
        check_find_words(&text);
    }

    #[test]
    fn words_with_variant_spellings(n in 0u64..=1_000_000_000_000, g in 0usize..2, c in 0usize..3) {
        // Newspaper variants: مائة for مئة, ة->ه, ى->ي, no hamza, no tanwin.
        let w = number_to_words(n, GENDERS[g], CASES[c])
            .replace("مئ", "مائ")
            .replace('ة', "ه")
            .replace('ى', "ي")
            .replace(['أ', 'إ'], "ا")
            .replace('\u{064B}', "");
        prop_assert_eq!(parse_number_words(&w).map(|v| v.to_u64()), Ok(Some(n)), "{}", w);
    }

    #[test]
    fn mixed_digits_and_scales(int in 1u32..1000, frac in 0u32..10, scale in 0usize..4) {
        let names = ["ألف", "مليون", "مليار", "تريليون"];
        let text = format!("{int}.{frac} {}", names[scale]);
        let expected = parse_number(&format!("{int}.{frac}")).unwrap().times_power_of_ten(3 * (scale as u32 + 1));
        prop_assert_eq!(parse_number_words(&text), Ok(expected));
    }
}

#[test]
fn corpus_lines_hold_the_properties() {
    let Some(lines) = nass_tests::corpus_lines() else {
        return;
    };
    assert!(!lines.is_empty());
    let mut numbers = 0;
    let mut word_numbers = 0;
    for line in &lines {
        check_converter_props(line);
        check_round_trip(line);
        check_find_numbers(line);
        check_find_words(line);
        check_line_cuts(line);
        // A round trip through ASCII keeps the digits' values when the line has no
        // separators to change.
        numbers += find_numbers(line).count();
        word_numbers += find_number_words(line).count();
    }
    assert!(numbers > 0, "the corpus has numerals");
    assert!(word_numbers > 0, "the corpus has numbers in words");
}

/// `find_all_numbers` by its definition: both finders' numbers collected, sorted by start
/// (the longer first where two start together), and each dropped that overlaps one kept
/// before it.
fn all_numbers_by_definition(text: &str, words: bool) -> Vec<(usize, usize, String, NumberSource)> {
    let mut all: Vec<(usize, usize, String, NumberSource)> = find_numbers(text)
        .map(|m| {
            (
                m.start(),
                m.end(),
                m.value().to_string(),
                NumberSource::Digits,
            )
        })
        .collect();
    if words {
        all.extend(
            find_number_words(text)
                .map(|m| (m.start(), m.end(), m.value().to_string(), m.source())),
        );
    }
    // Stable: a numeral and a phrase with the same span keep the phrase (sorted after
    // it would be wrong; equal keys keep insertion order, so put phrases first there).
    all.sort_by_key(|&(s, e, _, src)| (s, std::cmp::Reverse(e), src == NumberSource::Digits));
    let mut end = 0;
    all.retain(|&(s, e, _, _)| {
        let keep = s >= end;
        if keep {
            end = e;
        }
        keep
    });
    all
}

proptest! {
    #[test]
    fn all_numbers_merge_by_their_definition(text in lines_text(), words in any::<bool>()) {
        let got: Vec<_> = find_all_numbers(&text, words)
            .map(|m| {
                assert_eq!(&text[m.span()], m.text());
                (m.start(), m.end(), m.value().to_string(), m.source())
            })
            .collect();
        prop_assert_eq!(got, all_numbers_by_definition(&text, words));
    }
}

/// The exact fraction words before a scale word, with their value as num/den.
const FRACTIONS: &[(&str, u128, u128)] = &[
    ("نصف", 1, 2),
    ("ربع", 1, 4),
    ("ربعا", 2, 4),
    ("خمس", 1, 5),
    ("خمسي", 2, 5),
    ("عشر", 1, 10),
    ("ثلث", 1, 3),
    ("ثلثي", 2, 3),
    ("سدس", 1, 6),
    ("سبع", 1, 7),
    ("تسع", 1, 9),
];
const SCALES: &[(&str, u32)] = &[("ألف", 3), ("مليون", 6), ("مليار", 9), ("تريليون", 12)];

proptest! {
    /// A number spelled out that does not end in a scale word, then و and نصف or ربع:
    /// the number plus the fraction.
    #[test]
    fn words_and_a_half_or_quarter(n in 1u64..=1_000_000_000_000) {
        prop_assume!(n % 1000 != 0);
        let w = number_to_words(n, Gender::Masculine, Case::Nominative);
        prop_assert_eq!(parse_number_words(&format!("{w} ونصف")).unwrap().to_string(), format!("{n}.5"));
        prop_assert_eq!(parse_number_words(&format!("{w} وربع")).unwrap().to_string(), format!("{n}.25"));
    }

    /// A fraction word before a scale word is the fraction of it when that is an exact
    /// decimal, else no value (and the finder reports nothing, not the scale word).
    #[test]
    fn fraction_of_a_scale(f in 0..FRACTIONS.len(), s in 0..SCALES.len()) {
        let (fw, num, den) = FRACTIONS[f];
        let (sw, exp) = SCALES[s];
        let text = format!("{fw} {sw}");
        let whole = num * 10u128.pow(exp);
        if whole % den == 0 {
            prop_assert_eq!(parse_number_words(&text).unwrap().to_string(), (whole / den).to_string());
            let found: Vec<String> = find_number_words(&text).map(|m| m.value().to_string()).collect();
            prop_assert_eq!(found, vec![(whole / den).to_string()]);
        } else {
            prop_assert_eq!(parse_number_words(&text).unwrap_err().kind(), ParseWordsErrorKind::Inexact);
            prop_assert_eq!(find_number_words(&text).count(), 0);
        }
    }
}

proptest! {
    /// Decimals and negatives spelt out read back to the same value, and are found whole
    /// in a sentence.
    #[test]
    fn decimals_and_negatives_round_trip(
        int in prop_oneof![0u64..1000, 0u64..=1_000_000_000_000, any::<u64>()],
        frac in prop_oneof![Just(String::new()), "[0-9]{0,3}[1-9]", "0{0,4}[1-9][0-9]{0,8}"],
        negative in any::<bool>(),
        g in 0usize..2,
        c in 0usize..3,
    ) {
        let sign = if negative { "-" } else { "" };
        let dot = if frac.is_empty() { "" } else { "." };
        let n = parse_number(&format!("{sign}{int}{dot}{frac}")).unwrap();
        let w = spell_number(&n, GENDERS[g], CASES[c]).unwrap();
        prop_assert_eq!(parse_number_words(&w), Ok(n.clone()), "{}", w);
        let text = format!("سجل المؤشر {w} نقطة");
        let found: Vec<_> = find_number_words(&text).collect();
        prop_assert_eq!(found.len(), 1, "{}", text);
        prop_assert_eq!(found[0].text(), w.as_str());
        prop_assert_eq!(found[0].value(), &n);
    }

    /// Fractions after a number spelt out (ونصف، وربع) and a fraction of a scale in
    /// words, read back to the exact value.
    #[test]
    fn fractions_round_trip(n in 1u64..=1_000_000, f in 0usize..2, s in 0..SCALES.len()) {
        prop_assume!(n % 1000 != 0);
        let (fw, quarter) = [("ونصف", 5u128), ("وربع", 25)][f];
        let w = number_to_words(n, Gender::Masculine, Case::Nominative);
        let v = parse_number_words(&format!("{w} {fw}")).unwrap();
        let scale = if quarter == 5 { 1 } else { 2 };
        prop_assert_eq!(v, Number::from_parts(false, u128::from(n) * 10u128.pow(scale) + quarter, scale));
        // A fraction of a scale word after it: مليون ونصف.
        let (sw, exp) = SCALES[s];
        let v = parse_number_words(&format!("{sw} {fw}")).unwrap();
        prop_assert_eq!(v, Number::from_parts(false, 10u128.pow(exp) + 10u128.pow(exp) * quarter / 10u128.pow(scale), 0));
    }

    /// Every ordinal spelt out is found as one ordinal of its value, with proclitics too.
    #[test]
    fn ordinals_round_trip(n in 1u32..1000, g in 0usize..2, clitic in prop::sample::select(vec!["", "و", "ب", "وب", "ف"])) {
        prop_assume!(n % 100 != 0);
        let w = ordinal_to_words(n, GENDERS[g]).unwrap();
        let text = format!("في الدورة {clitic}{w} من البطولة");
        let found: Vec<_> = find_number_words(&text).collect();
        prop_assert_eq!(found.len(), 1, "{}", text);
        prop_assert_eq!(found[0].source(), NumberSource::Ordinal);
        prop_assert_eq!(found[0].name_text(), w.as_str());
        prop_assert_eq!(found[0].value().to_u64(), Some(u64::from(n)));
        check_find_words(&text);
    }
}
