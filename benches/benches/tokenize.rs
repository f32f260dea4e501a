//! Tokenizer throughput on the news corpus and on mixed Arabic/Latin/emoji text, beside
//! unicode-segmentation's plain `split_word_bound_indices` (the floor) in the same group.
//!
//! Run: `cargo bench -p nass-benches --bench tokenize -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nass::normalize::{Normalizer, Preset};
use nass::tokenize::unicode_segmentation::UnicodeSegmentation;
use nass::tokenize::Tokenizer;

const TARGET: usize = 4 << 20;

fn corpus_dir() -> PathBuf {
    match std::env::var_os("NASS_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
    }
}

fn repeat_to(text: &str, len: usize) -> String {
    let mut out = String::with_capacity(len + text.len());
    while out.len() < len {
        out.push_str(text);
    }
    out
}

/// The news corpus repeated to at least 4 MiB.
fn news() -> String {
    let mut files: Vec<_> = std::fs::read_dir(corpus_dir())
        .expect("corpus folder (set NASS_CORPUS)")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let all: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    repeat_to(&all, TARGET)
}

/// Mixed Arabic, Latin, numbers, URLs, hashtags and emoji, our own sentences.
fn mixed() -> String {
    let text = "أعلنت الشركة عن إطلاق الإصدار 2.5 من تطبيقها Nass Reader 🎉 يوم ٣٠/٦/٢٠٢٤، وقالت إن \
السعر ٢٬٥٠٠ دينار فقط! التفاصيل على https://example.com/ar/news?id=42 أو راسلونا info@example.com \
#تقنية @nass_team 👨\u{200D}👩\u{200D}👧 🇮🇶 👍🏽 The release notes (in English) say: \"faster, smaller\".\n";
    repeat_to(text, TARGET)
}

fn bench(c: &mut Criterion) {
    let tokenizer = Tokenizer::new();
    let with_ws = Tokenizer::builder().whitespace(true).build();
    let search = Normalizer::from_preset(Preset::Search);
    for (name, text) in [("news", news()), ("mixed", mixed())] {
        let mut group = c.benchmark_group(format!("tokenize/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("uax29_word_bounds", name),
            &text,
            |b, t| b.iter(|| black_box(t.split_word_bound_indices().count())),
        );
        group.bench_with_input(BenchmarkId::new("nass_tokens", name), &text, |b, t| {
            b.iter(|| black_box(tokenizer.tokens(t).count()))
        });
        group.bench_with_input(
            BenchmarkId::new("nass_tokens_whitespace", name),
            &text,
            |b, t| b.iter(|| black_box(with_ws.tokens(t).count())),
        );
        group.bench_with_input(BenchmarkId::new("nass_sentences", name), &text, |b, t| {
            b.iter(|| black_box(tokenizer.sentences(t).count()))
        });
        group.bench_with_input(
            BenchmarkId::new("nass_tokens_normalized_search", name),
            &text,
            |b, t| {
                b.iter(|| {
                    black_box(
                        tokenizer
                            .tokens(t)
                            .normalized(&search)
                            .map(|(_, n)| n.len())
                            .sum::<usize>(),
                    )
                })
            },
        );
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
