//! parse_number and the digit converter: no panic; a parsed value prints canonically and
//! reparses to itself, also through Arabic-Indic digits; conversion is idempotent and
//! ASCII -> Arabic-Indic -> ASCII is the identity where the docs promise it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nass::numerals::{convert_digits, parse_number, to_ascii_digits, DigitConverter, DigitSet};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(n) = parse_number(text) {
        let shown = n.to_string();
        assert_eq!(parse_number(&shown).as_ref(), Ok(&n), "{text:?} -> {shown}");
        let arabic = convert_digits(&shown, DigitSet::ArabicIndic);
        assert_eq!(parse_number(&arabic).as_ref(), Ok(&n));
    } else if let Err(e) = parse_number(text) {
        assert!(e.offset() <= text.len());
    }
    for to in DigitSet::ALL {
        for nd in [false, true] {
            let conv = DigitConverter::builder(to).all_decimal_digits(nd).build();
            let once = conv.convert(text);
            assert_eq!(conv.convert(&once), once, "idempotence");
        }
    }
    let plain = !text
        .chars()
        .any(|c| matches!(c, '\u{0660}'..='\u{066C}' | '\u{06F0}'..='\u{06F9}'));
    if plain {
        let there = convert_digits(text, DigitSet::ArabicIndic);
        assert_eq!(to_ascii_digits(&there), text);
    }
});
