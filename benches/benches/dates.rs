//! nass-dates: conversions per second, Gregorian -> Hijri and Hijri -> Gregorian, in the
//! Umm al-Qura table and a tabular calendar, over days spread across the whole table.
//! Baseline in the Gregorian -> Hijri group: a plain binary search (`partition_point`) over
//! the month starts as JDNs, the obvious way to read such a table. Target (issue 6): at
//! least 10 million conversions per second.
//!
//!
//! `dates_find`: `find_dates` on the corpus repeated to 4 MiB (target: at least 100 MB/s),
//! beside two baselines in the same group: the lexicon pass alone (`find_date_words`, the
//! gazetteer walk that `find_dates` starts with) and a naive search that looks for every
//! Latin-derived month name with `str::matches` (finds far less; a floor for any scan).
//!
//! `dates_iso_lines`: the per-line work of `nass calendar --to hijri` without the I/O: an
//! ISO line read, converted to Umm al-Qura and written as ISO, through the allocation-free
//! functions (`parse_iso_opt`, `from_gregorian_opt`, `iso_bytes`), beside the same work
//! through `parse`, `from_gregorian` and `to_string` (the formatting machinery).
//!
//! Run: `cargo bench -p nass-benches --bench dates -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nass::dates::{
    find_date_words, find_dates, GregorianDate, HijriCalendar, HijriDate, NamingSystem,
    TabularCalendar,
};
use nass_tests::{corpus_text, repeat_to};

const N: usize = 4096;

/// `N` Julian day numbers spread pseudo-randomly over the Umm al-Qura table.
fn days() -> Vec<i32> {
    let (first, last) = HijriCalendar::UmmAlQura.range();
    let (lo, span) = (first.jdn(), (last.jdn() - first.jdn() + 1) as u64);
    let mut x = 0x2545_f491_4f6c_dd1du64;
    (0..N)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            lo + (x % span) as i32
        })
        .collect()
}

/// The baseline: (first JDN of month, year, month) for every month of the table, searched
/// with `partition_point`.
struct NaiveTable {
    starts: Vec<(i32, u16, u8)>,
}

impl NaiveTable {
    fn new() -> Self {
        let (first, last) = HijriCalendar::UmmAlQura.range();
        let mut starts = Vec::new();
        for y in first.year()..=last.year() {
            for m in 1..=12 {
                let d = HijriDate::new(HijriCalendar::UmmAlQura, y, m, 1).expect("in the table");
                starts.push((d.jdn(), y, m));
            }
        }
        NaiveTable { starts }
    }

    fn to_hijri(&self, g: GregorianDate) -> (u16, u8, u8) {
        let jdn = g.jdn();
        let i = self.starts.partition_point(|&(s, _, _)| s <= jdn) - 1;
        let (s, y, m) = self.starts[i];
        (y, m, (jdn - s + 1) as u8)
    }
}

fn bench_conversions(c: &mut Criterion) {
    let jdns = days();
    let gregorian: Vec<GregorianDate> = jdns
        .iter()
        .map(|&j| GregorianDate::from_jdn(j).expect("in range"))
        .collect();
    let naive = NaiveTable::new();
    let civil = HijriCalendar::Tabular(TabularCalendar::CIVIL);

    let mut group = c.benchmark_group("dates_to_hijri");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function(BenchmarkId::new("naive_binary_search", N), |b| {
        b.iter(|| {
            for &g in &gregorian {
                black_box(naive.to_hijri(black_box(g)));
            }
        })
    });
    for (name, calendar) in [
        ("umm_al_qura", HijriCalendar::UmmAlQura),
        ("islamic_civil", civil),
    ] {
        group.bench_function(BenchmarkId::new(name, N), |b| {
            b.iter(|| {
                for &g in &gregorian {
                    black_box(HijriDate::from_gregorian(calendar, black_box(g)).ok());
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("dates_to_gregorian");
    group.throughput(Throughput::Elements(N as u64));
    for (name, calendar) in [
        ("umm_al_qura", HijriCalendar::UmmAlQura),
        ("islamic_civil", civil),
    ] {
        let hijri: Vec<HijriDate> = gregorian
            .iter()
            .map(|&g| HijriDate::from_gregorian(calendar, g).expect("in range"))
            .collect();
        group.bench_function(BenchmarkId::new(name, N), |b| {
            b.iter(|| {
                for &h in &hijri {
                    black_box(black_box(h).to_gregorian());
                }
            })
        });
        // From raw numbers: the validating constructor, then the conversion.
        let triples: Vec<(u16, u8, u8)> = hijri
            .iter()
            .map(|h| (h.year(), h.month(), h.day()))
            .collect();
        group.bench_function(BenchmarkId::new(format!("{name}_checked"), N), |b| {
            b.iter(|| {
                for &(y, m, d) in &triples {
                    black_box(
                        HijriDate::new(calendar, black_box(y), m, d)
                            .map(HijriDate::to_gregorian)
                            .ok(),
                    );
                }
            })
        });
    }
    group.finish();
}

fn bench_iso_lines(c: &mut Criterion) {
    let lines: Vec<String> = days()
        .iter()
        .map(|&j| GregorianDate::from_jdn(j).expect("in range").to_string())
        .collect();
    let uq = HijriCalendar::UmmAlQura;
    let mut group = c.benchmark_group("dates_iso_lines");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function(BenchmarkId::new("opt_and_iso_bytes", N), |b| {
        let mut out: Vec<u8> = Vec::with_capacity(11 * N);
        b.iter(|| {
            out.clear();
            for line in &lines {
                let hijri = GregorianDate::parse_iso_opt(black_box(line))
                    .and_then(|day| HijriDate::from_gregorian_opt(uq, day));
                if let Some(hijri) = hijri {
                    out.extend_from_slice(&hijri.iso_bytes());
                    out.push(b'\n');
                }
            }
            black_box(out.len());
        })
    });
    group.bench_function(BenchmarkId::new("result_and_to_string", N), |b| {
        let mut out: Vec<u8> = Vec::with_capacity(11 * N);
        b.iter(|| {
            out.clear();
            for line in &lines {
                let hijri = black_box(line)
                    .parse::<GregorianDate>()
                    .and_then(|day| HijriDate::from_gregorian(uq, day));
                if let Ok(hijri) = hijri {
                    out.extend_from_slice(hijri.to_string().as_bytes());
                    out.push(b'\n');
                }
            }
            black_box(out.len());
        })
    });
    group.finish();
}

fn bench_find(c: &mut Criterion) {
    let text = repeat_to(
        &corpus_text().expect("the benchmarks read the corpus: set NASS_CORPUS"),
        4 << 20,
    );
    let mut group = c.benchmark_group("dates_find");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("naive_month_substrings", "news"), |b| {
        b.iter(|| {
            let mut n = 0;
            for m in 1..=12 {
                let name = NamingSystem::Latin.month_name(m).expect("1..=12");
                n += black_box(&text).matches(name).count();
            }
            n
        })
    });
    group.bench_function(BenchmarkId::new("find_date_words", "news"), |b| {
        b.iter(|| find_date_words(black_box(&text)).count())
    });
    group.bench_function(BenchmarkId::new("find_dates", "news"), |b| {
        b.iter(|| find_dates(black_box(&text)).count())
    });
    group.finish();
}

criterion_group!(benches, bench_conversions, bench_iso_lines, bench_find);
criterion_main!(benches);
