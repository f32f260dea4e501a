//! Options that users of CAMeL Tools and PyArabic look for: elongation, the hamza
//! spelling families, digits from one script, the tokenizer's digit split and Arabic
//! comma.

mod common;
use common::{assert_same_for_chunk_sizes, run_str};

#[test]
fn normalize_elongation() {
    let text = "كتييير حلووو ههههه الله ممتاز\n";
    assert_eq!(
        run_str(&["normalize", "--elongation"], text),
        "كتير حلو ه الله ممتاز\n"
    );
    // Off by default, in every preset.
    assert_eq!(run_str(&["normalize"], text), text);
    assert_eq!(
        run_str(
            &["normalize", "--preset", "display", "--elongation"],
            "جميييل\n"
        ),
        "جميل\n"
    );
}

#[test]
fn normalize_elongation_is_the_same_for_every_chunk_size() {
    // Runs longer than a chunk, and runs that straddle every cut.
    let text = "كتيييييير ياااارب\nههههههههه abc وووو\n".repeat(2);
    assert_same_for_chunk_sizes(&["normalize", "--elongation"], &text, 1..=24);
}

#[test]
fn normalize_hamza_uniform() {
    let text = "سؤال الأئمة عن آدم وآخر\n";
    assert_eq!(
        run_str(&["normalize", "--hamza", "uniform"], text),
        "سءال الءءمه عن ءادم وءءخر\n"
    );
    assert_eq!(
        run_str(&["normalize", "--hamza", "tasheel"], text),
        "سوال الايمه عن ادم واخر\n"
    );
    assert_same_for_chunk_sizes(
        &["normalize", "--hamza", "uniform"],
        &"آدم آجلا\nقرآن آخر ".repeat(3),
        1..=20,
    );
}

#[test]
fn digits_from_one_script() {
    let text = "سال ۱۴۰۳ و١٤٤٥ و2024، ۱۲٫۵٪ و١٢٫٥٪\n";
    assert_eq!(
        run_str(&["digits", "--to", "ascii", "--from", "persian"], text),
        "سال 1403 و١٤٤٥ و2024، 12.5% و١٢٫٥٪\n"
    );
    assert_eq!(
        run_str(&["digits", "--to", "arabic", "--from", "persian"], text),
        "سال ١٤٠٣ و١٤٤٥ و2024، ١٢٫٥٪ و١٢٫٥٪\n"
    );
    assert_eq!(
        run_str(&["digits", "--to", "persian", "--from", "ascii"], text),
        "سال ۱۴۰۳ و١٤٤٥ و۲۰۲۴، ۱۲٫۵٪ و١٢٫٥٪\n"
    );
    assert_eq!(
        run_str(&["digits", "--to", "ascii", "--from", "any"], text),
        run_str(&["digits", "--to", "ascii"], text)
    );
    assert_same_for_chunk_sizes(
        &["digits", "--to", "ascii", "--from", "persian"],
        &text.repeat(3),
        1..=16,
    );
}

#[test]
fn tokenize_split_digits_and_arabic_comma() {
    let text = "وصل world123 عام2021م، ثم عاد. وبعد\n";
    assert_eq!(
        run_str(&["tokenize", "--split-digits"], text),
        "وصل world 123 عام 2021 م ، ثم عاد . وبعد\n"
    );
    assert_eq!(
        run_str(&["tokenize"], text),
        "وصل world123 عام2021م ، ثم عاد . وبعد\n"
    );
    assert_eq!(
        run_str(&["tokenize", "--sentences", "--arabic-comma"], text),
        "وصل world123 عام2021م ،\nثم عاد .\nوبعد\n"
    );
    assert_eq!(
        run_str(&["tokenize", "--sentences"], text),
        "وصل world123 عام2021م ، ثم عاد .\nوبعد\n"
    );
    assert_same_for_chunk_sizes(
        &[
            "tokenize",
            "--sentences",
            "--arabic-comma",
            "--split-digits",
            "--format",
            "jsonl",
        ],
        &text.repeat(3),
        [1, 2, 3, 5, 8, 13, 21],
    );
}

#[test]
fn camel_preset_keeps_the_uncomposed_pair_as_camel_does() {
    // CAMeL's NFKC runs before its folds: ى + hamza above and ٱ + madda stay two code
    // points after the fold, and only a second run composes them.
    let text = "\u{0649}\u{0654} \u{0671}\u{0653}ب\n";
    let once = run_str(&["normalize", "--preset", "camel"], text);
    assert_eq!(once, "\u{064A}\u{0654} \u{0627}\u{0653}ب\n");
    assert_eq!(
        run_str(&["normalize", "--preset", "camel"], &once),
        "\u{0626} \u{0627}ب\n"
    );
    assert_same_for_chunk_sizes(&["normalize", "--preset", "camel"], &text.repeat(3), 1..=16);
}
