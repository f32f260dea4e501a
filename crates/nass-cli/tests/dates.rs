//! `nass dates` end to end. Offsets worked out by hand (two bytes per Arabic letter);
//! 11 February 2024 was a Sunday (الأحد) and 1 Sha'ban 1445 in the Umm al-Qura calendar.

use predicates::prelude::*;

mod common;
use common::{json_lines, nass, run_ok, run_str};

const TEXT: &str =
    "وصل الوفد يوم الأحد 11 فبراير/شباط 2024 الموافق 1 شعبان 1445هـ، ثم عاد في 25 يناير الماضي.";

#[test]
fn records_with_values_weekday_link_and_relative_words() {
    let records = json_lines(&run_str(&["dates"], TEXT));
    assert_eq!(records.len(), 3, "{records:?}");
    let (a, b, c) = (&records[0], &records[1], &records[2]);
    assert_eq!((&a["start"], &a["end"]), (&25.into(), &65.into()));
    assert_eq!(a["text"], "الأحد 11 فبراير/شباط 2024");
    assert_eq!(a["kind"], "date");
    assert_eq!(a["calendar"], "gregorian");
    assert_eq!(a["value"], "2024-02-11");
    assert_eq!(a["weekday"], 7);
    assert!(a.get("weekday_conflict").is_none());
    assert_eq!(
        (&a["linked_start"], &a["linked_end"]),
        (&81.into(), &102.into())
    );
    assert_eq!((&b["start"], &b["end"]), (&81.into(), &102.into()));
    assert_eq!(b["calendar"], "hijri");
    assert_eq!(b["value"], "1445-08-01");
    assert_eq!(b["gregorian"], "2024-02-11");
    assert_eq!((&c["start"], &c["end"]), (&122.into(), &148.into()));
    assert_eq!(c["kind"], "day-month");
    assert_eq!(c["value"], "--01-25");
    assert_eq!(c["relative"], "past");
    assert!(c.get("resolved").is_none());
}

#[test]
fn an_anchor_resolves_partial_dates() {
    let records = json_lines(&run_str(&["dates", "--anchor", "2024-02-11"], TEXT));
    assert_eq!(records[2]["resolved"], "2024-01-25");
    nass()
        .args(["dates", "--anchor", "2024-02-30"])
        .write_stdin(TEXT)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--anchor"));
}

#[test]
fn an_anchor_never_resolves_to_a_day_that_does_not_exist() {
    let resolve = |anchor: &str, text: &str| {
        let records = json_lines(&run_str(&["dates", "--anchor", anchor], text));
        assert_eq!(records.len(), 1, "{records:?}");
        records[0].clone()
    };
    // 2023 has no 29 February: the one before 1 June 2023 was in 2020, the next in 2024.
    let r = resolve("2023-06-01", "في 29 فبراير");
    assert!(r.get("resolved").is_none(), "{r}");
    assert_eq!(
        r["unresolved"],
        "invalid Gregorian date 2023-02-29: February 2023 has 28 days"
    );
    assert_eq!(
        resolve("2023-06-01", "في 29 فبراير الماضي")["resolved"],
        "2020-02-29"
    );
    assert_eq!(
        resolve("2023-06-01", "في 29 فبراير المقبل")["resolved"],
        "2024-02-29"
    );
    // 1924-08-01 is 1 Muharram 1343; Ramadan 1343 has 28 days in the Umm al-Qura table.
    let r = resolve("1924-08-01", "في 30 رمضان");
    assert!(r.get("resolved").is_none(), "{r}");
    assert!(
        r["unresolved"].as_str().unwrap().contains("has 28 days"),
        "{r}"
    );
    // No year 0 and no year 10000.
    for (anchor, text) in [
        ("0001-01-01", "في 25 يناير الماضي"),
        ("9999-12-31", "في 5 يناير المقبل"),
    ] {
        let r = resolve(anchor, text);
        assert!(r.get("resolved").is_none(), "{r}");
        assert!(r["unresolved"].as_str().unwrap().contains("outside"), "{r}");
    }
}

#[test]
fn a_contradicting_weekday_is_flagged() {
    let records = json_lines(&run_str(&["dates"], "يوم السبت 11 فبراير 2024"));
    assert_eq!(records[0]["weekday_conflict"], true);
}

#[test]
fn chunk_size_never_changes_the_output() {
    let text = format!("{TEXT}\n").repeat(4);
    let whole = run_ok(&["dates", "--format", "tsv"], text.as_bytes());
    assert_eq!(String::from_utf8_lossy(&whole).lines().count(), 1 + 4 * 3);
    for chunk in ["1", "5", "64", "300"] {
        assert_eq!(
            run_ok(
                &["dates", "--format", "tsv", "--chunk-size", chunk],
                text.as_bytes()
            ),
            whole,
            "chunk size {chunk}"
        );
    }
}

#[test]
fn stray_marks_start_their_word_whatever_the_chunk_size() {
    // U+0653..U+0655 and U+0301 with no base letter, after a space or a line break.
    let text = "أ\n\u{0654} 11 فبراير 2024\nوصل يوم \u{0654}11 فبراير 2024\n\
                في \u{0654}فبراير 2024\n\u{0655}الأحد 11 فبراير 2024\n\
                \u{0653}الأحد 11 فبراير 2024\nفي \u{0301}11 \u{0301}فبراير 2024\n";
    let whole = run_str(&["dates"], text);
    let records = json_lines(&whole);
    let starts: Vec<u64> = records
        .iter()
        .map(|r| r["start"].as_u64().unwrap())
        .collect();
    // Lines start at 0, 3, 27, 64, 89, 123, 157 (two bytes per letter and mark); a stray
    // mark starts the date (41, 69, 89, 123, 162) unless a space follows it (6).
    assert_eq!(
        (records.len(), &starts[..]),
        (6, &[6, 41, 69, 89, 123, 162][..]),
        "{whole}"
    );
    for r in &records {
        let t = r["text"].as_str().unwrap();
        assert!(!t.starts_with(char::is_whitespace), "{t:?}");
        assert!(r["value"].as_str().unwrap().starts_with("2024-02"), "{r}");
    }
    for chunk in 1..=64 {
        let c = chunk.to_string();
        assert_eq!(
            run_str(&["dates", "--chunk-size", &c], text),
            whole,
            "chunk size {chunk}"
        );
    }
}

#[test]
fn tsv_has_a_column_for_every_field_jsonl_and_help_name() {
    // Saturday named before a Sunday, a الموافق pair, a relative word resolved by the anchor,
    // a day the anchor's Hijri year does not have (Sha'ban 1445 has 29 days in the Umm
    // al-Qura calendar), and (issue 14: the new field `part`) a part of a month: every
    // optional field appears in some record.
    let text = "يوم السبت 11 فبراير 2024 الموافق 1 شعبان 1445هـ، وفي 25 يناير الماضي \
                وفي 30 شعبان وفي منتصف مارس.";
    let args = ["dates", "--anchor", "2024-02-11"];
    let jsonl = json_lines(&run_str(&args, text));
    let tsv = run_str(&[&args[..], &["--format", "tsv"]].concat(), text);
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let mut keys: Vec<&str> = jsonl
        .iter()
        .flat_map(|r| r.as_object().unwrap().keys().map(String::as_str))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut columns = header.clone();
    columns.sort_unstable();
    assert_eq!(columns, keys);
    assert_eq!(keys.len(), 15, "{keys:?}"); // 6 always there, 9 where they apply (part: issue 14)
                                            // Row by row, the same values, empty where JSONL leaves the field out.
    assert_eq!(rows.len(), jsonl.len());
    for (row, record) in rows.iter().zip(&jsonl) {
        assert_eq!(row.len(), header.len());
        for (name, field) in header.iter().zip(row) {
            let expected = match record.get(*name) {
                None => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
            };
            assert_eq!(*field, expected, "{name}");
        }
    }
    assert_eq!(jsonl[0]["weekday_conflict"], true);
    assert_eq!(rows[1][header.len() - 2], ""); // weekday_conflict (part is the last column)
    assert_eq!(jsonl[4]["part"], "middle");
    // And the help names every one of them.
    let help = run_str(&["dates", "--help"], "");
    for name in header {
        assert!(
            help.contains(&format!("`{name}`")),
            "{name} not in the help"
        );
    }
}

#[test]
fn a_line_of_megabytes_without_whitespace_keeps_its_dates() {
    // 1 200 000 bytes of Arabic-Indic digits, then of letters (longer than the stream waits
    // for a line's end), each run followed by a date: cut inside the runs, the dates and
    // offsets stay as they are.
    let digits = "٠١٢٣٤٥٦٧٨٩".repeat(60_000);
    let letters = "كتاب".repeat(150_000);
    let text = format!("{digits} في 11 فبراير 2024 {letters} عام 2014\n");
    let whole = run_str(&["dates"], &text);
    let records = json_lines(&whole);
    assert_eq!(records.len(), 2, "{whole}");
    // " في " is 6 bytes; "11 فبراير 2024" 20; then a space, the letters, a space.
    assert_eq!(records[0]["start"], 1_200_006);
    assert_eq!(records[0]["value"], "2024-02-11");
    assert_eq!(records[1]["start"], 1_200_026 + 1 + 1_200_000 + 1);
    assert_eq!(records[1]["value"], "2014");
    assert_eq!(run_str(&["dates", "--chunk-size", "65536"], &text), whole);
}

/// Relative dates (issue 14). Said on Sunday 11 February 2024: أمس is 2024-02-10, منذ
/// ثلاثة أشهر 2023-11, الأسبوع الماضي the ISO week of Sunday 4 February (2024-W05), خلال
/// 10 أيام from 11 to 21 February. Offsets by hand: "وصل " is 7 bytes, أمس 6 more.
#[test]
fn relative_dates_have_an_offset_and_resolve_with_the_anchor() {
    let text =
        "وصل أمس، ومنذ ثلاثة أشهر لم يعد، والأسبوع الماضي وخلال 10 أيام، ومنذ سنوات، وقبل 3 ساعات";
    let records = json_lines(&run_str(&["dates", "--anchor", "2024-02-11"], text));
    let got: Vec<(&str, &str, &str, Option<&str>, &str)> = records
        .iter()
        .map(|r| {
            (
                r["text"].as_str().unwrap(),
                r["kind"].as_str().unwrap(),
                r["value"].as_str().unwrap(),
                r.get("resolved").map(|v| v.as_str().unwrap()),
                r["relative"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("أمس", "relative", "-P1D", Some("2024-02-10"), "past"),
            (
                "ومنذ ثلاثة أشهر",
                "relative",
                "-P3M",
                Some("2023-11"),
                "past"
            ),
            (
                "والأسبوع الماضي",
                "relative",
                "-P1W",
                Some("2024-W05"),
                "past"
            ),
            (
                "وخلال 10 أيام",
                "relative",
                "P0D/P10D",
                Some("2024-02-11/2024-02-21"),
                "next"
            ),
            // A vague count has a direction only; hours are not resolved against a day.
            ("ومنذ سنوات", "relative", "", None, "past"),
            ("وقبل 3 ساعات", "relative", "-PT3H", None, "past"),
        ]
    );
    assert_eq!(
        (&records[0]["start"], &records[0]["end"]),
        (&7.into(), &13.into())
    );
    for r in &records {
        assert!(r.get("unresolved").is_none(), "{r}");
    }
    // Without the anchor nothing is resolved; `--format text` writes the offsets.
    let text_out = run_str(&["dates", "--format", "text"], text);
    assert_eq!(text_out, "-P1D\n-P3M\n-P1W\nP0D/P10D\n\n-PT3H\n");
}

#[test]
fn relative_dates_are_the_same_whatever_the_chunk_size_and_threads() {
    // Relative phrases of several words, so that a chunk boundary falls inside them.
    let text = "عاد منذ خمسة وعشرين يوما بعد غياب، وسيغادر بعد غد، أو خلال ثلاثة أشهر\n\
                التقيا العام قبل الماضي، ولم يلتقيا هذه السنة ولا أول من أمس\n\
                في رمضان المقبل والخميس بعد المقبل وقبل عامين من الآن\n"
        .repeat(3);
    let args = ["dates", "--anchor", "2024-02-11", "--format", "tsv"];
    let whole = run_ok(&args, text.as_bytes());
    // 9 expressions a block (منذ خمسة وعشرين يوما، بعد غد، خلال ثلاثة أشهر، العام قبل
    // الماضي، هذه السنة، أول من أمس، رمضان المقبل، الخميس بعد المقبل، قبل عامين من الآن).
    assert_eq!(String::from_utf8_lossy(&whole).lines().count(), 1 + 3 * 9);
    for chunk in (1..=64).chain([100, 333]) {
        let c = chunk.to_string();
        for threads in ["1", "3"] {
            assert_eq!(
                run_ok(
                    &[&args[..], &["--chunk-size", &c, "--threads", threads]].concat(),
                    text.as_bytes()
                ),
                whole,
                "chunk size {chunk}, {threads} threads"
            );
        }
    }
}
