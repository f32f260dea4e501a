//! Invariants of the normalizer, on generated text: fast path == reference, idempotence,
//! alignment. Corpus-based properties live in the workspace's `tests` crate.

use std::sync::LazyLock;

use nass_normalize::{
    Diacritics, DigitSet, DigitSources, HamzaFold, LetterFolds, Normalizer, Preset, UnicodeForm,
};
use proptest::prelude::*;

static PRESETS: LazyLock<Vec<Normalizer>> = LazyLock::new(|| {
    Preset::ALL
        .iter()
        .map(|&p| Normalizer::from_preset(p))
        .collect()
});

/// One code point, drawn mostly from where Arabic normalization is interesting.
fn interesting_char() -> impl Strategy<Value = char> {
    let ranges: &[(u32, u32)] = &[
        (0x20, 0x7E),       // ASCII
        (0x0600, 0x06FF),   // Arabic
        (0x064B, 0x065F),   // harakat, shadda, sukun, combining hamza and madda
        (0x0621, 0x064A),   // letters (alef, waw, ya, heh compose)
        (0x0622, 0x0627),   // alef forms, waw and ya with hamza
        (0x0649, 0x064A),   // alef maksura, ya
        (0x0670, 0x0675),   // dagger alef, wasla, other alefs
        (0x06C0, 0x06D5),   // Persian and Urdu letters
        (0x06D6, 0x06ED),   // Quranic marks
        (0x0750, 0x077F),   // Arabic Supplement
        (0x0870, 0x08FF),   // Extended-B and -A
        (0xFB50, 0xFDFF),   // presentation forms A
        (0xFE70, 0xFEFF),   // presentation forms B
        (0x0300, 0x036F),   // Latin combining marks
        (0x00A0, 0x00FF),   // Latin-1
        (0x1100, 0x1175),   // Hangul jamo
        (0xAC00, 0xAC1F),   // Hangul syllables
        (0x2000, 0x206F),   // spaces, invisibles, punctuation
        (0x0640, 0x0640),   // tatweel
        (0x0660, 0x066C),   // Arabic-Indic digits, percent, decimal and thousands separators
        (0x06F0, 0x06F9),   // Persian digits
        (0x0030, 0x0039),   // ASCII digits
        (0x002C, 0x002E),   // , - .
        (0x0025, 0x0025),   // %
        (0x0966, 0x096F),   // Devanagari digits
        (0x104A0, 0x104A9), // Osmanya digits (Nd above U+FFFF)
        (0x1D7CE, 0x1D7FF), // mathematical digits (NFKC folds them)
        (0x1F300, 0x1F6FF), // emoji
        (0x1D400, 0x1D4FF), // mathematical letters
    ];
    prop_oneof![
        8 => proptest::sample::select(ranges.to_vec())
            .prop_flat_map(|(lo, hi)| lo..=hi)
            .prop_filter_map("surrogate", char::from_u32),
        1 => any::<char>(),
        1 => Just('\n'),
        1 => Just('\r'),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(interesting_char(), 0..40).prop_map(|v| v.into_iter().collect())
}

/// Running text: mostly Arabic letters that most settings keep, spaces and ASCII, with
/// now and then a letter that is folded or any code point of [`interesting_char`], so
/// that the vector loops meet their work at every offset of a vector, after long stretches
/// with nothing to do.
fn running_text() -> impl Strategy<Value = String> {
    let common =
        proptest::sample::select("بتثجحخدذرزسشصضطظعغفقكلمنهوي ".chars().collect::<Vec<_>>());
    let folded = proptest::sample::select("أإآاىةؤئیکٱ".chars().collect::<Vec<_>>());
    let c = prop_oneof![30 => common, 6 => folded, 1 => interesting_char()];
    proptest::collection::vec(c, 0..300).prop_map(|v| v.into_iter().collect())
}

fn settings() -> impl Strategy<Value = Normalizer> {
    (
        0usize..3,
        any::<u16>(),
        any::<u8>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(proptest::sample::select(DigitSet::ALL.to_vec())),
        any::<bool>(),
        any::<bool>(),
        proptest::sample::select(HamzaFold::ALL.to_vec()),
        proptest::sample::select(vec![
            DigitSources::ANY,
            DigitSources::ASCII,
            DigitSources::ARABIC_INDIC,
            DigitSources::PERSIAN,
            DigitSources::ASCII.union(DigitSources::PERSIAN),
        ]),
    )
        .prop_map(
            |(
                form,
                letters,
                diacritics,
                tatweel,
                invisibles,
                ligatures,
                digits,
                all_digits,
                elongation,
                hamza,
                sources,
            )| {
                Normalizer::builder()
                    .unicode(UnicodeForm::ALL[form])
                    .letters(LetterFolds::from_bits_truncate(letters))
                    .diacritics(Diacritics::from_bits_truncate(diacritics))
                    .tatweel(tatweel)
                    .invisibles(invisibles)
                    .spell_out_ligatures(ligatures)
                    .digits(digits)
                    .all_decimal_digits(all_digits)
                    .elongation(elongation)
                    .hamza(hamza)
                    .digits_from(sources)
                    .build()
            },
        )
}

fn check_all(n: &Normalizer, text: &str) -> Result<(), TestCaseError> {
    let fast = n.normalize(text);
    let reference = n.reference(text);
    prop_assert_eq!(
        fast.as_ref(),
        reference.as_str(),
        "fast != reference for {:?}",
        text
    );
    // Every normalizer but the camel preset's is idempotent (that one is exact to CAMeL's
    // chain, which is not: `camel_is_the_chain` checks it).
    if n.is_idempotent() {
        let twice = n.normalize(&fast);
        prop_assert_eq!(
            twice.as_ref(),
            fast.as_ref(),
            "not idempotent for {:?}",
            text
        );
    }
    let (aligned, alignment) = n.normalize_aligned(text);
    prop_assert_eq!(aligned.as_str(), fast.as_ref());
    check_alignment(&aligned, &alignment, text)?;
    // The same code points from text held as code points.
    let chars: Vec<char> = text.chars().collect();
    let mut from_chars = vec!['>'];
    n.normalize_chars_into(&chars, &mut from_chars);
    prop_assert_eq!(
        from_chars[1..].iter().collect::<String>(),
        fast.as_ref(),
        "normalize_chars_into != normalize for {:?}",
        text
    );
    // Cutting at last_cut and normalizing the parts gives the whole.
    let cut = n.last_cut(text);
    prop_assert!(text.is_char_boundary(cut));
    let parts = n.normalize(&text[..cut]).into_owned() + &n.normalize(&text[cut..]);
    prop_assert_eq!(
        parts.as_str(),
        fast.as_ref(),
        "cut at {} of {:?}",
        cut,
        text
    );
    Ok(())
}

fn check_alignment(
    norm: &str,
    alignment: &nass_normalize::Alignment,
    text: &str,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(alignment.original_len(), text.len());
    prop_assert_eq!(alignment.normalized_len(), norm.len());
    let boundaries: Vec<usize> = norm
        .char_indices()
        .map(|(i, _)| i)
        .chain([norm.len()])
        .collect();
    let mut last = 0;
    for &b in &boundaries {
        let o = alignment.original_offset(b);
        prop_assert!(
            text.is_char_boundary(o),
            "offset {} -> {} not a boundary",
            b,
            o
        );
        prop_assert!(o >= last, "offsets not monotone");
        last = o;
    }
    // Every span of whole characters maps to an original span whose normalization
    // contains the span's text.
    for (k, &s) in boundaries.iter().enumerate() {
        for &e in &boundaries[k..boundaries.len().min(k + 4)] {
            let r = alignment.original_range(s..e);
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert!(r.start <= r.end);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn presets_fast_equals_reference(s in text()) {
        for n in PRESETS.iter() {
            check_all(n, &s)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_settings_fast_equals_reference(n in settings(), texts in proptest::collection::vec(text(), 16)) {
        for s in &texts {
            check_all(&n, s)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn running_text_fast_equals_reference(n in settings(), texts in proptest::collection::vec(running_text(), 4)) {
        for s in &texts {
            check_all(&n, s)?;
        }
        for preset in PRESETS.iter() {
            check_all(preset, &texts[0])?;
        }
    }
}

proptest! {
    /// A span of the normalized text that covers whole words maps back to original text
    /// that normalizes to exactly that span.
    #[test]
    fn word_spans_round_trip(words in proptest::collection::vec(text(), 1..6)) {
        let n = &PRESETS[0];
        let original = words.join(" ");
        let (norm, alignment) = n.normalize_aligned(&original);
        let mut offset = 0;
        for piece in norm.split(' ') {
            let span = offset..offset + piece.len();
            offset += piece.len() + 1;
            let r = alignment.original_range(span.clone());
            let back = n.normalize(&original[r.clone()]);
            prop_assert!(
                back.contains(&norm[span.clone()]),
                "{:?} -> {:?} maps to {:?} which normalizes to {:?}",
                &norm[span], r, &original[r.clone()], back
            );
        }
    }
}

/// Text with stretched letters: runs of one to six of a letter (folded ones among them,
/// and ت), with marks, tatweel, spaces and now and then any interesting code point.
fn stretched_text() -> impl Strategy<Value = String> {
    let letter = proptest::sample::select("تلهيكاأىةؤئآء".chars().collect::<Vec<_>>());
    let run = (letter, 1usize..7).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect::<String>());
    let other = prop_oneof![
        Just(String::from(" ")),
        Just(String::from("\u{0651}")),
        Just(String::from("\u{064E}")),
        Just(String::from("\u{0640}")),
        Just(String::from("\u{0654}")),
        interesting_char().prop_map(String::from),
    ];
    let piece = prop_oneof![4 => run, 1 => other];
    proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Collapsing elongation: the fast path equals the reference, the result is
    /// idempotent and aligned (check_all), it is never longer than without the collapse,
    /// and it differs from it only by letters removed.
    #[test]
    fn elongation_collapses(n in settings(), s in stretched_text()) {
        let with = Normalizer::builder().preset(Preset::Search).elongation(true).build();
        let without = Normalizer::from_preset(Preset::Search);
        check_all(&with, &s)?;
        check_all(&n, &s)?;
        // Every character of the output maps to some original text.
        let (norm, alignment) = with.normalize_aligned(&s);
        for (i, c) in norm.char_indices() {
            let span = alignment.original_range(i..i + c.len_utf8());
            prop_assert!(span.start < span.end, "{:?} in {:?} maps to nothing", c, s);
        }
        let (a, b) = (with.normalize(&s), without.normalize(&s));
        prop_assert!(a.len() <= b.len());
        // `a` is `b` with some characters left out.
        let mut rest = b.chars();
        for c in a.chars() {
            prop_assert!(rest.any(|d| d == c), "{:?} is not a subsequence of {:?}", a, b);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The uniform hamza spelling alone, with no Unicode normalization, is nass-letters'
    /// `fold_hamza_uniform`; with the search preset it passes the common checks.
    #[test]
    fn hamza_uniform_is_the_letters_rule(s in stretched_text()) {
        let alone = Normalizer::builder()
            .unicode(UnicodeForm::None)
            .hamza(HamzaFold::Uniform)
            .build();
        prop_assert_eq!(alone.normalize(&s), nass_letters::fold_hamza_uniform(&s));
        check_all(&alone, &s)?;
        let search = Normalizer::builder().preset(Preset::Search).hamza(HamzaFold::Uniform).build();
        check_all(&search, &s)?;
    }
}

/// CAMeL Tools 1.6's chain written independently (shared/spec/presets.md): the ligature
/// fixes and NFKC, then each step once.
fn camel_chain(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let fixed = s
        .replace('\u{FDFC}', "ريال")
        .replace('\u{FDFD}', "بسم الله الرحمن الرحيم");
    fixed
        .nfkc()
        .filter(|&c| !(('\u{064B}'..='\u{0652}').contains(&c) || c == '\u{0670}'))
        .map(|c| match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
            '\u{0649}' => '\u{064A}',
            '\u{0629}' => '\u{0647}',
            c => c,
        })
        .collect()
}

/// Text around the camel preset's corner: letters CAMeL folds (and their neighbours),
/// combining hamza and madda, harakat between them, and now and then anything.
fn camel_corner_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        4 => proptest::sample::select("ٱىاأإآيوةهـ \u{0653}\u{0654}\u{0655}\u{064E}\u{0651}\u{0670}".chars().collect::<Vec<_>>()),
        1 => interesting_char(),
    ];
    proptest::collection::vec(c, 0..24).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// The camel preset is CAMeL's chain, byte for byte, also where that is not
    /// idempotent.
    #[test]
    fn camel_is_the_chain(s in camel_corner_text()) {
        let camel = &PRESETS[1];
        let (got, want) = (camel.normalize(&s), camel_chain(&s));
        prop_assert_eq!(got.as_ref(), want.as_str(), "{:?}", s);
        check_all(camel, &s)?;
    }
}
