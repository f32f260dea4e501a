//! The `nass` binary end to end: exact output, exit codes, messages.

use std::io::{Read, Write};
use std::process::{Command as StdCommand, Stdio};

use predicates::prelude::*;

mod common;
use common::{nass, run_ok};

fn normalize(args: &[&str], input: &[u8]) -> Vec<u8> {
    let args: Vec<&str> = ["normalize"].iter().chain(args).copied().collect();
    run_ok(&args, input)
}

#[test]
fn presets_exact_output() {
    // Expected values worked out by hand from each preset's table.
    let text = "قالَ المتحدِّثُ إنَّ الاجتماعاتِ ستتواتر بصورةٍ دوريةٍ حتى بغـــداد\n";
    let table: &[(&str, &str)] = &[
        (
            "search",
            "قال المتحدث ان الاجتماعات ستتواتر بصوره دوريه حتي بغداد\n",
        ),
        (
            "camel",
            "قال المتحدث ان الاجتماعات ستتواتر بصوره دوريه حتي بغـــداد\n",
        ),
        (
            "lucene",
            "قال المتحدث ان الاجتماعات ستتواتر بصوره دوريه حتي بغداد\n",
        ),
        (
            "display",
            "قالَ المتحدِّثُ إنَّ الاجتماعاتِ ستتواتر بصورةٍ دوريةٍ حتى بغداد\n",
        ),
    ];
    for (preset, want) in table {
        assert_eq!(
            String::from_utf8(normalize(&["--preset", preset], text.as_bytes())).unwrap(),
            *want,
            "{preset}"
        );
    }
}

#[test]
fn per_operation_flags_override_the_preset() {
    let text = "مُحَمَّدٌ ـ إلى\n".as_bytes();
    assert_eq!(
        normalize(&["--keep", "shadda"], text),
        "محمّد  الي\n".as_bytes()
    );
    assert_eq!(
        normalize(&["--no-tatweel"], text),
        "محمد ـ الي\n".as_bytes()
    );
    assert_eq!(
        normalize(&["--letters", "none"], text),
        "محمد  إلى\n".as_bytes()
    );
    assert_eq!(
        normalize(
            &["--preset", "display", "--diacritics", "harakat,shadda"],
            text
        ),
        "محمد  إلى\n".as_bytes()
    );
    assert_eq!(
        normalize(
            &["--unicode", "none", "--letters", "alef-hamza"],
            "\u{FEFB}أ\n".as_bytes()
        ),
        "\u{FEFB}ا\n".as_bytes()
    );
}

#[test]
fn line_endings_are_kept_exactly() {
    assert_eq!(
        normalize(&[], "أ\r\nب\r\n".as_bytes()),
        "ا\r\nب\r\n".as_bytes()
    );
    assert_eq!(
        normalize(&[], "سطر بلا نهاية".as_bytes()),
        "سطر بلا نهايه".as_bytes()
    );
    assert_eq!(normalize(&[], b"\n\n\r\n"), b"\n\n\r\n");
}

#[test]
fn empty_input_and_nul_bytes() {
    assert_eq!(normalize(&[], b""), b"");
    assert_eq!(normalize(&[], "a\0ب\0".as_bytes()), "a\0ب\0".as_bytes());
}

#[test]
fn invalid_utf8_names_the_offset_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.txt");
    let second = dir.path().join("second.txt");
    std::fs::write(&first, "نص سليم\n").unwrap(); // 14 bytes
    std::fs::write(&second, b"ab\xC3(cd").unwrap(); // bad byte at 2 of this file
                                                    // Everything before the bad byte is written first, whichever thread normalizes it.
    for threads in ["1", "2"] {
        nass()
            .args(["normalize", "--threads", threads])
            .arg(&first)
            .arg(&second)
            .assert()
            .failure()
            .stdout("نص سليم\nab")
            .stderr(predicate::str::contains(
                "invalid UTF-8 at byte 16 of the input",
            ))
            .stderr(predicate::str::contains(format!(
                "(byte 2 of {})",
                second.display()
            )));
    }
    // An incomplete sequence at the very end is invalid too.
    nass()
        .arg("normalize")
        .write_stdin(&b"ok \xD8"[..])
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(
            "nass: invalid UTF-8 at byte 3 of the input",
        ));
}

#[test]
fn lossy_replaces_invalid_bytes() {
    assert_eq!(
        normalize(&["--lossy"], b"a\xFFb\xD8"),
        "a\u{FFFD}b\u{FFFD}".as_bytes()
    );
}

#[test]
fn missing_file_is_an_error() {
    nass()
        .args(["normalize", "/nonexistent/nass-input.txt"])
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(
            "nass: cannot open /nonexistent/nass-input.txt",
        ));
}

#[test]
fn write_error_is_reported() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("nass"))
        .arg("normalize")
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("بغداد\n".repeat(100).as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("nass: write error"),
        "{:?}",
        out
    );
}

#[test]
fn closed_pipe_ends_quietly() {
    for args in [
        &["normalize"][..],
        &["tokenize"],
        &["tokenize", "--format", "jsonl", "--sentences"],
        &["digits", "--to", "arabic"],
        &["numbers", "--words"],
        &["match", "--format", "text"],
        &["dates"],
        &["translit", "--to", "bw"],
        &["analyze", "--format", "jsonl"],
    ] {
        closed_pipe_ends_quietly_for(args);
    }
}

fn closed_pipe_ends_quietly_for(args: &[&str]) {
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("nass"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = "وقال المتحدث إن ثلاثة آلاف جندي وصلوا إلى بغداد في 11 فبراير 2024\n".repeat(1000);
        for _ in 0..200 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout); // the reader goes away, like `| head -1`
    let status = child.wait().unwrap();
    writer.join().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        status.success(),
        "{args:?}: exit {status:?}, stderr {stderr}"
    );
    assert_eq!(stderr, "", "{args:?}");
}

#[test]
fn chunk_size_never_changes_the_output() {
    // Combining sequences, CRLF, ligatures, 4-byte characters and invalid-free text cut
    // at every chunk size from 1 byte up.
    let text = "ا\u{0640}\u{0654}بَّ \u{FEFB}\r\nي\u{0654} 😀 كتاب\u{0651}\u{064E}\nآخر";
    for preset in ["search", "display"] {
        let whole = normalize(&["--preset", preset], text.as_bytes());
        for chunk in (1..=24).chain([31, 47, 64]) {
            let got = normalize(
                &["--preset", preset, "--chunk-size", &chunk.to_string()],
                text.as_bytes(),
            );
            assert_eq!(got, whole, "{preset} with chunk size {chunk}");
        }
    }
}

#[test]
fn help_lists_every_preset_and_operation() {
    let help = nass().args(["normalize", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    for word in [
        "search",
        "camel",
        "lucene",
        "display",
        "--diacritics",
        "--keep",
        "--tatweel",
        "--letters",
        "--invisibles",
        "--unicode",
        "--lossy",
        "harakat",
        "alef-maksura",
    ] {
        assert!(help.contains(word), "--help lacks {word}:\n{help}");
    }
}

#[test]
fn threads_never_change_the_output() {
    let text = "قالَ المتحدِّثُ إنَّ ١٢٫٥٪ من ﻻ شيء\r\nبغـــداد 😀\n".repeat(200);
    for args in [&["normalize"][..], &["digits", "--to", "arabic"]] {
        let one = run_ok(&[args, &["--threads", "1"]].concat(), text.as_bytes());
        for threads in ["2", "3", "8"] {
            for chunk in ["7", "100", "65536"] {
                let got = run_ok(
                    &[args, &["--threads", threads, "--chunk-size", chunk]].concat(),
                    text.as_bytes(),
                );
                assert_eq!(
                    got, one,
                    "{args:?} --threads {threads} --chunk-size {chunk}"
                );
            }
        }
    }
    // Under --lossy, invalid bytes every few bytes cut the stream into tiny pieces, which
    // are gathered before they are handed over: the same output whatever the threads.
    let mut noisy = Vec::new();
    for (k, b) in text.bytes().enumerate() {
        noisy.push(b);
        if k % 7 == 3 {
            noisy.push(0xFF);
        }
    }
    let one = run_ok(&["normalize", "--lossy", "--threads", "1"], &noisy);
    assert!(String::from_utf8(one.clone()).unwrap().contains('\u{FFFD}'));
    for threads in ["1", "2", "3"] {
        for chunk in ["7", "100", "65536"] {
            let args = [
                "normalize",
                "--lossy",
                "--threads",
                threads,
                "--chunk-size",
                chunk,
            ];
            assert_eq!(run_ok(&args, &noisy), one, "{args:?}");
        }
    }
    // An invalid byte is reported after everything before it is written, in order.
    let mut bad = text.clone().into_bytes();
    bad.push(0xFF);
    let out = nass()
        .args(["normalize", "--threads", "3", "--chunk-size", "64"])
        .write_stdin(bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let whole = run_ok(&["normalize", "--threads", "1"], text.as_bytes());
    assert_eq!(out.stdout, whole);
}
