//! Tokenizer throughput on the news corpus and on mixed Arabic/Latin/emoji text, beside
//! unicode-segmentation's plain `split_word_bound_indices` (the floor) in the same group.
//!
//! Run: `cargo bench -p nass-benches --bench tokenize -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nass::normalize::{Normalizer, Preset};
use nass::tokenize::unicode_segmentation::UnicodeSegmentation;
use nass::tokenize::Tokenizer;
use nass_tests::{corpus_text, repeat_to};

const TARGET: usize = 4 << 20;

/// The news corpus repeated to at least 4 MiB.
fn news() -> String {
    repeat_to(
        &corpus_text().expect("the benchmarks read the corpus: set NASS_CORPUS"),
        TARGET,
    )
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
