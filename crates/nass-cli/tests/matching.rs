//! `nass match` end to end. Offsets worked out by hand: two bytes per Arabic letter.

use predicates::prelude::*;

mod common;
use common::{json_lines, nass, run_ok, run_str};

const TEXT: &str = "زار الوفد ببغداد ثم وللعراق علاقات مع الأمم\nالمتحدة.";

#[test]
fn default_gazetteer_through_clitics_and_a_line_break() {
    let records = json_lines(&run_str(&["match"], TEXT));
    let got: Vec<(u64, u64, u64, &str, &str, &str, &str)> = records
        .iter()
        .map(|r| {
            (
                r["start"].as_u64().unwrap(),
                r["end"].as_u64().unwrap(),
                r["name_start"].as_u64().unwrap(),
                r["text"].as_str().unwrap(),
                r["name"].as_str().unwrap(),
                r["type"].as_str().unwrap(),
                r["clitics"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (18, 30, 20, "ببغداد", "بغداد", "capital", "ب"),
            (36, 50, 40, "وللعراق", "العراق", "country", "ول"),
            (
                69,
                94,
                69,
                "الأمم\nالمتحدة",
                "الأمم المتحدة",
                "organization",
                ""
            ),
        ]
    );
}

#[test]
fn text_format_brackets_each_match() {
    assert_eq!(
        run_str(&["match", "--format", "text"], TEXT),
        "زار الوفد [ببغداد] ثم [وللعراق] علاقات مع [الأمم\nالمتحدة]."
    );
}

#[test]
fn a_user_gazetteer_adds_to_or_replaces_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("places.tsv");
    // A made-up village, so that the default list cannot have it.
    std::fs::write(&tsv, "# قرى\nتل الوردات\tvillage\tتل الوردات|تل الوردة\n").unwrap();
    let tsv = tsv.to_str().unwrap();
    let text = "من تل الوردة إلى بغداد";
    let names = |args: &[&str]| -> Vec<String> {
        json_lines(&run_str(args, text))
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        names(&["match", "--gazetteer", tsv]),
        ["تل الوردات", "بغداد"]
    );
    assert_eq!(
        names(&["match", "--gazetteer", tsv, "--no-default"]),
        ["تل الوردات"]
    );
    let jsonl = dir.path().join("people.jsonl");
    std::fs::write(
        &jsonl,
        "{\"name\":\"بغداد\",\"type\":\"capital\",\"variants\":[\"بغداد\"]}\n",
    )
    .unwrap();
    assert_eq!(
        names(&[
            "match",
            "--no-default",
            "--gazetteer",
            jsonl.to_str().unwrap()
        ]),
        ["بغداد"]
    );
}

#[test]
fn payloads_are_written_as_given() {
    // Payloads of every JSON kind (nested, floats, escapes, non-ASCII), written back
    // exactly as serde_json writes the value read; an entry without one has no field.
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("places.jsonl");
    let payloads = [
        r#"{"id": 7, "pop": 8.5e6, "alt": [1, -2.25, null, true], "ar": "دجلة \"النهر\"\n"}"#,
        r#""سلسلة""#,
        "0.1",
    ];
    let lines = [
        format!(
            r#"{{"name":"بغداد","type":"capital","payload":{}}}"#,
            payloads[0]
        ),
        format!(
            r#"{{"name":"البصرة","type":"city","payload":{}}}"#,
            payloads[1]
        ),
        format!(
            r#"{{"name":"الموصل","type":"city","payload":{}}}"#,
            payloads[2]
        ),
        r#"{"name":"كركوك","type":"city"}"#.to_string(),
    ];
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    let out = String::from_utf8(
        nass()
            .args(["match", "--no-default", "--gazetteer"])
            .arg(&jsonl)
            .write_stdin("من بغداد إلى البصرة والموصل وكركوك")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got.len(), 4, "{out}");
    for (line, payload) in got.iter().zip(payloads) {
        let want: serde_json::Value = serde_json::from_str(payload).unwrap();
        assert!(
            line.ends_with(&format!(
                ",\"payload\":{}}}",
                serde_json::to_string(&want).unwrap()
            )),
            "{line}"
        );
    }
    assert!(!got[3].contains("payload"), "{}", got[3]);
}

#[test]
fn a_malformed_gazetteer_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("bad.tsv");
    std::fs::write(&tsv, "بغداد\tcapital\n\u{064E}\tcity\n").unwrap();
    nass()
        .args(["match", "--gazetteer"])
        .arg(&tsv)
        .write_stdin("نص")
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.tsv:2"));
}

#[test]
fn a_name_longer_than_the_bound_is_an_error_naming_file_and_line() {
    // A name of 20 000 words made every word start of a text of those words walk 20 000
    // words; names have at most 64 words (MAX_NAME_WORDS), so matching stays linear.
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("long.tsv");
    let long = vec!["سلام"; 20_000].join(" ");
    let fits = vec!["سلام"; 64].join(" ");
    std::fs::write(&tsv, format!("{fits}\tphrase\n{long}\tphrase\n")).unwrap();
    nass()
        .args(["match", "--no-default", "--gazetteer"])
        .arg(&tsv)
        .write_stdin("سلام")
        .assert()
        .failure()
        .stderr(predicate::str::contains("long.tsv:2"))
        .stderr(predicate::str::contains("at most 64 words"));
    // 64 words are accepted, and found whole.
    std::fs::write(&tsv, format!("{fits}\tphrase\n")).unwrap();
    let text = format!("قال {fits} ثم مضى");
    let out = nass()
        .args(["match", "--no-default", "--format", "text", "--gazetteer"])
        .arg(&tsv)
        .write_stdin(text)
        .assert()
        .success();
    let got = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(got, format!("قال [{fits}] ثم مضى"));
}

#[test]
fn adjectives_only_when_asked() {
    let text = "الحكومة العراقية";
    assert_eq!(run_str(&["match"], text), "");
    let records = json_lines(&run_str(&["match", "--adjectives"], text));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["kind"], "adjective");
    assert_eq!(records[0]["name"], "العراق");
    assert_eq!(records[0]["text"], "العراقية");
}

#[test]
fn chunk_size_never_loses_a_name() {
    let text = format!("{TEXT} وفي القاهرة والرياض وللأمم المتحدة\n").repeat(5);
    let whole = run_ok(&["match", "--format", "tsv"], text.as_bytes());
    for chunk in [1, 2, 7, 19, 64, 333] {
        let chunk = chunk.to_string();
        assert_eq!(
            String::from_utf8(run_ok(
                &["match", "--format", "tsv", "--chunk-size", &chunk],
                text.as_bytes()
            ))
            .unwrap(),
            String::from_utf8(whole.clone()).unwrap(),
            "chunk size {chunk}"
        );
    }
}

#[test]
fn entries_that_share_a_name_are_bracketed_once_and_each_recorded() {
    // The default list has تونس as a country and as its capital.
    assert_eq!(
        run_str(&["match", "--format", "text"], "زرت تونس\n"),
        "زرت [تونس]\n"
    );
    // Two entries of a user list with the same name, the second after a clitic.
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("units.tsv");
    std::fs::write(&tsv, "الجيش العراقي\tunit\nالجيش العراقي\tarmy\n").unwrap();
    let tsv = tsv.to_str().unwrap();
    let text = "قال الجيش العراقي وللجيش العراقي رأي";
    assert_eq!(
        run_str(
            &[
                "match",
                "--no-default",
                "--gazetteer",
                tsv,
                "--format",
                "text"
            ],
            text
        ),
        "قال [الجيش العراقي] [وللجيش العراقي] رأي"
    );
    let records = json_lines(&run_str(
        &["match", "--no-default", "--gazetteer", tsv],
        text,
    ));
    let got: Vec<(u64, &str)> = records
        .iter()
        .map(|r| (r["start"].as_u64().unwrap(), r["type"].as_str().unwrap()))
        .collect();
    // قال + space: 7 bytes; الجيش العراقي: 25 bytes, then a space.
    assert_eq!(got, [(7, "unit"), (7, "army"), (33, "unit"), (33, "army")]);
}

mod text_format {
    use super::common::run_ok;
    use proptest::prelude::*;

    /// Names over a few letters (clitic letters, the article, a space), so that many
    /// names overlap, share normal forms (أ and ا, ة and ه) or are clitic + another name.
    fn name() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec!["ب", "ل", "و", "ال", "ا", "أ", "ة", "ه", "م", " "]),
            1..6,
        )
        .prop_map(|v| v.concat())
        .prop_filter("a name with a letter", |n| !n.trim().is_empty())
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "ب", "ل", "و", "ال", "ا", "أ", "ة", "ه", "م", " ", "\n", "،", "\u{064E}", "ـ",
                "\u{0654}", "x",
            ]),
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        /// With any gazetteer, the text format writes the input back whole, with balanced
        /// brackets that never nest.
        #[test]
        fn brackets_removed_give_the_input(
            names in proptest::collection::vec((name(), prop::sample::select(vec!["a", "b"])), 1..30),
            text in text(),
            chunk in prop::sample::select(vec!["131072", "3", "16"]),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let tsv = dir.path().join("g.tsv");
            let lines: String = names.iter().map(|(n, k)| format!("{n}\t{k}\n")).collect();
            std::fs::write(&tsv, lines).unwrap();
            let out = run_ok(
                &["match", "--no-default", "--format", "text", "--chunk-size", chunk,
                  "--gazetteer", tsv.to_str().unwrap()],
                text.as_bytes(),
            );
            let out = String::from_utf8(out).unwrap();
            let mut depth = 0;
            for c in out.chars() {
                match c {
                    '[' => depth += 1,
                    ']' => depth -= 1,
                    _ => {}
                }
                prop_assert!(depth == 0 || depth == 1, "{:?}", out);
            }
            prop_assert_eq!(depth, 0, "{:?}", out);
            prop_assert_eq!(out.replace(['[', ']'], ""), text);
        }
    }
}

#[test]
fn a_stray_mark_at_a_word_start_belongs_to_the_word() {
    // "في " is 5 bytes; U+0654 and U+0301 two bytes each, each letter two.
    let records = json_lines(&run_str(&["match"], "في \u{0654}بغداد\n"));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["start"], 5);
    assert_eq!(records[0]["text"], "\u{0654}بغداد");
    assert_eq!(records[0]["clitics"], "");
    let records = json_lines(&run_str(&["match"], "في \u{0301}بغداد\n"));
    assert_eq!(
        (
            &records[0]["start"],
            &records[0]["name_start"],
            &records[0]["clitics"]
        ),
        (&5.into(), &5.into(), &"".into())
    );
}

#[test]
fn long_runs_without_whitespace_lose_no_name() {
    // Runs of digits, letters and marks far longer than any name, between names: cut
    // inside the runs, the output is the same whatever the chunk size.
    let text = format!(
        "في بغداد {}، وبغداد {}\nالقاهرة{}",
        "٣".repeat(5000),
        "بـ".repeat(3000),
        "\u{200D}".repeat(2000)
    );
    let whole = run_ok(&["match", "--format", "tsv"], text.as_bytes());
    let whole = String::from_utf8(whole).unwrap();
    // The header, then بغداد, وبغداد, القاهرة (the joiners after it are marks of its
    // last letter).
    let names: Vec<&str> = whole
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap())
        .collect();
    assert_eq!(names.len(), 4);
    assert_eq!(&names[..3], ["text", "بغداد", "وبغداد"]);
    assert!(names[3].starts_with("القاهرة\u{200D}"));
    for chunk in ["64", "1000", "4096"] {
        let out = run_ok(
            &["match", "--format", "tsv", "--chunk-size", chunk],
            text.as_bytes(),
        );
        assert_eq!(String::from_utf8(out).unwrap(), whole, "chunk size {chunk}");
    }
}
