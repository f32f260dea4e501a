//! Alignment of every preset: mapped offsets are monotone char boundaries of the
//! original, and each normalized character's span maps to original text that contains it
//! once normalized. The presets, and the search preset collapsing elongation.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use nass::normalize::{Normalizer, Preset};

static PRESETS: LazyLock<Vec<Normalizer>> = LazyLock::new(|| {
    let mut all: Vec<Normalizer> = Preset::ALL.iter().map(|&p| Normalizer::from_preset(p)).collect();
    all.push(Normalizer::builder().preset(Preset::Search).elongation(true).build());
    all
});

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let n = &PRESETS[usize::from(which) % PRESETS.len()];
    let (norm, alignment) = n.normalize_aligned(&text);
    assert_eq!(norm, n.normalize(&text));
    assert_eq!(alignment.original_len(), text.len());
    assert_eq!(alignment.normalized_len(), norm.len());
    let mut last = 0;
    for (i, c) in norm.char_indices() {
        let span = alignment.original_range(i..i + c.len_utf8());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start >= last, "spans go backwards");
        assert!(span.start < span.end, "a character maps to nothing");
        last = span.start;
    }
    if !norm.is_empty() {
        // The whole output's span ends at the end of the input, past anything dropped.
        assert_eq!(alignment.original_range(0..norm.len()).end, text.len());
    }
});
