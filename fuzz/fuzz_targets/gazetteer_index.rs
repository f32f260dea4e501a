#![no_main]
//! The compiled-index loader on hostile bytes: arbitrary bytes, and a valid index of
//! arbitrary names with arbitrary bytes changed (with the checksum left wrong, which
//! must be an error, or recomputed, so that the changed contents reach the loader and
//! the matcher). Opening is an error or a gazetteer; matching any text with a gazetteer
//! that opened never panics and gives spans on char boundaries inside the text.
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use nass::gazetteer::{Entry, Gazetteer};

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    raw: Option<&'a [u8]>,
    names: Vec<&'a str>,
    adjectives: bool,
    edits: Vec<(u32, u8)>,
    cut: Option<u32>,
    fix_checksum: bool,
    text: &'a str,
}

fuzz_target!(|input: Input| {
    let bytes = match input.raw {
        Some(raw) => raw.to_vec(),
        None => {
            let entries = input
                .names
                .iter()
                .take(32)
                .enumerate()
                .map(|(i, n)| Entry::new(*n, if i % 2 == 0 { "country" } else { "person" }));
            let Ok(g) = Gazetteer::builder()
                .entries(entries)
                .adjectives(input.adjectives)
                .build()
            else {
                return;
            };
            let mut b = Vec::new();
            g.write_index(&mut b).unwrap();
            let changed = !input.edits.is_empty() || input.cut.is_some();
            for &(at, x) in input.edits.iter().take(16) {
                let at = at as usize % b.len();
                b[at] ^= x;
            }
            if let Some(cut) = input.cut {
                b.truncate(cut as usize % (b.len() + 1));
            }
            if input.fix_checksum && b.len() >= 32 {
                let crc = crc32fast::hash(&b[32..]);
                b[24..28].copy_from_slice(&crc.to_le_bytes());
            } else if changed && b.len() >= 32 {
                // A change the checksum does not cover is an error.
                let ok = Gazetteer::from_index_bytes(b.clone()).is_ok();
                let crc = u32::from_le_bytes(b[24..28].try_into().unwrap());
                assert!(!ok || crc == crc32fast::hash(&b[32..]));
            }
            b
        }
    };
    let Ok(g) = Gazetteer::from_index_bytes(bytes) else {
        return;
    };
    let text = input.text;
    for overlapping in [false, true] {
        let it = if overlapping {
            g.find_overlapping_iter(text)
        } else {
            g.find_iter(text)
        };
        for m in it {
            assert!(m.start() <= m.name_start() && m.name_start() <= m.end());
            assert!(m.end() <= text.len());
            assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            let _ = (m.entry().canonical(), m.variant(), m.kind());
        }
    }
    let _ = (g.last_safe_cut(text), g.memory_usage(), g.entries().count());
});
