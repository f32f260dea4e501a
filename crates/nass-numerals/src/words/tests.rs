//! Tests of the private pieces: the lexicon against a scan, the lexer's fold table
//! against the lookup fold, the parser's lazy lexing.

use super::*;
use proptest::prelude::*;

#[test]
fn every_entry_and_its_neighbours_look_up_as_by_scanning() {
    let mut entries = lexicon_entries();
    assert!(entries.len() > 100);
    entries.extend(colloquial_entries());
    let mut probes: Vec<Vec<u8>> = Vec::new();
    for (k, _) in &entries {
        let b = k.as_bytes();
        probes.push(b.to_vec());
        // Every prefix and suffix, every single byte changed, a letter added.
        for n in 0..b.len() {
            probes.push(b[..n].to_vec());
            probes.push(b[n..].to_vec());
            let mut x = b.to_vec();
            x[n] ^= 1;
            probes.push(x);
        }
        probes.push([b, "ه".as_bytes()].concat());
        probes.push(["و".as_bytes(), b].concat());
    }
    for (a, _) in &entries {
        for (b, _) in entries.iter().take(20) {
            probes.push([a.as_bytes(), b.as_bytes()].concat());
        }
    }
    for p in &probes {
        for colloquial in [false, true] {
            assert_eq!(
                lookup_in(p, colloquial),
                lookup_reference(p, colloquial),
                "{:?}",
                String::from_utf8_lossy(p)
            );
        }
    }
    // By hand.
    assert_eq!(lookup("ثمانيمائه".as_bytes()), Some(Lex::Hundreds(800)));
    assert_eq!(
        lookup("تريليونات".as_bytes()),
        Some(Lex::Scale(12, Form::Plural))
    );
    assert_eq!(lookup("ست".as_bytes()), Some(Lex::Unit(6)));
    assert_eq!(lookup("س".as_bytes()), None);
    assert_eq!(lookup("تريليوناتت".as_bytes()), None);
    assert_eq!(lookup(b""), None);
}

#[test]
fn pair_folds_agree_with_the_lookup_fold() {
    let t = pair_folds();
    let mut pairs = 0;
    for u in 0x0600..0x0680u32 {
        let c = char::from_u32(u).unwrap();
        let mut enc = [0u8; 2];
        c.encode_utf8(&mut enc);
        let fold = t[(usize::from(enc[0] & 1) << 6) | usize::from(enc[1] & 0x3F)];
        let mut folded = String::new();
        fold_for_lookup(c.encode_utf8(&mut [0u8; 4]), &mut folded);
        match fold {
            PAIR_GENERAL => {}
            PAIR_SKIP => assert_eq!(folded, "", "U+{u:04X}"),
            f => {
                pairs += 1;
                assert!(is_letter_word_char(c), "U+{u:04X}");
                assert_eq!(folded.as_bytes(), [(f >> 8) as u8, f as u8], "U+{u:04X}");
            }
        }
    }
    // hamza..ghain (26) and feh..yeh (10).
    assert_eq!(pairs, 36);
}

#[test]
fn a_number_lexes_only_the_tokens_it_reads() {
    // Lexing the whole run from each start made n number words that are n numbers
    // (ألف ألف ...) cost n^2.
    let text = "ألف ".repeat(1000);
    let mut p = Parser::new(&text);
    let (parsed, stop, _) = p.expr(0, Position::FirstClitic);
    assert_eq!(parsed.map(|p| p.end), Some("ألف".len()));
    assert_eq!(stop, Stop::Misplaced);
    assert!(p.toks.len() <= 1 + LOOKAHEAD, "{} tokens", p.toks.len());
    // And the finder takes them one by one, each exact.
    let found: Vec<_> = find_number_words(&text).collect();
    assert_eq!(found.len(), 1000);
    assert!(found
        .iter()
        .all(|m| m.value().to_u64() == Some(1000) && m.text() == "ألف"));
}

proptest! {
    #[test]
    fn lookup_is_the_scan(w in "[\u{0627}-\u{064A}]{0,11}", tail in any::<u8>()) {
        for colloquial in [false, true] {
            prop_assert_eq!(lookup_in(w.as_bytes(), colloquial), lookup_reference(w.as_bytes(), colloquial));
            let mut b = w.clone().into_bytes();
            b.push(tail);
            prop_assert_eq!(lookup_in(&b, colloquial), lookup_reference(&b, colloquial));
        }
    }
}

proptest! {
    /// Number words written in presentation forms, as text extracted from PDF files has
    /// them (contextual forms, and لا as one ligature), are found with the values and
    /// the word spans of the same words in their letters.
    #[test]
    fn presentation_forms_read_as_their_letters(
        n in 0u64..100_000_000,
        feminine in any::<bool>(),
        lam_alef in any::<bool>(),
    ) {
        let gender = if feminine { Gender::Feminine } else { Gender::Masculine };
        let words = number_to_words(n, gender, Case::Nominative);
        let shown = nass_tests::presentation_forms(&words, lam_alef);
        prop_assert_ne!(&shown, &words);
        let plain: Vec<_> = find_number_words(&words).map(|m| m.value().clone()).collect();
        let found: Vec<_> = find_number_words(&shown).map(|m| m.value().clone()).collect();
        prop_assert_eq!(&found, &plain, "{}", shown);
        prop_assert_eq!(found.len(), 1);
        let m = find_number_words(&shown).next().unwrap();
        prop_assert_eq!(m.span(), 0..shown.len());
    }
}
