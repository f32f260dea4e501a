#![no_main]
//! Tokenize arbitrary UTF-8 with whitespace tokens; check the tokens tile the input, the
//! whitespace-free tokens are a subsequence, sentences slice back, and `last_safe_cut`
//! really is a safe cut; with the options (split digits, Arabic comma), that the tokens
//! still tile the input, no word holds a digit, and the cut is still safe.
use libfuzzer_sys::fuzz_target;
use nass::tokenize::{last_safe_cut, TokenKind, Tokenizer};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let with_ws = Tokenizer::builder().whitespace(true).build();
    let mut pos = 0;
    let mut words = Vec::new();
    for t in with_ws.tokens(text) {
        assert_eq!(t.start(), pos, "gap or overlap");
        assert!(t.end() > t.start(), "empty token");
        assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()));
        assert_eq!(&text[t.span()], t.text());
        pos = t.end();
        if t.kind() != TokenKind::Whitespace {
            words.push(t);
        }
    }
    assert_eq!(pos, text.len(), "tokens do not cover the input");
    let plain: Vec<_> = Tokenizer::new().tokens(text).collect();
    assert_eq!(plain, words);
    for s in Tokenizer::new().sentences(text) {
        assert_eq!(&text[s.span()], s.text());
    }
    let k = last_safe_cut(text);
    assert!(text.is_char_boundary(k));
    let whole: Vec<_> = with_ws.tokens(text).map(|t| (t.span(), t.kind())).collect();
    let mut split: Vec<_> = with_ws
        .tokens(&text[..k])
        .map(|t| (t.span(), t.kind()))
        .collect();
    split.extend(
        with_ws
            .tokens(&text[k..])
            .map(|t| (t.start() + k..t.end() + k, t.kind())),
    );
    assert_eq!(whole, split, "unsafe cut at {k}");

    let options = Tokenizer::builder()
        .whitespace(true)
        .split_digits(true)
        .arabic_comma_ends_sentence(true)
        .build();
    let tiles: String = options.tokens(text).map(|t| t.text()).collect();
    assert_eq!(tiles, text);
    for t in options.tokens(text) {
        if t.kind().is_word() {
            let digit = t.text().chars().any(|c| c.is_ascii_digit());
            assert!(!digit || t.text().chars().all(char::is_numeric), "a digit inside {t:?}");
        }
    }
    for s in options.sentences(text) {
        assert_eq!(&text[s.span()], s.text());
    }
    let whole: Vec<_> = options.tokens(text).map(|t| (t.span(), t.kind())).collect();
    let mut split: Vec<_> = options.tokens(&text[..k]).map(|t| (t.span(), t.kind())).collect();
    split.extend(
        options
            .tokens(&text[k..])
            .map(|t| (t.start() + k..t.end() + k, t.kind())),
    );
    assert_eq!(whole, split, "unsafe cut at {k} with options");
});
