//! `nass tokenize` end to end. Expected outputs are worked out by hand; byte offsets
//! count two bytes per Arabic letter, mark and digit.

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::{assert_same_for_chunk_sizes, json_lines, nass, run_ok, run_str};

#[test]
fn text_keeps_one_line_per_input_line_and_its_line_ending() {
    let input = "قال المتحدثُ: \"نعم\"، الساعة ٣٫٥ مساءً.\r\n\nزار بغـداد 🇮🇶 #العراق";
    assert_eq!(
        run_str(&["tokenize"], input),
        "قال المتحدثُ : \" نعم \" ، الساعة ٣٫٥ مساءً .\r\n\nزار بغـداد 🇮🇶 #العراق"
    );
    assert_eq!(run_str(&["tokenize"], ""), "");
    assert_eq!(run_str(&["tokenize"], "\n  \n"), "\n\n");
}

#[test]
fn text_with_normalize_shows_the_normal_form_and_drops_empty_tokens() {
    // The tatweel dash is a token of its own that the search preset removes entirely.
    assert_eq!(
        run_str(
            &["tokenize", "--normalize", "search"],
            "العلاقات الأميركيّة ـ العراقيّة\n"
        ),
        "العلاقات الاميركيه العراقيه\n"
    );
}

#[test]
fn jsonl_offsets_run_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("1.txt");
    let second = dir.path().join("2.txt");
    std::fs::write(&first, "قال: نعم\n").unwrap(); // 15 bytes
    std::fs::write(&second, "٣٫٥ 🇮🇶").unwrap();
    let out = nass()
        .args(["tokenize", "--format", "jsonl", "--sentences"])
        .arg(&first)
        .arg(&second)
        .output()
        .unwrap();
    assert!(out.status.success());
    let records = json_lines(std::str::from_utf8(&out.stdout).unwrap());
    let want = [
        (0, 6, "قال", "arabic_word", 0),
        (6, 7, ":", "punctuation", 0),
        (8, 14, "نعم", "arabic_word", 0),
        (15, 21, "٣٫٥", "number", 1),
        (22, 30, "🇮🇶", "emoji", 1),
    ];
    assert_eq!(records.len(), want.len());
    for (r, (start, end, text, kind, sentence)) in records.iter().zip(want) {
        assert_eq!(r["start"], start, "{r}");
        assert_eq!(r["end"], end, "{r}");
        assert_eq!(r["text"], text, "{r}");
        assert_eq!(r["kind"], kind, "{r}");
        assert_eq!(r["sentence"], sentence, "{r}");
        assert!(r.get("norm").is_none(), "{r}");
    }
}

#[test]
fn jsonl_norm_is_the_normalized_token() {
    let out = run_str(
        &["tokenize", "--format", "jsonl", "--normalize", "search"],
        "إلى بغـداد",
    );
    let records = json_lines(&out);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["norm"], "الي");
    assert_eq!(records[1]["text"], "بغـداد");
    assert_eq!(records[1]["norm"], "بغداد");
    assert_eq!(
        (&records[1]["start"], &records[1]["end"]),
        (&7.into(), &19.into())
    );
}

#[test]
fn tsv_has_a_header_and_one_row_per_token() {
    assert_eq!(
        run_str(
            &["tokenize", "--format", "tsv", "--normalize", "search"],
            "أين؟ هنا\\"
        ),
        "start\tend\tkind\ttext\tnorm\n\
         0\t6\tarabic_word\tأين\tاين\n\
         6\t8\tpunctuation\t؟\t؟\n\
         9\t15\tarabic_word\tهنا\tهنا\n\
         15\t16\tpunctuation\t\\\\\t\\\\\n"
    );
}

/// Text with every token kind, several sentences, CRLF and long runs, for the chunking tests.
fn varied_text() -> String {
    let para = "قال د. أحمد: \"نعم\"، ارتفع السعر ٢٬٥٠٠ دينار (3.5%) في 5/ 6/ 2021!\r\n\
                هل زرت https://example.com/ar?id=7 أو كتبت إلى info@example.com؟ \
                #العراق @nass_team 👨\u{200D}👩\u{200D}👧 بـ\"تقييم\" الأميركية ـ العراقية.\n\n\
                مُحَمَّدٌ    يقرأ\u{00A0}الكتاب؛ ثم ينام. ";
    para.repeat(3)
}

#[test]
fn chunk_size_never_changes_the_output() {
    let text = varied_text();
    for args in [
        &["tokenize"][..],
        &["tokenize", "--format", "jsonl", "--normalize", "search"],
        &["tokenize", "--format", "tsv", "--sentences"],
        &["tokenize", "--sentences", "--normalize", "camel"],
    ] {
        assert_same_for_chunk_sizes(args, &text, [1, 2, 3, 5, 7, 16, 33, 100, 257]);
    }
}

#[test]
fn every_span_slices_the_input_to_its_text() {
    let text = varied_text();
    let out = run_str(
        &["tokenize", "--format", "jsonl", "--chunk-size", "9"],
        &text,
    );
    let records = json_lines(&out);
    assert!(records.len() > 100);
    let mut last_end = 0;
    for r in &records {
        let (start, end) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
        assert!(start >= last_end && end > start, "{r}");
        assert_eq!(
            &text[start as usize..end as usize],
            r["text"].as_str().unwrap()
        );
        last_end = end;
    }
    // Everything between tokens is whitespace.
    let covered: usize = records
        .iter()
        .map(|r| r["text"].as_str().unwrap().len())
        .sum();
    let spaces: usize = text
        .chars()
        .filter(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    assert_eq!(covered + spaces, text.len());
}

#[test]
fn sentences_in_a_line_longer_than_the_wait_limit() {
    // 1.5 MiB without a line break: the stream is cut between sentences, so numbering
    // matches one pass over the whole text.
    let sentence = "ذهب الولد إلى المدرسة صباحا. ";
    let text = sentence.repeat((3 << 19) / sentence.len() + 1);
    let out = run_str(&["tokenize", "--sentences"], &text);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), text.matches(". ").count());
    assert!(lines.iter().all(|l| *l == "ذهب الولد إلى المدرسة صباحا ."));
}

#[test]
fn invalid_utf8_stops_with_its_offset_after_the_tokens_before_it() {
    nass()
        .args(["tokenize", "--format", "jsonl"])
        .write_stdin(&b"\xd9\x86\xd8\xb9\xd9\x85 \xFF \xd9\x84\xd8\xa7"[..])
        .assert()
        .failure()
        .stdout(predicate::str::contains("\"text\":\"نعم\""))
        .stderr(predicate::str::starts_with(
            "nass: invalid UTF-8 at byte 7 of the input",
        ));
}

#[test]
fn lossy_gives_the_replacement_the_span_of_the_bad_bytes() {
    let out = run_ok(
        &["tokenize", "--format", "jsonl", "--lossy"],
        b"\xd9\x86\xd8\xb9\xd9\x85 \xFF\xFE \xd9\x84\xd8\xa7",
    );
    let records = json_lines(std::str::from_utf8(&out).unwrap());
    let spans: Vec<(Value, Value, Value)> = records
        .iter()
        .map(|r| (r["start"].clone(), r["end"].clone(), r["text"].clone()))
        .collect();
    assert_eq!(
        spans,
        [
            (0.into(), 6.into(), "نعم".into()),
            (7.into(), 8.into(), "\u{FFFD}".into()),
            (8.into(), 9.into(), "\u{FFFD}".into()),
            (10.into(), 14.into(), "لا".into()),
        ]
    );
}

#[test]
fn help_names_the_formats() {
    let help = run_str(&["tokenize", "--help"], "");
    for word in [
        "text",
        "tsv",
        "jsonl",
        "--normalize",
        "--sentences",
        "search",
    ] {
        assert!(help.contains(word), "--help lacks {word}:\n{help}");
    }
}
