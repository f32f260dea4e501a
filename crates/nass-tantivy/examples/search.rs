//! Indexes text files with the nass tokenizer and runs a query.
//!
//! `cargo run --release -p nass-tantivy --example search -- QUERY FILE...`
//!
//! Each non-empty line of each file is a document; the example prints the matching
//! lines (best first, at most 10) with the matched words in [brackets].

use nass_tantivy::NassTokenizer;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, TantivyDocument};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(query), files) = (args.next(), args.collect::<Vec<_>>()) else {
        eprintln!("usage: search QUERY FILE...");
        std::process::exit(2);
    };
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("arabic")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let mut schema = Schema::builder();
    let options = TextOptions::default()
        .set_indexing_options(indexing)
        .set_stored();
    let body = schema.add_text_field("body", options);
    let index = Index::create_in_ram(schema.build());
    index
        .tokenizers()
        .register("arabic", NassTokenizer::search());
    let mut writer = index.writer(50_000_000)?;
    for file in &files {
        let text = std::fs::read_to_string(file)?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            writer.add_document(doc!(body => line))?;
        }
    }
    writer.commit()?;
    let searcher = index.reader()?.searcher();
    let query = QueryParser::for_index(&index, vec![body]).parse_query(&query)?;
    let snippets = SnippetGenerator::create(&searcher, &query, body)?;
    for (score, addr) in searcher.search(&query, &TopDocs::with_limit(10))? {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let mut snippet = snippets.snippet_from_doc(&doc);
        snippet.set_snippet_prefix_postfix("[", "]");
        println!("{score:.3}\t{}", snippet.to_html());
    }
    Ok(())
}
