#![no_main]
//! An arbitrary gazetteer (names drawn from the input, clitic letters and Arabic letters
//! likely) matched against arbitrary text: building fails only with an error, never a
//! panic; every span lies on char boundaries and slices the original to the match's text,
//! clitics + name = surface; non-overlapping matches do not overlap and are a subset of
//! the overlapping ones; and `last_safe_cut` really is a safe cut for both.
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use nass::gazetteer::{Entry, Gazetteer};

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    names: Vec<&'a str>,
    text: &'a str,
    adjectives: bool,
}

type Found = Vec<(usize, usize, usize, String)>;

fn matches(g: &Gazetteer, text: &str, overlapping: bool, shift: usize) -> Found {
    let it = if overlapping {
        g.find_overlapping_iter(text)
    } else {
        g.find_iter(text)
    };
    it.map(|m| {
        (
            m.start() + shift,
            m.end() + shift,
            m.name_start() + shift,
            m.entry().canonical().to_string(),
        )
    })
    .collect()
}

fuzz_target!(|input: Input| {
    let entries = input
        .names
        .iter()
        .take(64)
        .enumerate()
        .map(|(i, n)| Entry::new(*n, if i % 3 == 0 { "country" } else { "thing" }));
    let g = match Gazetteer::builder()
        .entries(entries)
        .adjectives(input.adjectives)
        .build()
    {
        Ok(g) => g,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let text = input.text;
    for overlapping in [false, true] {
        let it = if overlapping {
            g.find_overlapping_iter(text)
        } else {
            g.find_iter(text)
        };
        let mut last_end = 0;
        for m in it {
            assert!(m.start() <= m.name_start() && m.name_start() <= m.end());
            assert!(m.end() <= text.len());
            assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            assert!(text.is_char_boundary(m.name_start()));
            assert_eq!(&text[m.span()], m.text());
            assert_eq!(format!("{}{}", m.clitics(), m.name_text()), m.text());
            if !overlapping {
                // Entries sharing a name share the span; otherwise no overlap.
                assert!(m.start() >= last_end || m.end() == last_end);
                last_end = m.end();
            }
        }
    }
    let all = matches(&g, text, true, 0);
    for m in matches(&g, text, false, 0) {
        assert!(all.contains(&m));
    }
    let c = g.last_safe_cut(text);
    assert!(text.is_char_boundary(c));
    for overlapping in [false, true] {
        let whole = matches(&g, text, overlapping, 0);
        let mut parts = matches(&g, &text[..c], overlapping, 0);
        parts.extend(matches(&g, &text[c..], overlapping, c));
        assert_eq!(whole, parts, "cut at {c}");
    }
});
