//! Number words: the value of the printed words equals the input for every gender and case;
//! parse_number_words and parse_ordinal_day never panic on arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nass::numerals::{
    number_to_words, ordinal_day_words, parse_number_words, parse_ordinal_day, Case, Gender,
};

fuzz_target!(|data: &[u8]| {
    if data.len() >= 8 {
        let n = u64::from_le_bytes(data[..8].try_into().unwrap());
        for g in [Gender::Masculine, Gender::Feminine] {
            for c in [Case::Nominative, Case::Accusative, Case::Genitive] {
                let w = number_to_words(n, g, c);
                assert_eq!(
                    parse_number_words(&w).map(|v| v.to_u64()),
                    Ok(Some(n)),
                    "{w}"
                );
            }
            let day = data[0];
            match ordinal_day_words(day, g) {
                Some(w) => assert_eq!(parse_ordinal_day(w), Some(day)),
                None => assert!(day == 0 || day > 31),
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = parse_number_words(text) {
            assert!(e.offset() <= text.len());
        }
        if let Some(d) = parse_ordinal_day(text) {
            assert!((1..=31).contains(&d));
        }
    }
});
