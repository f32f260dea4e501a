//! Compiles a gazetteer index from TSV files and opens one, reporting times and sizes;
//! run under `/usr/bin/time -v` for the peak resident size.
//!
//! ```text
//! cargo run --release -p nass-gazetteer --example index_file -- compile OUT.idx names.tsv...
//! cargo run --release -p nass-gazetteer --example index_file -- open OUT.idx [TEXT]
//! cargo run --release -p nass-gazetteer --example index_file -- build names.tsv... [-- TEXT]
//! ```
//!
//! `open` with a text file counts the matches in it (the file read whole); `build`
//! builds in memory from the TSV files and does the same, for comparison.

use std::time::Instant;

use nass_gazetteer::{Gazetteer, GazetteerError};

fn load(files: &[String]) -> Result<Gazetteer, GazetteerError> {
    let mut b = Gazetteer::builder();
    for f in files {
        let file = std::fs::File::open(f).expect("the TSV file opens");
        b = b.load_tsv(file, f)?;
    }
    b.build()
}

fn count(g: &Gazetteer, text: Option<&String>) {
    if let Some(path) = text {
        let text = std::fs::read_to_string(path).expect("the text is UTF-8");
        let start = Instant::now();
        let n = g.find_iter(&text).count();
        println!(
            "{n} matches in {} bytes in {:.3} s",
            text.len(),
            start.elapsed().as_secs_f64()
        );
    }
}

fn main() -> Result<(), GazetteerError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let start = Instant::now();
    match args.first().map(String::as_str) {
        Some("compile") if args.len() >= 3 => {
            let g = load(&args[2..])?;
            let built = start.elapsed();
            g.save(&args[1])?;
            let size = std::fs::metadata(&args[1]).map_or(0, |m| m.len());
            println!(
                "{} entries, {} patterns: built in {:.2} s, saved in {:.2} s; index {} bytes ({:.0} bytes per entry)",
                g.len(),
                g.pattern_count(),
                built.as_secs_f64(),
                (start.elapsed() - built).as_secs_f64(),
                size,
                size as f64 / g.len().max(1) as f64
            );
        }
        Some("open") if args.len() >= 2 => {
            let g = Gazetteer::open(&args[1])?;
            println!(
                "opened {} entries in {:.1} ms; memory_usage {} bytes",
                g.len(),
                start.elapsed().as_secs_f64() * 1e3,
                g.memory_usage()
            );
            count(&g, args.get(2));
        }
        Some("build") => {
            let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
            let g = load(&args[1..split])?;
            println!(
                "built {} entries in {:.2} s; memory_usage {} bytes ({:.0} per entry)",
                g.len(),
                start.elapsed().as_secs_f64(),
                g.memory_usage(),
                g.memory_usage() as f64 / g.len().max(1) as f64
            );
            count(&g, args.get(split + 1));
        }
        _ => eprintln!(
            "usage: index_file compile OUT TSV... | open INDEX [TEXT] | build TSV... [-- TEXT]"
        ),
    }
    Ok(())
}
