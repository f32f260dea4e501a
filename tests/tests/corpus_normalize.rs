//! The normalizer on the news corpus: fast == reference (from UTF-8 and from code points),
//! idempotence, alignment, and robustness to injected spelling noise. Each test returns
//! early when the corpus tests are skipped (see `nass_tests::corpus_policy`).

use std::sync::LazyLock;

use nass::normalize::{Normalizer, Preset};
use nass_tests::{corpus_files, corpus_lines};
use proptest::prelude::*;

/// The corpus lines, or `None` when the corpus tests are skipped.
static LINES: LazyLock<Option<Vec<String>>> = LazyLock::new(corpus_lines);
static SEARCH: LazyLock<Normalizer> = LazyLock::new(|| Normalizer::from_preset(Preset::Search));

#[test]
fn corpus_is_there() {
    let Some(files) = corpus_files() else {
        return;
    };
    assert!(
        files.len() >= 5,
        "expected the five news articles, found {}",
        files.len()
    );
    let lines = LINES.as_ref().expect("read like the files");
    assert!(lines.iter().any(|l| l.contains("العراق")));
}

#[test]
fn every_preset_fast_equals_reference_and_is_idempotent() {
    let Some(files) = corpus_files() else {
        return;
    };
    for preset in Preset::ALL {
        let n = Normalizer::from_preset(preset);
        for (name, text) in &files {
            let fast = n.normalize(text);
            assert_eq!(fast, n.reference(text), "{preset} on {name}");
            let chars: Vec<char> = text.chars().collect();
            let mut from_chars = Vec::new();
            n.normalize_chars_into(&chars, &mut from_chars);
            assert_eq!(
                from_chars.iter().collect::<String>(),
                fast,
                "{preset} from code points on {name}"
            );
            assert_eq!(n.normalize(&fast), fast, "{preset} idempotent on {name}");
            assert!(
                fast.lines().count() == text.lines().count(),
                "{preset} kept the lines of {name}"
            );
        }
    }
}

#[test]
fn search_folds_what_it_should_on_the_corpus() {
    let Some(lines) = LINES.as_ref() else {
        return;
    };
    for line in lines {
        let n = SEARCH.normalize(line);
        for c in n.chars() {
            assert!(
                !matches!(
                    c,
                    'أ' | 'إ' | 'آ' | 'ى' | 'ة' | 'ؤ' | 'ئ' | 'ـ' | '\u{064B}'..='\u{0652}'
                ),
                "{c:?} left in {n}"
            );
        }
    }
}

#[test]
fn alignment_maps_every_word_back_on_the_corpus() {
    let Some(lines) = LINES.as_ref() else {
        return;
    };
    for line in lines {
        let (norm, alignment) = SEARCH.normalize_aligned(line);
        let mut offset = 0;
        for word in norm.split(' ') {
            let span = alignment.original_range(offset..offset + word.len());
            offset += word.len() + 1;
            let back = SEARCH.normalize(&line[span.clone()]);
            assert_eq!(back.trim(), word.trim(), "{:?} in {line}", &line[span]);
        }
    }
}

/// Noise a writer or an OCR pass adds: harakat, shadda, tatweel, alef variants.
fn noisy(line: &str, choices: &[u8]) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let mut k = 0;
    let mut next = || {
        k += 1;
        choices[k % choices.len()]
    };
    for c in line.chars() {
        let c = if c == 'ا' {
            ['ا', 'أ', 'إ', 'آ', 'ٱ'][usize::from(next() % 5)]
        } else {
            c
        };
        out.push(c);
        if nass::core::arabic::is_arabic_letter(c) {
            match next() % 8 {
                0 => out.push('\u{064E}'),
                1 => out.push_str("\u{0651}\u{064F}"),
                2 => out.push('ـ'),
                3 => out.push_str("\u{064B}ــ"),
                4 => out.push('\u{0652}'),
                _ => {}
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn injected_noise_normalizes_away(k in 0usize..10_000, choices in proptest::collection::vec(any::<u8>(), 1..64)) {
        let Some(lines) = LINES.as_ref() else { return Ok(()) };
        let line = &lines[k % lines.len()];
        let dirty = noisy(line, &choices);
        prop_assert_eq!(SEARCH.normalize(&dirty), SEARCH.normalize(line));
    }

    #[test]
    fn corpus_cuts_anywhere_at_last_cut(k in 0usize..10_000, at in 0usize..10_000) {
        let Some(lines) = LINES.as_ref() else { return Ok(()) };
        let line = &lines[k % lines.len()];
        let mut cut = at % (line.len() + 1);
        while !line.is_char_boundary(cut) { cut -= 1; }
        let head = &line[..cut];
        let c = SEARCH.last_cut(head);
        let joined = SEARCH.normalize(&line[..c]).into_owned() + &SEARCH.normalize(&line[c..]);
        prop_assert_eq!(joined, SEARCH.normalize(line).into_owned());
    }
}
