//! The analyzer's invariants: spans slice the original back to the token, positions
//! strictly increase, and a term is what its token alone gives.

use nass_analysis::{Analyzer, AnalyzerName, Stemmer, StopWords};
use proptest::prelude::*;

/// Text with Arabic words, clitics, stop words, diacritics, tatweel, digits, Latin,
/// punctuation, hashtags and emoji.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("والكتاب".to_string()),
        Just("في".to_string()),
        Just("وَفِي".to_string()),
        Just("إلى".to_string()),
        Just("بغـــداد".to_string()),
        Just("للعراق".to_string()),
        Just("مدرستها".to_string()),
        Just("٣٫٥".to_string()),
        Just("2024".to_string()),
        Just("Search".to_string()),
        Just("ÉCOLE".to_string()),
        Just("#العراق".to_string()),
        Just("#الحرب_على_الفساد_".to_string()),
        Just("_".to_string()),
        Just("@nass".to_string()),
        Just("،".to_string()),
        Just(".".to_string()),
        Just("🇮🇶".to_string()),
        Just("\u{064E}".to_string()),
        Just("ـ".to_string()),
        Just("\u{200C}".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        "[\\u{0600}-\\u{06FF} a-zA-Z0-9.،]{0,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn analyzers() -> Vec<Analyzer> {
    vec![
        Analyzer::search(),
        Analyzer::lucene(),
        Analyzer::builder(AnalyzerName::Search)
            .stemmer(Stemmer::snowball())
            .build(),
        Analyzer::builder(AnalyzerName::Search)
            .stemmer(Stemmer::None)
            .stop_words(StopWords::empty())
            .build(),
    ]
}

proptest! {
    #[test]
    fn spans_and_positions(text in messy_text()) {
        for a in analyzers() {
            let mut last: Option<usize> = None;
            for t in a.analyze(&text) {
                let word = &text[t.span()];
                prop_assert!(!word.is_empty());
                // The token alone gives the same term, at position 0.
                let alone: Vec<_> = a.analyze(word).collect();
                prop_assert_eq!(alone.len(), 1, "{:?} in {:?}", word, text);
                prop_assert_eq!(alone[0].text(), t.text());
                prop_assert_eq!(alone[0].position(), 0);
                if let Some(p) = last {
                    prop_assert!(t.position() > p);
                }
                last = Some(t.position());
                // Zero-copy: a term borrowed from the text is a slice of its token.
                if t.is_borrowed() {
                    prop_assert!(word.contains(t.text()));
                }
            }
        }
    }
}

/// A hashtag's or mention's body is split into its words (at `_`, between digits and
/// letters) as the same text is outside a hashtag: each span is a word's, which alone gives the same term, and a stop
/// word inside (على) leaves its gap. (A body kept whole gave عراق_ for #العراق_, which
/// the word alone does not give.)
#[test]
fn hashtags_split_at_underscores() {
    let a = Analyzer::search();
    let text = "#الحرب_على_الفساد و#العراق_ @nass_2024";
    let got: Vec<(String, &str, usize)> = a
        .analyze(text)
        .map(|t| (t.text().to_string(), &text[t.span()], t.position()))
        .collect();
    assert_eq!(
        got,
        [
            ("حرب".to_string(), "الحرب", 0),
            ("فساد".to_string(), "الفساد", 2),
            ("عراق".to_string(), "العراق", 4),
            ("nass".to_string(), "nass", 5),
            ("2024".to_string(), "2024", 6),
        ]
    );
}

#[test]
fn stop_words_leave_gaps() {
    let a = Analyzer::search();
    let text = "سافر الوزير إلى بغداد ثم عاد منها";
    let got: Vec<(String, usize)> = a
        .analyze(text)
        .map(|t| (t.text().to_string(), t.position()))
        .collect();
    // سافر 0, الوزير 1, إلى 2 (stop), بغداد 3, ثم 4 (stop), عاد 5, منها 6 (stop).
    assert_eq!(
        got,
        [
            ("سافر".to_string(), 0),
            ("وزير".to_string(), 1),
            ("بغداد".to_string(), 3),
            ("عاد".to_string(), 5),
        ]
    );
}

#[test]
fn diacritized_and_spelling_variants_meet() {
    let a = Analyzer::search();
    let terms = |s: &str| -> Vec<String> { a.analyze(s).map(|t| t.text().to_string()).collect() };
    let plain = terms("مدرسة العراق الكبرى");
    for variant in [
        "مَدْرَسَةُ العِرَاقِ الكُبْرَى",
        "مدرسه العراق الكبري",
        "مدرسـة العـراق الكبـرى",
        "بمدرسة والعراق الكبرى",
    ] {
        let got = terms(variant);
        assert_eq!(got[1..], plain[1..], "{variant}");
    }
    assert_eq!(terms("مَدْرَسَةُ")[0], plain[0]);
}

#[test]
fn latin_is_lowercased_and_lucene_folds_digits() {
    let terms = |a: &Analyzer, s: &str| -> Vec<String> {
        a.analyze(s).map(|t| t.text().to_string()).collect()
    };
    assert_eq!(
        terms(&Analyzer::search(), "NASS Énorme #Bagdad"),
        ["nass", "énorme", "bagdad"]
    );
    assert_eq!(
        terms(&Analyzer::lucene(), "٢٠٢٤ ۱۲ १२"),
        ["2024", "12", "12"]
    );
}

#[test]
fn corpus_terms_slice_back() {
    let Some(files) = nass_tests::corpus_files() else {
        return;
    };
    let a = Analyzer::search();
    let mut n = 0;
    for (name, text) in files {
        let mut last = None;
        for t in a.analyze(&text) {
            assert!(!text[t.span()].is_empty(), "{name}");
            assert!(last.is_none_or(|p| t.position() > p), "{name}");
            last = Some(t.position());
            n += 1;
        }
    }
    assert!(n > 1000);
}
