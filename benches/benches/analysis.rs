//! Analyzer throughput on the news corpus: the `search` and `lucene` analyzers, the
//! search analyzer with the Snowball stemmer and with none, beside the tokenizer alone
//! (the floor) in the same group.
//!
//! Run: `cargo bench -p nass-benches --bench analysis -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nass::analysis::{Analyzer, AnalyzerName, Stemmer};
use nass::tokenize::Tokenizer;
use nass_tests::{corpus_text, repeat_to};

const TARGET: usize = 4 << 20;

fn bench(c: &mut Criterion) {
    let text = repeat_to(
        &corpus_text().expect("the benchmarks read the corpus: set NASS_CORPUS"),
        TARGET,
    );
    let tokenizer = Tokenizer::new();
    let analyzers = [
        ("search", Analyzer::search()),
        ("lucene", Analyzer::lucene()),
        (
            "search_snowball",
            Analyzer::builder(AnalyzerName::Search)
                .stemmer(Stemmer::snowball())
                .build(),
        ),
        (
            "search_no_stemmer",
            Analyzer::builder(AnalyzerName::Search)
                .stemmer(Stemmer::None)
                .build(),
        ),
    ];
    let mut group = c.benchmark_group("analysis/news");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::new("tokens_only", "news"), &text, |b, t| {
        b.iter(|| black_box(tokenizer.tokens(t).count()))
    });
    for (name, analyzer) in &analyzers {
        group.bench_with_input(BenchmarkId::new(*name, "news"), &text, |b, t| {
            b.iter(|| black_box(analyzer.analyze(t).map(|t| t.text().len()).sum::<usize>()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
