//! Gazetteer matching throughput on the news corpus repeated to 4 MiB, with gazetteers of
//! 100, 10 000 and 1 000 000 generated Arabic names (plus the country and capital names
//! that occur in the corpus, so that there are matches), beside plain Aho-Corasick over
//! text normalized beforehand (the floor: no normalization, no whitespace collapsing, no
//! clitic or word-boundary checks, no span mapping) in the same group. Also the time to
//! build the gazetteers of up to 10 000 names (a million: the `build_names` example of
//! nass-gazetteer). Each gazetteer is also written as a compiled index and opened again
//! from a file (`Gazetteer::save`, `Gazetteer::open`: mapped), and matched in the same
//! group: `nass_find_iter_opened` against `nass_find_iter`. The default list is
//! measured the same way (group `gazetteer/default`), and with
//! `NASS_GAZETTEER_TSV=FILE` a gazetteer of that TSV file too (group
//! `gazetteer/tsv`, e.g. the dense list of 20 000 ordinary words).
//!
//! Run: `cargo bench -p nass-benches --bench gazetteer -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nass::gazetteer::aho_corasick::{AhoCorasick, MatchKind};
use nass::gazetteer::{Entry, Gazetteer};
use nass::normalize::Normalizer;
use nass_tests::{corpus_text, repeat_to};

const TARGET: usize = 4 << 20;

const LETTERS: [char; 28] = [
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
];

/// Names that occur in the corpus.
const REAL: [&str; 8] = [
    "العراق",
    "بغداد",
    "واشنطن",
    "إيران",
    "سوريا",
    "الأردن",
    "الولايات المتحدة",
    "إسرائيل",
];

/// `n` pseudo-random names of one to three words of three to seven letters (a third with
/// the article), the real names first.
fn names(n: usize) -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m) as usize
    };
    let mut out: Vec<String> = REAL.iter().map(|s| s.to_string()).collect();
    while out.len() < n {
        let words = 1 + next(3) * next(2); // mostly one word
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
    out.truncate(n);
    out
}

/// `g` saved as a compiled index in a temporary file and opened (mapped) again.
fn reopened(g: &Gazetteer, name: &str) -> Gazetteer {
    let path = std::env::temp_dir().join(format!("nass-bench-{name}-{}.idx", std::process::id()));
    g.save(&path).unwrap();
    let opened = Gazetteer::open(&path).unwrap();
    // The mapping stays valid after the name is removed.
    std::fs::remove_file(&path).unwrap();
    opened
}

/// Built and opened from an index, matched in one group.
fn built_and_opened(c: &mut Criterion, group: &str, g: &Gazetteer, text: &str) {
    let opened = reopened(g, group.rsplit('/').next().unwrap_or("g"));
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("nass_find_iter", |b| {
        b.iter(|| black_box(g.find_iter(text).count()))
    });
    group.bench_function("nass_find_iter_opened", |b| {
        b.iter(|| black_box(opened.find_iter(text).count()))
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let text = repeat_to(
        &corpus_text().expect("the benchmarks read the corpus: set NASS_CORPUS"),
        TARGET,
    );
    let normalizer = Normalizer::new();
    let normalized = normalizer.normalize(&text).into_owned();
    built_and_opened(c, "gazetteer/default", &Gazetteer::new(), &text);
    if let Ok(tsv) = std::env::var("NASS_GAZETTEER_TSV") {
        let file = std::fs::File::open(&tsv).expect("NASS_GAZETTEER_TSV names a file");
        let g = Gazetteer::builder()
            .load_tsv(file, &tsv)
            .unwrap()
            .build()
            .unwrap();
        built_and_opened(c, "gazetteer/tsv", &g, &text);
    }
    // NASS_GAZETTEER_SIZES=100,10000 limits the sizes (building a million names takes
    // seconds and is timed by the nass-gazetteer `build_names` example instead).
    let sizes: Vec<usize> = std::env::var("NASS_GAZETTEER_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 10_000, 1_000_000]);
    for n in sizes {
        let names = names(n);
        let entries: Vec<Entry> = names.iter().map(|s| Entry::new(s.as_str(), "x")).collect();
        let gazetteer = Gazetteer::builder()
            .entries(entries.iter().cloned())
            .build()
            .unwrap();
        eprintln!(
            "gazetteer/{n}: {} patterns, memory_usage {} bytes ({:.0} bytes per name), {} matches",
            gazetteer.pattern_count(),
            gazetteer.memory_usage(),
            gazetteer.memory_usage() as f64 / n as f64,
            gazetteer.find_iter(&text).count(),
        );
        let patterns: Vec<String> = names
            .iter()
            .map(|s| normalizer.normalize(s).into_owned())
            .collect();
        let plain = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap();

        let mut group = c.benchmark_group(format!("gazetteer/{n}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        if n >= 1_000_000 {
            group.sample_size(10);
        }
        group.bench_with_input(
            BenchmarkId::new("aho_corasick_prenormalized", n),
            &normalized,
            |b, t| b.iter(|| black_box(plain.find_iter(t.as_str()).count())),
        );
        group.bench_with_input(BenchmarkId::new("nass_find_iter", n), &text, |b, t| {
            b.iter(|| black_box(gazetteer.find_iter(t).count()))
        });
        let opened = reopened(&gazetteer, &n.to_string());
        group.bench_with_input(
            BenchmarkId::new("nass_find_iter_opened", n),
            &text,
            |b, t| b.iter(|| black_box(opened.find_iter(t).count())),
        );
        group.bench_with_input(
            BenchmarkId::new("nass_find_overlapping_iter", n),
            &text,
            |b, t| b.iter(|| black_box(gazetteer.find_overlapping_iter(t).count())),
        );
        group.finish();

        if n > 10_000 {
            continue;
        }
        let mut group = c.benchmark_group("gazetteer_build");
        group.sample_size(10);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("build", n), &entries, |b, e| {
            b.iter(|| {
                black_box(
                    Gazetteer::builder()
                        .entries(e.iter().cloned())
                        .build()
                        .unwrap()
                        .len(),
                )
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
