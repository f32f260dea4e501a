//! Measures the stemmers: on the word-family table of the tests, how often forms of one
//! family meet on one stem and how often forms of different families collide; on the
//! corpus (`NASS_CORPUS`, or the folder given as the first argument), how many distinct
//! terms each analyzer chain gives.
//!
//! `cargo run --release -p nass-analysis --example evaluate [CORPUS_DIR]`

#[path = "../tests/common/eval.rs"]
mod eval;

use std::collections::HashSet;

use nass_analysis::{Analyzer, AnalyzerName, Stemmer};

fn main() {
    let fams = eval::families();
    let words: usize = fams.iter().map(Vec::len).sum();
    println!("word families: {} families, {words} words", fams.len());
    println!("| stemmer | pairs of a family met | families whole | colliding families | colliding word pairs |");
    println!("|---|---|---|---|---|");
    for name in ["none", "lucene", "snowball", "light"] {
        let s = eval::score(&fams, eval::stem_with(name));
        println!(
            "| {name} | {}/{} ({:.1} %) | {}/{} | {} | {} |",
            s.met,
            s.pairs,
            100.0 * s.recall(),
            s.whole,
            fams.len(),
            s.family_collisions,
            s.collisions
        );
    }
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("NASS_CORPUS").ok())
        .unwrap_or_else(|| "../shared/corpus".into());
    let mut text = String::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no corpus at {dir}");
        return;
    };
    for e in entries.flatten() {
        text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        text.push('\n');
    }
    println!("\ncorpus: {} bytes", text.len());
    println!("| analyzer | stemmer | terms | distinct terms |");
    println!("|---|---|---|---|");
    for (name, stemmer) in [
        (AnalyzerName::Search, "none"),
        (AnalyzerName::Lucene, "lucene"),
        (AnalyzerName::Search, "snowball"),
        (AnalyzerName::Search, "light"),
    ] {
        let stemmer: Stemmer = stemmer.parse().expect("a stemmer");
        let sname = stemmer.name();
        let a = Analyzer::builder(name).stemmer(stemmer).build();
        let mut n = 0;
        let mut distinct = HashSet::new();
        for t in a.analyze(&text) {
            n += 1;
            distinct.insert(t.text().to_string());
        }
        println!("| {name} | {sname} | {n} | {} |", distinct.len());
    }
}
