//! Round trips on a scheme's repertoire: bytes pick characters of the scheme's Arabic
//! side (or of its alphabet), and transliterating there and back gives them back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nass::translit::{Scheme, Transliterator};

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let scheme = Scheme::ALL[usize::from(which & 3)];
    let pairs: Vec<(char, char)> = scheme.pairs().collect();
    let latin = which & 4 != 0;
    let text: String = rest
        .iter()
        .map(|&b| {
            let (ar, l) = pairs[usize::from(b) % pairs.len()];
            if latin {
                l
            } else {
                ar
            }
        })
        .collect();
    let (there, back) = if latin {
        (
            Transliterator::from_scheme(scheme),
            Transliterator::to_scheme(scheme),
        )
    } else {
        (
            Transliterator::to_scheme(scheme),
            Transliterator::from_scheme(scheme),
        )
    };
    let other = there.transliterate(&text);
    assert_eq!(back.transliterate(&other), text);
});
