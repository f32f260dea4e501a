//! find_numbers and find_number_words (standard and colloquial): no panic, ordered
//! non-overlapping spans on char boundaries that slice back to their text, values equal
//! to parsing that text alone (an ordinal: found alone as itself). Run on the input as
//! text, and on a text of number words the input's bytes pick (the words of the grammar:
//! scales, fractions, فاصلة, سالب, ordinals, colloquial words, و, spaces, digits), so
//! that the fuzzer reaches the grammar without a dictionary.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nass::numerals::{
    find_number_words_with, find_numbers, parse_number, parse_number_words_with, NumberSource,
    WordsOptions,
};

const WORDS: &[&str] = &[
    "ثلاثة", "آلاف", "ألف", "وألف", "عشرة", "عشر", "عشرة", "خمس", "وعشرين", "وتسعمائة",
    "مئة", "ومئة", "مليون", "ونصف", "نصف", "ربع", "أرباع", "ثلث", "المليون", "صفر", "و",
    "أحد", "اثنا", "فاصلة", "فاصل", "سالب", "ناقص", "واحد", "الثالث", "الثالثة", "الحادي",
    "الثانية", "والعشرون", "والعشرين", "المئة", "والخامس", "الأول", "الأولى", "ثانية",
    "للرابع", "ميتين", "مية", "تلاتة", "خمستاشر", "اتنين", "نص", "تلات", "تلاف", "3",
    "٢٫٥", "-", " ", " ", " ", "\n", "،", "كتاب", "x", "ألفا", "ألفي", "مليونا", "مليوني",
    "وألفا", "ألفًا", "شخص", "تقريبا",
];

/// The nominative dual of a construct dual scale word (ألفا, ألفي → ألفان), keeping a
/// leading و; `None` for any other word.
fn dual_written_out(word: &str) -> Option<String> {
    let mut folded = String::new();
    nass::letters::lookup::fold_for_lookup(word, &mut folded);
    let (waw, bare) = match folded.strip_prefix('و') {
        Some(rest) if rest.starts_with(['ا', 'م', 'ب', 'ت']) => ("و", rest),
        _ => ("", folded.as_str()),
    };
    let stem = bare.strip_suffix(['ا', 'ي'])?;
    ["الف", "مليون", "مليار", "بليون", "تريليون"]
        .contains(&stem)
        .then(|| format!("{waw}{stem}ان"))
}

fn check(text: &str) {
    let mut last = 0;
    for m in find_numbers(text) {
        assert!(last <= m.start() && m.start() < m.end());
        assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
        assert_eq!(&text[m.span()], m.text());
        assert_eq!(parse_number(m.text()).as_ref(), Ok(m.value()));
        last = m.end();
    }
    for options in [WordsOptions::new(), WordsOptions::new().colloquial(true)] {
        let mut last = 0;
        for m in find_number_words_with(text, options) {
            assert!(
                last <= m.start() && m.start() <= m.name_start() && m.name_start() < m.end()
            );
            for b in [m.start(), m.name_start(), m.end()] {
                assert!(text.is_char_boundary(b));
            }
            assert_eq!(&text[m.span()], m.text());
            if m.source() == NumberSource::Ordinal {
                let alone: Vec<_> = find_number_words_with(m.text(), options)
                    .map(|o| (o.span(), o.value().clone()))
                    .collect();
                assert_eq!(alone, [(0..m.text().len(), m.value().clone())]);
            } else {
                // Alone, the number parses to the value found; a construct dual found
                // before its counted noun (ألفا رجل) reads so with the dual written out.
                let name = m.name_text();
                let alone = parse_number_words_with(name, options);
                if alone.as_ref() != Ok(m.value()) {
                    let (head, last) = match name.rfind(char::is_whitespace) {
                        Some(i) => (&name[..i + 1], &name[i + 1..]),
                        None => ("", name),
                    };
                    let written_out = dual_written_out(last).expect("a construct dual");
                    assert_eq!(
                        parse_number_words_with(&format!("{head}{written_out}"), options)
                            .as_ref(),
                        Ok(m.value())
                    );
                }
            }
            last = m.end();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
    }
    let words: String = data
        .iter()
        .map(|&b| WORDS[usize::from(b) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ");
    check(&words);
});
