//! Normalizer throughput: each operation and every preset, on news text and densely
//! diacritized text, beside the naive `chars().filter().map().collect()` and a regex.
//!
//! Run: `cargo bench -p nass-benches --bench normalize`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nass::diacritics::{is_diacritic, Diacritics, TATWEEL};
use nass::letters::LetterFolds;
use nass::normalize::{Normalizer, Preset, UnicodeForm};
use nass_tests::{corpus_text, repeat_to};

const TARGET: usize = 4 << 20;

/// The news corpus repeated to at least 4 MiB.
fn news() -> String {
    repeat_to(
        &corpus_text().expect("the benchmarks read the corpus: set NASS_CORPUS"),
        TARGET,
    )
}

/// Densely diacritized text of our own, with tatweel and hamza forms.
fn dense() -> String {
    let text = "ذَهَبَ الطُّلَّابُ إِلَى المَدْرَسَةِ صَبَاحًا، وَقَرَأَ المُعَلِّمُ عَلَيْهِمْ قِصَّةً جَمِيلَةً عَنْ رِحْلَةٍ طَوِيلَةٍ.\n\
قَالَ الشَّيْخُ: إِنَّ العِلْمَ نُورٌ، وَالجَـهْـلَ ظَلَامٌ، فَاطْلُبُوا العِلْمَ مِنَ المَهْدِ إِلَى اللَّحْدِ.\n\
وَصَلَتِ الطَّائِرَةُ إِلَى مَطَارِ القَاهِرَةِ الدُّوَلِيِّ بَعْدَ مُنْتَصَفِ اللَّيْلِ بِسَاعَتَيْنِ.\n";
    repeat_to(text, TARGET)
}

fn naive_strip(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_diacritic(c) && c != TATWEEL)
        .collect()
}

fn naive_search(text: &str) -> String {
    let folds = LetterFolds::all();
    text.chars()
        .filter(|&c| !is_diacritic(c) && c != TATWEEL)
        .map(|c| folds.fold_char(c).unwrap_or(c))
        .collect()
}

fn inputs() -> Vec<(&'static str, String)> {
    vec![("news", news()), ("diacritized", dense())]
}

fn operations(c: &mut Criterion) {
    let ops: Vec<(&str, Normalizer)> = vec![
        (
            "diacritics",
            Normalizer::builder()
                .unicode(UnicodeForm::None)
                .diacritics(Diacritics::all())
                .build(),
        ),
        (
            "tatweel",
            Normalizer::builder()
                .unicode(UnicodeForm::None)
                .tatweel(true)
                .build(),
        ),
        (
            "letters",
            Normalizer::builder()
                .unicode(UnicodeForm::None)
                .letters(LetterFolds::all())
                .build(),
        ),
        (
            "invisibles",
            Normalizer::builder()
                .unicode(UnicodeForm::None)
                .invisibles(true)
                .build(),
        ),
        (
            "nfc",
            Normalizer::builder().unicode(UnicodeForm::Nfc).build(),
        ),
        (
            "nfkc",
            Normalizer::builder().unicode(UnicodeForm::Nfkc).build(),
        ),
    ];
    let diacritic_re =
        regex::Regex::new("[\u{0610}-\u{061A}\u{064B}-\u{065F}\u{0670}\u{06D6}-\u{06ED}\u{0640}]")
            .unwrap();
    for (name, text) in inputs() {
        let mut g = c.benchmark_group(format!("operation/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        for (op, n) in &ops {
            g.bench_with_input(BenchmarkId::new("nass", op), &text, |b, t| {
                let mut out = String::with_capacity(t.len());
                b.iter(|| {
                    out.clear();
                    n.normalize_into(t, &mut out);
                    out.len()
                })
            });
        }
        g.bench_with_input(
            BenchmarkId::new("naive chars().filter()", "diacritics+tatweel"),
            &text,
            |b, t| b.iter(|| naive_strip(t).len()),
        );
        g.bench_with_input(
            BenchmarkId::new("regex replace_all", "diacritics+tatweel"),
            &text,
            |b, t| b.iter(|| diacritic_re.replace_all(t, "").len()),
        );
        g.finish();
    }
}

fn presets(c: &mut Criterion) {
    for (name, text) in inputs() {
        let mut g = c.benchmark_group(format!("preset/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        for preset in Preset::ALL {
            let n = Normalizer::from_preset(preset);
            g.bench_with_input(BenchmarkId::new("nass", preset.name()), &text, |b, t| {
                let mut out = String::with_capacity(t.len());
                b.iter(|| {
                    out.clear();
                    n.normalize_into(t, &mut out);
                    out.len()
                })
            });
        }
        // The search preset without its digit fold: what the fold costs.
        let no_digits = Normalizer::builder()
            .preset(Preset::Search)
            .digits(None)
            .build();
        g.bench_with_input(
            BenchmarkId::new("nass", "search-without-digits"),
            &text,
            |b, t| {
                let mut out = String::with_capacity(t.len());
                b.iter(|| {
                    out.clear();
                    no_digits.normalize_into(t, &mut out);
                    out.len()
                })
            },
        );
        g.bench_with_input(
            BenchmarkId::new("naive chars().filter().map()", "search-like"),
            &text,
            |b, t| b.iter(|| naive_search(t).len()),
        );
        g.finish();
    }
}

fn unchanged(c: &mut Criterion) {
    // Text the search preset leaves alone: the borrowed path.
    let n = Normalizer::new();
    let text = n.normalize(&news()).into_owned();
    let mut g = c.benchmark_group("unchanged");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("nass search normalize (borrowed)", |b| {
        b.iter(|| n.normalize(&text).len())
    });
    g.bench_function("naive chars().filter().map()", |b| {
        b.iter(|| naive_search(&text).len())
    });
    g.finish();
}

fn code_points(c: &mut Criterion) {
    // Text held as code points (what the Python bindings read out of a str): normalized
    // as it is, against the round trip through UTF-8 it replaced.
    let n = Normalizer::from_preset(Preset::Camel);
    let text = news();
    let chars: Vec<char> = text.chars().collect();
    let mut g = c.benchmark_group("code_points/camel");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("nass normalize_chars_into", |b| {
        let mut out = Vec::with_capacity(chars.len());
        b.iter(|| {
            out.clear();
            n.normalize_chars_into(&chars, &mut out);
            out.len()
        })
    });
    g.bench_function("to UTF-8, normalize_into, back to code points", |b| {
        let (mut utf8, mut norm, mut out) = (String::new(), String::new(), Vec::new());
        b.iter(|| {
            utf8.clear();
            utf8.extend(chars.iter());
            norm.clear();
            n.normalize_into(&utf8, &mut norm);
            out.clear();
            out.extend(norm.chars());
            out.len()
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(3));
    targets = operations, presets, unchanged, code_points
}
criterion_main!(benches);
