//! Builds a gazetteer of N generated Arabic names (default 1 000 000) and reports the
//! time taken and the estimated memory; run it under `/usr/bin/time -v` for the peak
//! resident size.
//!
//! `cargo run --release -p nass-gazetteer --example build_names -- 1000000`

use std::time::Instant;

use nass_gazetteer::{Entry, Gazetteer};

const LETTERS: [char; 28] = [
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
];

/// The same generator as the criterion bench (benches/benches/gazetteer.rs).
fn names(n: usize) -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m) as usize
    };
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let words = 1 + next(3) * next(2);
        let mut name = String::new();
        for w in 0..words {
            if w > 0 {
                name.push(' ');
            }
            if next(3) == 0 {
                name.push_str("ال");
            }
            for _ in 0..3 + next(5) {
                name.push(LETTERS[next(28)]);
            }
        }
        out.push(name);
    }
    out
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let names = names(n);
    let bytes: usize = names.iter().map(String::len).sum();
    let start = Instant::now();
    let g = Gazetteer::builder()
        .entries(names.into_iter().map(|s| Entry::new(s, "x")))
        .build()
        .expect("generated names build");
    let elapsed = start.elapsed();
    println!(
        "{n} names ({bytes} bytes): built in {:.2} s; {} entries, {} patterns; memory_usage {} bytes ({:.0} bytes per name)",
        elapsed.as_secs_f64(),
        g.len(),
        g.pattern_count(),
        g.memory_usage(),
        g.memory_usage() as f64 / n as f64
    );
}
