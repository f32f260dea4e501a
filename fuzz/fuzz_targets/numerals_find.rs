//! find_numbers and find_number_words: no panic, ordered non-overlapping spans on char
//! boundaries that slice back to their text, values equal to parsing that text alone.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nass::numerals::{find_number_words, find_numbers, parse_number, parse_number_words};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut last = 0;
    for m in find_numbers(text) {
        assert!(last <= m.start() && m.start() < m.end());
        assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
        assert_eq!(&text[m.span()], m.text());
        assert_eq!(parse_number(m.text()).as_ref(), Ok(m.value()));
        last = m.end();
    }
    let mut last = 0;
    for m in find_number_words(text) {
        assert!(last <= m.start() && m.start() <= m.name_start() && m.name_start() < m.end());
        for b in [m.start(), m.name_start(), m.end()] {
            assert!(text.is_char_boundary(b));
        }
        assert_eq!(&text[m.span()], m.text());
        assert_eq!(parse_number_words(m.name_text()).as_ref(), Ok(m.value()));
        last = m.end();
    }
});
