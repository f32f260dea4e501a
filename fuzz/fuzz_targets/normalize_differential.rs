//! The fast path equals the reference (from UTF-8 and from code points), normalizing is
//! idempotent, and cutting at `last_cut` changes nothing, for many settings and arbitrary
//! text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nass::normalize::{Diacritics, DigitSet, DigitSources, HamzaFold, LetterFolds, Normalizer, Preset, UnicodeForm};

const CONFIGS: usize = 24;

/// Configuration `k`: the four presets, then settings spread over the space by a
/// multiplicative hash of `k` (building a normalizer per input would be too slow).
fn normalizer(k: usize) -> &'static Normalizer {
    static CACHE: [OnceLock<Normalizer>; CONFIGS] = [const { OnceLock::new() }; CONFIGS];
    CACHE[k].get_or_init(|| {
        if k < Preset::ALL.len() {
            return Normalizer::from_preset(Preset::ALL[k]);
        }
        let bits = (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        Normalizer::builder()
            .unicode(UnicodeForm::ALL[(bits % 3) as usize])
            .letters(LetterFolds::from_bits_truncate((bits >> 8) as u16))
            .diacritics(Diacritics::from_bits_truncate((bits >> 24) as u8))
            .tatweel(bits & (1 << 40) != 0)
            .invisibles(bits & (1 << 41) != 0)
            .spell_out_ligatures(bits & (1 << 42) != 0)
            .elongation(bits & (1 << 43) != 0)
            .hamza(if bits & (1 << 44) != 0 { HamzaFold::Uniform } else { HamzaFold::Tasheel })
            .digits([None, Some(DigitSet::Ascii), Some(DigitSet::ArabicIndic), Some(DigitSet::Persian)]
                [((bits >> 45) % 4) as usize])
            .digits_from([DigitSources::ANY, DigitSources::ASCII, DigitSources::ARABIC_INDIC, DigitSources::PERSIAN]
                [((bits >> 47) % 4) as usize])
            .build()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let n = normalizer(usize::from(which) % CONFIGS);
    let fast = n.normalize(&text);
    assert_eq!(fast, n.reference(&text), "fast != reference");
    let chars: Vec<char> = text.chars().collect();
    let mut from_chars = Vec::new();
    n.normalize_chars_into(&chars, &mut from_chars);
    assert_eq!(from_chars.iter().collect::<String>(), fast, "from code points != fast");
    if n.is_idempotent() {
        // Every normalizer but the camel preset's (exact to CAMeL's chain, which is not).
        assert_eq!(n.normalize(&fast), fast, "not idempotent");
    }
    let cut = n.last_cut(&text);
    let parts = n.normalize(&text[..cut]).into_owned() + &n.normalize(&text[cut..]);
    assert_eq!(parts, fast, "cut at {cut}");
});
