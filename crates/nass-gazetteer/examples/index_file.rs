//! Compiles a gazetteer index from TSV files and opens one, reporting times and sizes;
//! run under `/usr/bin/time -v` for the peak resident size.
//!
//! ```text
//! cargo run --release -p nass-gazetteer --example index_file -- compile OUT.idx names.tsv...
//! cargo run --release -p nass-gazetteer --example index_file -- open OUT.idx [TEXT]
//! cargo run --release -p nass-gazetteer --example index_file -- build names.tsv... [-- TEXT]
//! ```
//!
//! `open` with a text file counts the matches in it, read in pieces of about 1 MiB cut
//! at line ends, touching each match's entry through `Match::entry_ref` as `nass match`
//! does; `build` builds in memory from the TSV files and does the same, for comparison.

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
        use std::io::BufRead;
        let mut r = std::io::BufReader::new(std::fs::File::open(path).expect("the text opens"));
        let start = Instant::now();
        let (mut n, mut bytes, mut names) = (0, 0, 0);
        let mut piece = String::new();
        loop {
            let read = r.read_line(&mut piece).expect("the text is UTF-8");
            if read == 0 || piece.len() >= 1 << 20 {
                for m in g.find_iter(&piece) {
                    n += 1;
                    names += m.entry_ref().canonical().len();
                }
                bytes += piece.len();
                piece.clear();
            }
            if read == 0 {
                break;
            }
        }
        println!(
            "{n} matches ({names} bytes of names) in {bytes} bytes in {:.3} s",
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
