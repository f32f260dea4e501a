//! Transliteration of any text, every scheme both ways: the same as the obvious
//! character-by-character mapping, the same through every entry point (borrowed,
//! appended, aligned), and each character's span maps back to the one character it
//! came from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nass::translit::{Direction, Scheme, Transliterator};

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let scheme = Scheme::ALL[usize::from(which & 3)];
    let direction = if which & 4 == 0 {
        Direction::ToScheme
    } else {
        Direction::ToArabic
    };
    let t = Transliterator::new(scheme, direction);
    let out = t.transliterate(&text);
    let expected: String = text
        .chars()
        .map(|c| {
            scheme
                .pairs()
                .find_map(|(ar, latin)| match direction {
                    Direction::ToScheme => (ar == c).then_some(latin),
                    Direction::ToArabic => (latin == c).then_some(ar),
                })
                .unwrap_or(c)
        })
        .collect();
    assert_eq!(out, expected);
    let mut appended = b"x".to_vec();
    t.transliterate_to_vec(&text, &mut appended);
    assert_eq!(&appended[1..], out.as_bytes());
    let (aligned, alignment) = t.transliterate_aligned(&text);
    assert_eq!(aligned, out);
    let ins: Vec<(usize, char)> = text.char_indices().collect();
    for (k, (i, c)) in aligned.char_indices().enumerate() {
        let (start, original) = ins[k];
        let span = alignment.original_range(i..i + c.len_utf8());
        assert_eq!(span, start..start + original.len_utf8());
    }
});
