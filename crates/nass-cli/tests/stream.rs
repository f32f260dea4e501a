//! The stream every filter shares, end to end: errors after output, byte order marks,
//! `--lossy` keeping lines and sentences whole, a closed standard output, `--threads`.

use std::path::Path;
use std::process::Command as StdCommand;

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::{json_lines, nass, run_ok, run_str};

const BOM: &str = "\u{FEFF}";

#[test]
fn too_many_threads_is_refused_with_a_message() {
    for sub in [&["normalize"][..], &["digits", "--to", "ascii"]] {
        nass()
            .args(sub)
            .args(["--threads", "20000"])
            .write_stdin("بغداد\n")
            .assert()
            .failure()
            .stdout("")
            .stderr(predicate::str::contains("--threads"))
            .stderr(predicate::str::contains("1..=64"));
        // The most allowed still works, and writes the same.
        nass()
            .args(sub)
            .args(["--threads", "64"])
            .write_stdin("بغداد\n")
            .assert()
            .success()
            .stdout("بغداد\n");
    }
}

/// Runs `nass ARGS` through `sh` with standard output closed (`>&-`).
fn with_stdout_closed(args: &[&str], file: &Path) -> std::process::Output {
    StdCommand::new("sh")
        .arg("-c")
        .arg("exec \"$0\" \"$@\" >&-")
        .arg(assert_cmd::cargo::cargo_bin("nass"))
        .args(args)
        .arg(file)
        .output()
        .unwrap()
}

#[test]
fn a_closed_standard_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.txt");
    std::fs::write(&file, "2024-03-11\n").unwrap();
    for args in [
        &["normalize"][..],
        &["digits", "--to", "arabic"],
        &["tokenize"],
        &["numbers"],
        &["match"],
        &["dates"],
        &["calendar", "--to", "hijri"],
    ] {
        let out = with_stdout_closed(args, &file);
        assert!(!out.status.success(), "{args:?}: {out:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "nass: standard output is closed\n",
            "{args:?}"
        );
    }
    // Standard output on /dev/null is not closed.
    let status = StdCommand::new(assert_cmd::cargo::cargo_bin("nass"))
        .arg("normalize")
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn the_error_names_the_file_the_bad_byte_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let (p1, p3) = (dir.path().join("p1"), dir.path().join("p3"));
    std::fs::write(&p1, b"abc\xd8").unwrap(); // a character cut by the end of p1
    std::fs::write(&p3, b"xyz\n").unwrap();
    nass()
        .arg("normalize")
        .arg(&p1)
        .arg(&p3)
        .assert()
        .failure()
        .stdout("abc")
        .stderr(predicate::str::contains("at byte 3 of the input"))
        // The whole paths: the temporary directory's random name may hold "p3" itself.
        .stderr(predicate::str::contains(format!(
            "(byte 3 of {})",
            p1.display()
        )))
        .stderr(predicate::str::contains(p3.display().to_string()).not());
    // Under --lossy the cut character is one U+FFFD, and the second file goes on.
    let out = nass()
        .args(["normalize", "--lossy"])
        .arg(&p1)
        .arg(&p3)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "abc\u{FFFD}xyz\n");
}

#[test]
fn a_leading_byte_order_mark_is_skipped_in_every_file() {
    // Calendar reads the date after it.
    assert_eq!(
        run_str(
            &["calendar", "--to", "hijri"],
            &format!("{BOM}2024-03-11\n")
        ),
        "1445-09-01\n"
    );
    // Normalize drops it, where it keeps one further on ...
    assert_eq!(
        run_str(
            &["normalize", "--preset", "display", "--no-invisibles"],
            &format!("{BOM}قال{BOM}\n")
        ),
        format!("قال{BOM}\n"),
        "only the one at the very start goes"
    );
    // ... and offsets still count its bytes, in every file.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&a, format!("{BOM}نعم\n")).unwrap(); // 3 + 6 + 1 bytes
    std::fs::write(&b, format!("{BOM}لا\n")).unwrap();
    let out = nass()
        .args(["tokenize", "--format", "jsonl"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success());
    let spans: Vec<(u64, u64, String)> = json_lines(std::str::from_utf8(&out.stdout).unwrap())
        .iter()
        .map(|r| {
            (
                r["start"].as_u64().unwrap(),
                r["end"].as_u64().unwrap(),
                r["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(spans, [(3, 9, "نعم".into()), (13, 17, "لا".into())]);
    // A mark split over reads is found too.
    for chunk in ["1", "2", "4"] {
        assert_eq!(
            run_str(&["tokenize", "--chunk-size", chunk], &format!("{BOM}نعم\n")),
            "نعم\n"
        );
    }
}

#[test]
fn lossy_calendar_keeps_a_line_with_bad_bytes_whole() {
    let out = nass()
        .args(["calendar", "--to", "hijri", "--lossy", "--keep-going"])
        .write_stdin(&b"2024-03-11\n2024-\xff\xfe03-11\n2024-03-12\n"[..])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "1445-09-01\n\n1445-09-02\n"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 2:"), "{stderr}");
    assert!(!stderr.contains("line 3:"), "{stderr}");
}

#[test]
fn lossy_sentences_keep_a_sentence_with_bad_bytes_whole() {
    let input = b"\xd8\xb0\xd9\x87\xd8\xa8 \xd8\xa7\xd9\x84\xd9\x88\xd9\x84\xd8\xaf\xff \xd8\xa5\xd9\x84\xd9\x89 \xd8\xa7\xd9\x84\xd8\xa8\xd9\x8a\xd8\xaa. \xd8\xab\xd9\x85 \xd9\x86\xd8\xa7\xd9\x85.\n";
    // "ذهب الولد\xff إلى البيت. ثم نام."
    let out = run_ok(&["tokenize", "--sentences", "--lossy"], input);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    let out = run_ok(
        &["tokenize", "--sentences", "--lossy", "--format", "jsonl"],
        input,
    );
    let records = json_lines(std::str::from_utf8(&out).unwrap());
    let sentences: Vec<u64> = records
        .iter()
        .map(|r| r["sentence"].as_u64().unwrap())
        .collect();
    // ذهب الولد � إلى البيت . | ثم نام .
    assert_eq!(sentences, [0, 0, 0, 0, 0, 0, 1, 1, 1]);
}

#[test]
fn lossy_offsets_stay_input_offsets() {
    // "قال \xff\xfe ١٢ و\xc3 2024-03-11" : each bad sequence is one U+FFFD of its own bytes.
    let mut input = "قال ".as_bytes().to_vec(); // 7 bytes
    input.extend_from_slice(b"\xff\xfe "); // 7..9, space at 9
    input.extend_from_slice("١٢ ".as_bytes()); // 10..14, space at 14
    input.extend_from_slice(b"\xc3 11 \xe2\x82"); // 15, space, 17..19, space, 20..22
    let out = run_ok(&["numbers", "--lossy", "--format", "tsv"], &input);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "start\tend\tkind\ttext\tvalue\n10\t14\tdigits\t١٢\t12\n17\t19\tdigits\t11\t11\n"
    );
    let out = run_ok(&["tokenize", "--lossy", "--format", "jsonl"], &input);
    let records = json_lines(std::str::from_utf8(&out).unwrap());
    for r in &records {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf8_lossy(&input[s..e]),
            r["text"].as_str().unwrap(),
            "{r}"
        );
    }
    let fffd: Vec<(&Value, &Value)> = records
        .iter()
        .filter(|r| r["text"].as_str().unwrap().contains('\u{FFFD}'))
        .map(|r| (&r["start"], &r["end"]))
        .collect();
    assert_eq!(fffd.len(), 4, "{records:?}"); // \xff, \xfe, \xc3, \xe2\x82
}

#[test]
fn without_lossy_a_record_cut_by_bad_bytes_is_not_converted() {
    for input in [&b"2024-03-11\xff\n"[..], b"2024-03-1\xff\n"] {
        nass()
            .args(["calendar", "--to", "hijri"])
            .write_stdin(input)
            .assert()
            .failure()
            .stdout("")
            .stderr(predicate::str::starts_with("nass: invalid UTF-8"));
    }
    // The lines before it are converted.
    nass()
        .args(["calendar", "--to", "hijri"])
        .write_stdin(&b"2024-03-12\n2024-03-11\xff\n"[..])
        .assert()
        .failure()
        .stdout("1445-09-02\n")
        .stderr(predicate::str::contains("at byte 21 of the input"));
}

#[test]
fn calendar_counts_a_very_long_line_as_one() {
    let long = "٠".repeat(600 << 10); // 1.2 MiB, more than the stream holds
    let input = format!("2024-03-11\n{long}\r\n2024-03-12\n");
    let out = nass()
        .args(["calendar", "--to", "hijri", "--keep-going"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "1445-09-01\n\r\n1445-09-02\n"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "nass: line 2: longer than 1 MiB\nnass: some lines could not be converted (see above)\n"
    );
}

#[test]
fn every_subcommand_documents_the_bound_on_a_stretch_without_a_cut() {
    for sub in [
        "normalize",
        "digits",
        "tokenize",
        "numbers",
        "match",
        "dates",
        "calendar",
    ] {
        let help = run_str(&[sub, "--help"], "");
        assert!(help.contains("1 MiB"), "{sub} --help:\n{help}");
        assert!(help.contains("byte order mark"), "{sub} --help:\n{help}");
    }
}

#[test]
fn a_run_of_marks_longer_than_the_bound_comes_out_the_same_whatever_the_threads() {
    // 1.25 MiB of shadda and fatha with no base letter: no safe cut, so the stream cuts
    // it at 1 MiB anyway; that piece is normalized by the reading thread, in order.
    let marks = "\u{0651}\u{064E}".repeat(5 << 16);
    let input = format!("قال {marks} ثم سكت\n");
    let one = run_ok(
        &["normalize", "--preset", "display", "--threads", "1"],
        input.as_bytes(),
    );
    assert!(one.len() > marks.len(), "the marks are kept");
    for threads in ["2", "3"] {
        let many = run_ok(
            &["normalize", "--preset", "display", "--threads", threads],
            input.as_bytes(),
        );
        assert!(one == many, "--threads {threads} differs");
    }
}

#[test]
fn a_thread_that_cannot_start_is_an_error_not_an_abort() {
    // With little address space, the system refuses some of 64 thread stacks (2 MiB
    // each). The limit is found, not fixed: the least address space (to 1 MiB) in which
    // one normalizing thread runs, plus 32 MiB, room for the stacks of a few workers but
    // not of 64, whatever the size of the binary. One malloc arena, so that threads do
    // not each reserve one.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.txt");
    std::fs::write(&file, "بغداد\n").unwrap();
    let run = |limit_kib: u64, threads: u32| {
        StdCommand::new("sh")
            .arg("-c")
            .arg("ulimit -v \"$2\" && exec \"$0\" normalize --threads \"$3\" \"$1\"")
            .arg(assert_cmd::cargo::cargo_bin("nass"))
            .arg(&file)
            .arg(limit_kib.to_string())
            .arg(threads.to_string())
            .env("MALLOC_ARENA_MAX", "1")
            .output()
            .unwrap()
    };
    let (mut lo, mut hi) = (1u64 << 10, 4u64 << 20); // KiB: 1 MiB fails, 4 GiB runs
    assert!(run(hi, 1).status.success());
    while hi - lo > 1 << 10 {
        let mid = (lo + hi) / 2;
        if run(mid, 1).status.success() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let out = run(hi + (32 << 10), 64);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("nass: cannot start a thread"),
        "{stderr}"
    );
    // What was read is not lost for it: nothing was written, and the error says why.
    assert!(out.stdout.is_empty() || out.stdout == "بغداد\n".as_bytes());
}
