//! Transliteration throughput: each scheme both ways on news text, beside the naive
//! `chars().map().collect()` over the same table.
//!
//! Run: `cargo bench -p nass-benches --bench translit`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nass::translit::{Direction, Scheme, Transliterator};
use nass_tests::{corpus_text, repeat_to};

const TARGET: usize = 4 << 20;

/// The news corpus repeated to at least 4 MiB.
fn news() -> String {
    repeat_to(
        &corpus_text().expect("the benchmarks read the corpus: set NASS_CORPUS"),
        TARGET,
    )
}

/// Character by character through the scheme's pairs, collected into a `String`.
fn naive(t: &Transliterator, text: &str) -> String {
    let pairs: std::collections::HashMap<char, char> = t
        .scheme()
        .pairs()
        .map(|(ar, latin)| match t.direction() {
            Direction::ToScheme => (ar, latin),
            Direction::ToArabic => (latin, ar),
        })
        .collect();
    text.chars().map(|c| *pairs.get(&c).unwrap_or(&c)).collect()
}

fn schemes(c: &mut Criterion) {
    let arabic = news();
    for scheme in Scheme::ALL {
        let to = Transliterator::to_scheme(scheme);
        let latin = to.transliterate(&arabic).into_owned();
        let back = Transliterator::from_scheme(scheme);
        for (t, text) in [(to, &arabic), (back, &latin)] {
            let dir = match t.direction() {
                Direction::ToScheme => format!("ar2{scheme}"),
                Direction::ToArabic => format!("{scheme}2ar"),
            };
            let mut g = c.benchmark_group(format!("translit/{dir}"));
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new("nass", "to_vec"), text, |b, text| {
                let mut out = Vec::with_capacity(2 * text.len() + 1);
                b.iter(|| {
                    out.clear();
                    t.transliterate_to_vec(text, &mut out);
                    out.len()
                })
            });
            g.bench_with_input(
                BenchmarkId::new("nass", "transliterate"),
                text,
                |b, text| b.iter(|| t.transliterate(text).len()),
            );
            g.bench_with_input(BenchmarkId::new("nass", "aligned"), text, |b, text| {
                b.iter(|| t.transliterate_aligned(text).0.len())
            });
            g.bench_with_input(
                BenchmarkId::new("naive chars().map()", "hashmap"),
                text,
                |b, text| b.iter(|| naive(&t, text).len()),
            );
            g.finish();
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(3));
    targets = schemes
}
criterion_main!(benches);
