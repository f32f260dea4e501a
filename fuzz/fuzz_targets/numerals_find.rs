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
    "٢٫٥", "-", " ", " ", " ", "\n", "،", "كتاب", "x",
];

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
                assert_eq!(
                    parse_number_words_with(m.name_text(), options).as_ref(),
                    Ok(m.value())
                );
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
