//! Number words: the value of the printed words equals the input for every gender and case
//! (integers, and decimals and negatives through spell_number); ordinals spelt out are
//! found as ordinals of their value; parse_number_words (standard and colloquial) and
//! parse_ordinal_day never panic on arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nass::numerals::{
    find_number_words, number_to_words, ordinal_day_words, ordinal_to_words, parse_number_words,
    parse_number_words_with, parse_ordinal_day, spell_number, Case, Gender, Number,
    NumberSource, WordsOptions,
};

fuzz_target!(|data: &[u8]| {
    if data.len() >= 8 {
        let n = u64::from_le_bytes(data[..8].try_into().unwrap());
        // A decimal and a sign from the next bytes: n / 10^scale, scale 0..=20.
        let scale = u32::from(data.get(8).copied().unwrap_or(0) % 21);
        let negative = data.get(9).is_some_and(|b| b & 1 == 1);
        let decimal = Number::from_parts(negative, u128::from(n), scale);
        let ordinal = u32::try_from(n % 1000).unwrap();
        for g in [Gender::Masculine, Gender::Feminine] {
            for c in [Case::Nominative, Case::Accusative, Case::Genitive] {
                let w = number_to_words(n, g, c);
                assert_eq!(
                    parse_number_words(&w).map(|v| v.to_u64()),
                    Ok(Some(n)),
                    "{w}"
                );
                let w = spell_number(&decimal, g, c).expect("an integer part within u64");
                assert_eq!(parse_number_words(&w).as_ref(), Ok(&decimal), "{w}");
            }
            let day = data[0];
            match ordinal_day_words(day, g) {
                Some(w) => assert_eq!(parse_ordinal_day(w), Some(day)),
                None => assert!(day == 0 || day > 31),
            }
            if let Some(w) = ordinal_to_words(ordinal, g) {
                let found: Vec<_> = find_number_words(&w)
                    .map(|m| (m.text().len(), m.value().to_u64(), m.source()))
                    .collect();
                assert_eq!(
                    found,
                    [(w.len(), Some(u64::from(ordinal)), NumberSource::Ordinal)],
                    "{w}"
                );
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        for options in [WordsOptions::new(), WordsOptions::new().colloquial(true)] {
            if let Err(e) = parse_number_words_with(text, options) {
                assert!(e.offset() <= text.len());
            }
        }
        if let Some(d) = parse_ordinal_day(text) {
            assert!((1..=31).contains(&d));
        }
    }
});
