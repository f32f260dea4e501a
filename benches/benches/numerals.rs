//! nass-numerals: digit folding (to ASCII and to Arabic-Indic) on digit-heavy text and on
//! the news corpus, beside a naive `chars().map().collect()` in the same group; number-word
//! parsing and spelling in numbers per second; numeral finding.
//!
//! Run: `cargo bench -p nass-benches --bench numerals -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nass::numerals::{
    digit_value, find_number_words, find_numbers, number_to_words, parse_number_words, Case,
    DigitConverter, DigitSet, Gender,
};
use nass_tests::{corpus_text, repeat_to};

const TARGET: usize = 4 << 20;

/// Our own digit-heavy text: prices, dates, percentages in both digit sets.
fn digits() -> String {
    let text = "ارتفع المؤشر ١٢٫٥٪ إلى ١٬٢٥٠ نقطة في ٣٠/٦/٢٠٢٤، وبلغ حجم التداول ٤٥٬٦٧٨٬٩٠٠ سهم \
بقيمة 1,234,567.89 دينار، مقابل ۹۸۷٬۶۵۴ في الجلسة السابقة (+3.2%). الهاتف: 0790123456، \
الرمز 11180، الغرفة ٢١٤.\n";
    repeat_to(text, TARGET)
}

fn news() -> String {
    repeat_to(
        &corpus_text().expect("the benchmarks read the corpus: set NASS_CORPUS"),
        TARGET,
    )
}

/// The naive fold: every digit of the three sets to ASCII, nothing else.
fn naive_ascii(text: &str) -> String {
    text.chars()
        .map(|c| match digit_value(c) {
            Some(v) => (b'0' + v) as char,
            None => c,
        })
        .collect()
}

/// The naive fold to Arabic-Indic digits.
fn naive_arabic(text: &str) -> String {
    text.chars()
        .map(|c| match digit_value(c) {
            Some(v) => DigitSet::ArabicIndic.digit(v),
            None => c,
        })
        .collect()
}

fn bench_digits(c: &mut Criterion) {
    let to_ascii = DigitConverter::new(DigitSet::Ascii);
    let to_ascii_nd = DigitConverter::builder(DigitSet::Ascii)
        .all_decimal_digits(true)
        .build();
    let to_arabic = DigitConverter::new(DigitSet::ArabicIndic);
    for (name, text) in [("digits", digits()), ("news", news())] {
        let mut group = c.benchmark_group(format!("numerals_digits/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("naive_to_ascii", name), &text, |b, t| {
            b.iter(|| black_box(naive_ascii(t)))
        });
        group.bench_with_input(BenchmarkId::new("nass_to_ascii", name), &text, |b, t| {
            b.iter(|| black_box(to_ascii.convert(t).len()))
        });
        group.bench_with_input(BenchmarkId::new("nass_to_ascii_nd", name), &text, |b, t| {
            b.iter(|| black_box(to_ascii_nd.convert(t).len()))
        });
        group.bench_with_input(BenchmarkId::new("naive_to_arabic", name), &text, |b, t| {
            b.iter(|| black_box(naive_arabic(t)))
        });
        group.bench_with_input(BenchmarkId::new("nass_to_arabic", name), &text, |b, t| {
            b.iter(|| black_box(to_arabic.convert(t).len()))
        });
        group.bench_with_input(BenchmarkId::new("find_numbers", name), &text, |b, t| {
            b.iter(|| black_box(find_numbers(t).count()))
        });
        group.bench_with_input(
            BenchmarkId::new("find_number_words", name),
            &text,
            |b, t| b.iter(|| black_box(find_number_words(t).count())),
        );
        group.finish();
    }
}

fn bench_words(c: &mut Criterion) {
    // 1000 numbers spread over 0..10^12 (8.2 words on average), spelled in every gender and
    // case.
    let genders = [Gender::Masculine, Gender::Feminine];
    let cases = [Case::Nominative, Case::Accusative, Case::Genitive];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let numbers: Vec<u64> = (0..1000)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Mix small and large numbers: a quarter below 1000, a quarter below 10^6.
            match i % 4 {
                0 => x % 1000,
                1 => x % 1_000_000,
                2 => x % 1_000_000_000,
                _ => x % 1_000_000_000_001,
            }
        })
        .collect();
    let words: Vec<String> = numbers
        .iter()
        .enumerate()
        .map(|(i, &n)| number_to_words(n, genders[i % 2], cases[i % 3]))
        .collect();
    let mut group = c.benchmark_group("numerals_words");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("parse_number_words", |b| {
        b.iter(|| {
            for w in &words {
                black_box(parse_number_words(w).is_ok());
            }
        })
    });
    // Numbers as news writes them in words: below a million (about 4 words each).
    let small: Vec<String> = numbers
        .iter()
        .enumerate()
        .map(|(i, &n)| number_to_words(n % 1_000_000, genders[i % 2], cases[i % 3]))
        .collect();
    group.bench_function("parse_number_words_below_1e6", |b| {
        b.iter(|| {
            for w in &small {
                black_box(parse_number_words(w).is_ok());
            }
        })
    });
    // find_number_words in running text: each number in a sentence of its own, the
    // bench's mix and below a million (numbers found per second).
    for (name, list) in [
        ("find_number_words", &words),
        ("find_number_words_below_1e6", &small),
    ] {
        let text: String = list
            .iter()
            .map(|w| format!("قال التقرير إن {w} شخصا حضروا. "))
            .collect();
        assert_eq!(find_number_words(&text).count(), list.len());
        group.bench_function(name, |b| {
            b.iter(|| black_box(find_number_words(&text).count()))
        });
    }
    group.bench_function("number_to_words", |b| {
        b.iter(|| {
            for (i, &n) in numbers.iter().enumerate() {
                black_box(number_to_words(n, genders[i % 2], cases[i % 3]));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_digits, bench_words);
criterion_main!(benches);
