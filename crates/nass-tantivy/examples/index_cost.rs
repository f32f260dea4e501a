//! What the nass tokenizer costs at indexing time: the corpus repeated to 64 MiB, one
//! document a line, indexed into a tantivy index in memory with tantivy's default
//! tokenizer and with the nass `search` and `lucene` tokenizers, in the same run, on one
//! indexing thread (the default first and again last); prints each time and its ratio to
//! the default tokenizer's first time.
//!
//! `NASS_CORPUS=... cargo run --release -p nass-tantivy --example index_cost [MiB]`

use std::time::Instant;

use nass_tantivy::NassTokenizer;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{doc, Index};

fn index(lines: &[&str], tokenizer: Option<NassTokenizer>) -> tantivy::Result<f64> {
    let name = if tokenizer.is_some() {
        "arabic"
    } else {
        "default"
    };
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(name)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let mut schema = Schema::builder();
    let body = schema.add_text_field(
        "body",
        TextOptions::default().set_indexing_options(indexing),
    );
    let index = Index::create_in_ram(schema.build());
    if let Some(t) = tokenizer {
        index.tokenizers().register("arabic", t);
    }
    let start = Instant::now();
    let mut writer = index.writer_with_num_threads(1, 200_000_000)?;
    for line in lines {
        writer.add_document(doc!(body => *line))?;
    }
    writer.commit()?;
    Ok(start.elapsed().as_secs_f64())
}

fn main() -> tantivy::Result<()> {
    let mib: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(64);
    let dir = std::env::var("NASS_CORPUS").unwrap_or_else(|_| "../shared/corpus".into());
    let mut corpus = String::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in names {
        corpus.push_str(&std::fs::read_to_string(p)?);
        corpus.push('\n');
    }
    let mut text = String::new();
    while text.len() < mib << 20 {
        text.push_str(&corpus);
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    println!("{} MiB, {} documents", text.len() >> 20, lines.len());
    let default = index(&lines, None)?;
    println!("default tokenizer: {default:.2} s");
    for (name, t) in [
        ("nass search", NassTokenizer::search()),
        ("nass lucene", NassTokenizer::lucene()),
    ] {
        let secs = index(&lines, Some(t))?;
        println!("{name}: {secs:.2} s ({:.2}x the default)", secs / default);
    }
    // Once more at the end, so that neither side has the warm start.
    let again = index(&lines, None)?;
    println!("default tokenizer again: {again:.2} s");
    Ok(())
}
