//! `nass analyze` end to end. Expected outputs are worked out by hand: byte offsets
//! count two bytes per Arabic letter, mark and digit; terms follow the rules of the
//! nass-analysis crate (light stemmer, stop words, Lucene's stemmer).

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::{assert_same_for_chunk_sizes, json_lines, nass, run_str};

/// وصلَ 0..8, الوزيرُ 9..23, إلى 24..30 (stop word), بغـداد 31..43, ، 43..45,
/// والتقى 46..58, بالمسؤولين 59..79, . 79..80.
const SENTENCE: &str = "وصلَ الوزيرُ إلى بغـداد، والتقى بالمسؤولين.";

fn records(args: &[&str], input: &str) -> Vec<(String, u64, u64, u64)> {
    json_lines(&run_str(args, input))
        .iter()
        .map(|r| {
            (
                r["term"].as_str().unwrap().to_string(),
                r["start"].as_u64().unwrap(),
                r["end"].as_u64().unwrap(),
                r["position"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn owned(v: &[(&str, u64, u64, u64)]) -> Vec<(String, u64, u64, u64)> {
    v.iter()
        .map(|&(t, s, e, p)| (t.to_string(), s, e, p))
        .collect()
}

#[test]
fn jsonl_search_analyzer() {
    assert_eq!(
        records(&["analyze", "--format", "jsonl"], SENTENCE),
        owned(&[
            ("وصل", 0, 8, 0),
            ("وزير", 9, 23, 1),
            ("بغداد", 31, 43, 3),
            ("تقي", 46, 58, 4),
            ("مسوول", 59, 79, 5),
        ])
    );
    // The record's fields, in order.
    let out = run_str(&["analyze", "--format", "jsonl"], "بغداد");
    assert_eq!(
        out,
        "{\"term\":\"بغداد\",\"start\":0,\"end\":10,\"position\":0}\n"
    );
}

#[test]
fn jsonl_lucene_analyzer() {
    // Ahmed 0..5, زار 6..12, ٣ 13..15, مدارس 16..26, عربية 27..37.
    assert_eq!(
        records(
            &["analyze", "--analyzer", "lucene", "--format", "jsonl"],
            "Ahmed زار ٣ مدارس عربية"
        ),
        owned(&[
            ("ahmed", 0, 5, 0),
            ("زار", 6, 12, 1),
            ("3", 13, 15, 2),
            ("مدارس", 16, 26, 3),
            ("عرب", 27, 37, 4),
        ])
    );
}

#[test]
fn text_keeps_lines_and_line_endings() {
    let input = format!("{SENTENCE}\r\n\nفي من\nالكتاب");
    // The third line holds only stop words: it stays, empty.
    assert_eq!(
        run_str(&["analyze"], &input),
        "وصل وزير بغداد تقي مسوول\r\n\n\nكتاب"
    );
    assert_eq!(run_str(&["analyze"], ""), "");
}

#[test]
fn stemmer_and_stop_word_options() {
    assert_eq!(
        run_str(&["analyze", "--stemmer", "none"], "إلى الكتاب\n"),
        "الكتاب\n"
    );
    assert_eq!(
        run_str(
            &["analyze", "--stemmer", "lucene", "--stopwords", "none"],
            "إلى لبنان\n"
        ),
        "ال لبن\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("stop.txt");
    std::fs::write(&list, "# mine\nبغداد\n").unwrap();
    let out = run_str(
        &[
            "analyze",
            "--format",
            "jsonl",
            "--stopwords",
            list.to_str().unwrap(),
        ],
        "في بغداد اليوم",
    );
    // في is not in this list; بغداد is, and leaves a gap.
    let got: Vec<(Value, Value)> = json_lines(&out)
        .iter()
        .map(|r| (r["term"].clone(), r["position"].clone()))
        .collect();
    assert_eq!(got, [("في".into(), 0.into()), ("يوم".into(), 2.into())]);
    nass()
        .args(["analyze", "--stopwords", "/no/such/list"])
        .write_stdin("x")
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(
            "nass: cannot open /no/such/list",
        ));
    nass()
        .args(["analyze", "--stemmer", "porter"])
        .assert()
        .code(2);
}

#[test]
fn tsv_has_a_header() {
    assert_eq!(
        run_str(&["analyze", "--format", "tsv"], "سافر الوفد"),
        "term\tstart\tend\tposition\nسافر\t0\t8\t0\nوفد\t9\t19\t1\n"
    );
}

fn varied_text() -> String {
    let para = "قال المتحدثُ باسم الحكومة إنَّ الوزراءَ اجتمعوا في بغـداد، ثم عادوا إلى لبنان.\r\n\
                زار Ahmed ٣ مدارس #العراق @nass 🇮🇶 https://example.com ومن هناك إلى الكتاب\n\n\
                مُحَمَّدٌ    يقرأ\u{00A0}الكتاب؛ ولكنه لم يكمله. ";
    para.repeat(3)
}

#[test]
fn offsets_slice_back_and_positions_increase() {
    let text = varied_text();
    let out = run_str(
        &["analyze", "--format", "jsonl", "--chunk-size", "9"],
        &text,
    );
    let recs = json_lines(&out);
    assert!(recs.len() > 50);
    let analyzer_alone = |word: &str| run_str(&["analyze"], word);
    let mut last: Option<u64> = None;
    for r in &recs {
        let (start, end) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
        let word = &text[start as usize..end as usize];
        assert!(
            !word.is_empty() && !word.contains(char::is_whitespace),
            "{r}"
        );
        let p = r["position"].as_u64().unwrap();
        assert!(last.is_none_or(|l| p > l), "{r}");
        last = Some(p);
        if start < 400 {
            // The word alone analyzes to the term.
            assert_eq!(analyzer_alone(word), r["term"].as_str().unwrap(), "{r}");
        }
    }
}

#[test]
fn chunk_size_never_changes_the_output() {
    let text = varied_text();
    for args in [
        &["analyze"][..],
        &["analyze", "--format", "jsonl"],
        &["analyze", "--format", "tsv", "--analyzer", "lucene"],
    ] {
        assert_same_for_chunk_sizes(args, &text, 1..=64);
    }
}

#[test]
fn positions_run_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("1.txt");
    let second = dir.path().join("2.txt");
    std::fs::write(&first, "بغداد في\n").unwrap(); // 16 bytes, positions 0 and 1 (stop)
    std::fs::write(&second, "لبنان").unwrap();
    let out = nass()
        .args(["analyze", "--format", "jsonl"])
        .arg(&first)
        .arg(&second)
        .output()
        .unwrap();
    assert!(out.status.success());
    let recs = json_lines(std::str::from_utf8(&out.stdout).unwrap());
    assert_eq!(recs.len(), 2);
    assert_eq!(
        (&recs[1]["term"], &recs[1]["start"], &recs[1]["position"]),
        (&"لبنان".into(), &16.into(), &2.into())
    );
}

#[test]
fn invalid_utf8_stops_with_its_offset_after_the_terms_before_it() {
    nass()
        .args(["analyze", "--format", "jsonl"])
        .write_stdin(&b"\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 \xFF \xd9\x84\xd8\xa7"[..])
        .assert()
        .failure()
        .stdout(predicate::str::contains("\"term\":\"كتاب\""))
        .stderr(predicate::str::starts_with(
            "nass: invalid UTF-8 at byte 9 of the input",
        ));
}

// A closed pipe: `closed_pipe_ends_quietly` in cli.rs runs `nass analyze` too.
