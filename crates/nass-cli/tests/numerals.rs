//! `nass digits` and `nass numbers` end to end. Expected outputs worked out by hand; byte
//! offsets count two bytes per Arabic letter and Arabic-Indic digit.

use predicates::prelude::*;

mod common;
use common::{json_lines, nass, run_ok, run_str};

#[test]
fn digits_to_ascii_with_separators() {
    assert_eq!(
        run_str(
            &["digits", "--to", "ascii"],
            "سعر ١٢٫٥٪ من ٢٬٥٠٠ و۳۴ و٢0٢4، وفي ١٫ لا\r\n"
        ),
        // ٫ after ١ but before a space is no decimal separator: it stays.
        "سعر 12.5% من 2,500 و34 و2024، وفي 1٫ لا\r\n"
    );
}

#[test]
fn digits_to_arabic_and_persian() {
    let text = "بلغ 12.5% من 2,500. عام 2024\n";
    assert_eq!(
        run_str(&["digits", "--to", "arabic"], text),
        "بلغ ١٢٫٥٪ من ٢٬٥٠٠. عام ٢٠٢٤\n"
    );
    assert_eq!(
        run_str(&["digits", "--to", "persian"], text),
        "بلغ ۱۲٫۵٪ من ۲٬۵۰۰. عام ۲۰۲۴\n"
    );
    // Round trip back to ASCII.
    let arabic = run_str(&["digits", "--to", "arabic"], text);
    assert_eq!(run_str(&["digits", "--to", "ascii"], &arabic), text);
}

#[test]
fn digits_all_decimal_digits() {
    assert_eq!(
        run_str(&["digits", "--to", "ascii", "--all-digits"], "३ ৩ ٣"),
        "3 3 3"
    );
    assert_eq!(run_str(&["digits", "--to", "ascii"], "३ ৩ ٣"), "३ ৩ 3");
}

#[test]
fn digits_chunk_size_never_changes_the_output() {
    let text = "١٫٥ و٢٬٥٠٠٫٧٥ و3.5% ١\n٫٢ ".repeat(3);
    for to in ["ascii", "arabic"] {
        let whole = run_ok(&["digits", "--to", to], text.as_bytes());
        for chunk in 1..=12 {
            let chunk = chunk.to_string();
            assert_eq!(
                run_ok(
                    &["digits", "--to", to, "--chunk-size", &chunk],
                    text.as_bytes()
                ),
                whole,
                "--to {to} with chunk size {chunk}"
            );
        }
    }
}

#[test]
fn digits_reports_invalid_utf8() {
    nass()
        .args(["digits", "--to", "ascii"])
        .write_stdin(&b"\xd9\xa1\xd9\xa2 \xC0"[..])
        .assert()
        .failure()
        .stdout("12 ")
        .stderr(predicate::str::starts_with(
            "nass: invalid UTF-8 at byte 5 of the input",
        ));
}

#[test]
fn normalize_search_folds_digits_and_digits_flag_overrides() {
    let text = "في ١٢٫٥٪ من الحالات\n";
    assert_eq!(run_str(&["normalize"], text), "في 12.5% من الحالات\n");
    assert_eq!(
        run_str(&["normalize", "--digits", "none"], text),
        "في ١٢٫٥٪ من الحالات\n"
    );
    assert_eq!(
        run_str(
            &["normalize", "--preset", "display", "--digits", "persian"],
            text
        ),
        "في ۱۲٫۵٪ من الحالات\n"
    );
}

#[test]
fn numbers_jsonl_values_and_offsets() {
    let out = run_str(&["numbers"], "بلغ السعر ٢٬٥٠٠ دينار، أي 3.5% من 7-8 آلاف.\n");
    let got: Vec<(u64, u64, String, String, String)> = json_lines(&out)
        .iter()
        .map(|r| {
            (
                r["start"].as_u64().unwrap(),
                r["end"].as_u64().unwrap(),
                r["text"].as_str().unwrap().to_string(),
                r["value"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        (18, 28, "٢٬٥٠٠", "2500"),
        (47, 50, "3.5", "3.5"),
        (57, 58, "7", "7"),
        (59, 60, "8", "8"),
    ];
    assert_eq!(got.len(), want.len(), "{out}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!(
            (g.0, g.1, g.2.as_str(), g.3.as_str(), g.4.as_str()),
            (w.0, w.1, w.2, w.3, "digits")
        );
    }
}

#[test]
fn numbers_with_words() {
    let text = "اشترى ثلاثة آلاف وخمسمائة كتاب وبخمسة دنانير.";
    let out = run_str(&["numbers", "--words", "--format", "tsv"], text);
    assert_eq!(
        out,
        "start\tend\tkind\ttext\tvalue\n\
         11\t47\twords\tثلاثة آلاف وخمسمائة\t3500\n\
         57\t69\twords\tوبخمسة\t5\n"
    );
    // Without --words, none of it is a number.
    assert_eq!(run_str(&["numbers"], text), "");
    // A numeral inside a phrase is reported once, as the phrase.
    let out = run_str(
        &["numbers", "--words", "--format", "text"],
        "نحو 3 آلاف أو 2.5 مليون",
    );
    assert_eq!(out, "3000\n2500000\n");
}

#[test]
fn numbers_offsets_run_across_files_and_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("1.txt");
    std::fs::write(&first, "عام ٢٠٢٤\n").unwrap(); // 16 bytes
    let second = dir.path().join("2.txt");
    std::fs::write(&second, "رقم 42").unwrap();
    for chunk in ["1", "3", "65536"] {
        let out = nass()
            .args(["numbers", "--format", "tsv", "--chunk-size", chunk])
            .arg(&first)
            .arg(&second)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            "start\tend\tkind\ttext\tvalue\n\
             7\t15\tdigits\t٢٠٢٤\t2024\n\
             23\t25\tdigits\t42\t42\n",
            "chunk size {chunk}"
        );
    }
}

#[test]
fn numbers_never_span_a_line_break() {
    let words = ["numbers", "--words", "--format", "text"];
    // On one line ثلاثة آلاف is 3000 and أربعة عشر 14; across a line break of any kind
    // they are 3 (آلاف alone is no number) and 4 and 10.
    assert_eq!(run_str(&words, "ثلاثة آلاف\n"), "3000\n");
    assert_eq!(run_str(&words, "أربعة\nعشرة\n"), "4\n10\n");
    assert_eq!(run_str(&words, "ثلاثة\nآلاف\n"), "3\n");
    assert_eq!(run_str(&words, "ثلاثة\r\nآلاف\r\n"), "3\n");
    assert_eq!(
        run_str(
            &words,
            "ثلاثة\u{2028}آلاف\u{2029}أربعة\u{85}عشر\u{0B}خمسة\u{0C}ستة\rسبعة\n"
        ),
        "3\n4\n10\n5\n6\n7\n"
    );
}

#[test]
fn numbers_in_every_script_of_digits() {
    let out = run_str(&["numbers", "--format", "tsv"], "a १२ b ১২\n");
    assert_eq!(
        out,
        "start\tend\tkind\ttext\tvalue\n\
         2\t8\tdigits\t१२\t12\n\
         11\t17\tdigits\t১২\t12\n"
    );
    // One script per number, where ASCII, Arabic-Indic and Persian count as one.
    assert_eq!(
        run_str(&["numbers", "--format", "text"], "१२3 و٢0٢4 و۱۴٢٣ ５-६\n"),
        "12\n3\n2024\n1423\n5\n6\n"
    );
}

/// Inputs whose numbers a cut in the wrong place would change: line breaks of every
/// kind, CRLF, signs at a line start, stray marks at a word start, digits of several
/// scripts, a last line without a line break.
const CHUNKED: &[(&str, &str, &str)] = &[
    // (input, numbers, numbers with --words), checked by hand
    ("أربعة\nعشرة\n", "", "4\n10\n"),
    ("ثلاثة\nآلاف", "", "3\n"),
    (
        "وصل ثلاثة آلاف\r\nوخمسمائة زائر\r\n٢٬٥٠٠ و-٣\r\n7\r\n-8\r\n",
        "2500\n3\n7\n-8\n",
        "3000\n500\n2500\n3\n7\n-8\n",
    ),
    // A stray mark belongs to the word it starts and is transparent to the lookup (one
    // rule for every finder: U+0301 is a mark as U+0654 is), so ́آلاف is آلاف.
    (
        "\u{0654}ثلاثة \u{0301}آلاف\n\u{0654}وخمسة \u{0301}٣ آلاف\n\u{0301}\u{0654}عشرون\n",
        "3\n",
        "3000\n5\n3000\n20\n",
    ),
    (
        "a १२ b ১২\n-५ و٢0٢4\n१२3\r\n",
        "12\n12\n-5\n2024\n12\n3\n",
        "12\n12\n-5\n2024\n12\n3\n",
    ),
    (
        "ثلاثة\u{2028}آلاف\u{2029}أربعة\u{85}عشر\u{0B}خمسة\u{0C}ستة\rسبعة 7\n-8",
        "7\n-8\n",
        "3\n4\n10\n5\n6\n7\n7\n-8\n",
    ),
];

/// `nass numbers` with `flags` and then `rest`.
fn numbers_args<'a>(flags: &[&'a str], rest: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["numbers"];
    v.extend_from_slice(flags);
    v.extend_from_slice(rest);
    v
}

#[test]
fn numbers_are_the_same_whatever_the_chunk_size() {
    for &(input, digits, words) in CHUNKED {
        for (flags, expected) in [(&[][..], digits), (&["--words"][..], words)] {
            assert_eq!(
                run_str(&numbers_args(flags, &["--format", "text"]), input),
                expected,
                "{input:?} {flags:?}"
            );
            let whole =
                String::from_utf8(run_ok(&numbers_args(flags, &[]), input.as_bytes())).unwrap();
            for chunk in 1..=64 {
                let chunk = chunk.to_string();
                let args = numbers_args(flags, &["--chunk-size", &chunk]);
                assert_eq!(
                    String::from_utf8(run_ok(&args, input.as_bytes())).unwrap(),
                    whole,
                    "{input:?} {flags:?} with chunk size {chunk}"
                );
            }
        }
    }
}

#[test]
fn numbers_in_a_line_longer_than_a_mebibyte() {
    // No line break for 1.2 MB: the stream must cut inside the line, and only before a
    // word that is no part of a number (كتاب, not آلاف, not -8 after 7).
    let unit = "ثلاثة آلاف كتاب 7 -8 ";
    let reps = (1_200_000 / unit.len()) + 1;
    let input = unit.repeat(reps);
    let expected = "3000\n7\n8\n".repeat(reps);
    for chunk in ["65521", "131072"] {
        let out = run_ok(
            &[
                "numbers",
                "--words",
                "--format",
                "text",
                "--chunk-size",
                chunk,
            ],
            input.as_bytes(),
        );
        assert!(
            String::from_utf8(out).unwrap() == expected,
            "chunk size {chunk}"
        );
    }
}

/// A fraction before a scale word is its exact part (issue 14: نصف مليون was 1000000);
/// one with no exact decimal value is no number at all. Offsets by hand: باع and a space
/// are 7 bytes, نصف مليون 17; then سهم و (8 bytes with the spaces) and مليون وثلث.
#[test]
fn numbers_words_read_fractions_exactly() {
    assert_eq!(
        run_str(
            &["numbers", "--words", "--format", "tsv"],
            "باع نصف مليون سهم ومليون وثلث برميل\n"
        ),
        "start\tend\tkind\ttext\tvalue\n7\t24\twords\tنصف مليون\t500000\n"
    );
}

#[test]
fn numbers_to_words_line_for_line() {
    // Integers, a negative decimal, Arabic-Indic and Persian digits, CRLF kept, a last
    // line without its line break.
    let out = run_str(
        &["numbers", "--to-words"],
        "12\n-3.25\n٣٫٧٥\r\n۲۰۲۴\n0.05\n  1000000 \n3.1416",
    );
    assert_eq!(
        out,
        "اثنا عشر\n\
         سالب ثلاثة فاصلة خمسة وعشرون\n\
         ثلاثة فاصلة خمسة وسبعون\r\n\
         ألفان وأربعة وعشرون\n\
         صفر فاصلة صفر خمسة\n\
         مليون\n\
         ثلاثة فاصلة واحد أربعة واحد ستة\n"
    );
    // Gender and case.
    assert_eq!(
        run_str(
            &[
                "numbers",
                "--to-words",
                "--gender",
                "feminine",
                "--case",
                "genitive"
            ],
            "21\n-2\n"
        ),
        "إحدى وعشرين\nسالب اثنتين\n"
    );
    // And back: --words reads each line to its number.
    let out = run_str(&["numbers", "--words", "--format", "text"], &out);
    assert_eq!(out, "12\n-3.25\n3.75\n2024\n0.05\n1000000\n3.1416\n");
}

#[test]
fn numbers_to_words_stops_at_a_line_that_is_no_number() {
    // The lines before it are written; the message names the line and the input byte.
    nass()
        .args(["numbers", "--to-words"])
        .write_stdin("5\n 1.2x\n7\n")
        .assert()
        .failure()
        .code(1)
        .stdout("خمسة\n")
        .stderr("nass: line 2: not a number at byte 6 of the input: \"1.2x\"\n");
    nass()
        .args(["numbers", "--to-words"])
        .write_stdin("5\n\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "line 2: not a number at byte 2 of the input: empty line",
        ));
    nass()
        .args(["numbers", "--to-words"])
        .write_stdin("ثلاثة\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("line 1: not a number at byte 0"));
    let too_large = "99999999999999999999\n";
    nass()
        .args(["numbers", "--to-words"])
        .write_stdin(too_large)
        .assert()
        .failure()
        .stderr(predicate::str::contains("too large to spell out"));
    // --gender without --to-words is a usage error.
    nass()
        .args(["numbers", "--gender", "feminine"])
        .write_stdin("")
        .assert()
        .code(2);
}

#[test]
fn numbers_words_ordinals_negatives_and_decimals() {
    let text = "فاز للمرة الثالثة، وسجل سالب خمسة فاصلة خمسة في الدورة الخامسة والعشرين.";
    let out = run_str(&["numbers", "--words", "--format", "tsv"], text);
    assert_eq!(
        out,
        "start\tend\tkind\ttext\tvalue\n\
         18\t32\tordinal\tالثالثة\t3\n\
         44\t81\twords\tسالب خمسة فاصلة خمسة\t-5.5\n\
         100\t131\tordinal\tالخامسة والعشرين\t25\n"
    );
}

#[test]
fn numbers_colloquial_words_only_with_the_flag() {
    let text = "دفعت ميتين وخمستاشر جنيه ونص القرار واضح\n";
    // Off by default: ميتين, خمستاشر and نص are no numbers.
    assert_eq!(
        run_str(&["numbers", "--words", "--format", "text"], text),
        ""
    );
    assert_eq!(
        run_str(&["numbers", "--colloquial", "--format", "text"], text),
        "215\n"
    );
}
