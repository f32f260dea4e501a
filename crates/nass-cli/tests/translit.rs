//! `nass translit` end to end: exact output, line endings, chunking, errors, and CAMeL
//! Tools' mappers as the oracle where they are installed. (A closed pipe is tested with
//! the other filters in cli.rs.)

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use predicates::prelude::*;

mod common;
use common::{nass, run_ok, run_str};

#[test]
fn readme_demo() {
    assert_eq!(run_str(&["translit", "--to", "bw"], "كَتَبَ\n"), "kataba\n");
    assert_eq!(run_str(&["translit", "--from", "bw"], "kataba\n"), "كَتَبَ\n");
}

#[test]
fn every_scheme_both_ways() {
    // Worked out by hand from the scheme tables: ذ ه ب ْ ت ُ / إ ل ى / ا ل ش ا ط ئ .
    let arabic = "ذهبْتُ إلى الشاطئ.\n";
    for (scheme, latin) in [
        ("bw", "*hbotu <lY Al$AT}.\n"),
        ("safebw", "Vhbotu IlY AlcATQ.\n"),
        ("xmlbw", "*hbotu IlY Al$AT}.\n"),
    ] {
        assert_eq!(run_str(&["translit", "--to", scheme], arabic), latin);
        assert_eq!(run_str(&["translit", "--from", scheme], latin), arabic);
    }
    // HSB writes the sukun as `.`: the full stop comes back as a sukun.
    assert_eq!(
        run_str(&["translit", "--to", "hsb"], arabic),
        "ðhb.tu Ălý AlšATŷ.\n"
    );
    assert_eq!(
        run_str(&["translit", "--from", "hsb"], "ðhb.tu Ălý AlšATŷ.\n"),
        "ذهبْتُ إلى الشاطئ\u{0652}\n"
    );
}

#[test]
fn line_endings_and_odd_bytes_are_kept_exactly() {
    let input = "سطر\r\nثان\rثالث\n\nبلا نهاية\0";
    assert_eq!(
        run_str(&["translit", "--to", "bw"], input),
        "sTr\r\nvAn\rvAlv\n\nblA nhAyp\0"
    );
    assert_eq!(run_ok(&["translit", "--to", "hsb"], b""), b"");
}

#[test]
fn chunk_size_never_changes_the_output() {
    // Two-byte letters, three- and four-byte characters and CRLF, cut at every size.
    let text = "قالَ: «٣ كتب» €😀\r\nk~ab ٱلْ\u{06D6}";
    for (flag, scheme) in [
        ("--to", "bw"),
        ("--from", "bw"),
        ("--to", "hsb"),
        ("--from", "hsb"),
    ] {
        let whole = run_ok(&["translit", flag, scheme], text.as_bytes());
        for chunk in 1..=12 {
            let chunk = chunk.to_string();
            let got = run_ok(
                &["translit", flag, scheme, "--chunk-size", &chunk],
                text.as_bytes(),
            );
            assert_eq!(got, whole, "{flag} {scheme} with chunk size {chunk}");
        }
    }
}

#[test]
fn files_are_one_stream_and_invalid_utf8_names_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.txt");
    let second = dir.path().join("second.txt");
    std::fs::write(&first, "نص\n").unwrap(); // 5 bytes
    std::fs::write(&second, b"ab\xC3(cd").unwrap(); // bad byte at 2 of this file
    nass()
        .args(["translit", "--to", "bw"])
        .arg(&first)
        .arg(&first)
        .assert()
        .success()
        .stdout("nS\nnS\n");
    nass()
        .args(["translit", "--to", "bw"])
        .arg(&first)
        .arg(&second)
        .assert()
        .failure()
        .stdout("nS\nab")
        .stderr(predicate::str::starts_with(
            "nass: invalid UTF-8 at byte 7 of the input",
        ))
        .stderr(predicate::str::contains("second.txt"));
    assert_eq!(
        run_ok(&["translit", "--from", "bw", "--lossy"], b"b\xFFA\xD8"),
        "ب\u{FFFD}ا\u{FFFD}".as_bytes()
    );
}

#[test]
fn needs_one_direction_and_a_known_scheme() {
    nass()
        .args(["translit"])
        .write_stdin("x")
        .assert()
        .failure()
        .stderr(predicate::str::contains("--to"));
    nass()
        .args(["translit", "--to", "bw", "--from", "hsb"])
        .write_stdin("x")
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot be used with"));
    nass()
        .args(["translit", "--to", "latin"])
        .write_stdin("x")
        .assert()
        .failure()
        .stderr(predicate::str::contains("invalid value 'latin'"));
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("crates/nass-cli is two levels down")
        .to_path_buf()
}

/// CAMeL Tools' eight mappers against `nass translit`, byte for byte, through
/// scripts/translit-oracle.py: on the corpus when `NASS_CORPUS` names one, and on every
/// code point of the Arabic blocks. The Python is `NASS_CAMEL_PYTHON`, else the venv at
/// target/venv, else `python3`; the test says so and passes when camel_tools cannot be
/// imported there (the script exits 77).
#[test]
fn camel_tools_agrees() {
    let root = workspace_root();
    let python = std::env::var_os("NASS_CAMEL_PYTHON")
        .map(PathBuf::from)
        .or_else(|| Some(root.join("target/venv/bin/python")).filter(|p| p.exists()))
        .unwrap_or_else(|| PathBuf::from("python3"));
    let mut cmd = StdCommand::new(&python);
    cmd.arg(root.join("scripts/translit-oracle.py"))
        .arg(assert_cmd::cargo::cargo_bin("nass"));
    if let Some(corpus) = std::env::var_os("NASS_CORPUS").filter(|c| !c.is_empty()) {
        cmd.arg(root.join(corpus));
    }
    let out = match cmd.output() {
        Ok(out) => out,
        Err(e) => {
            eprintln!(
                "{}: {e}: skipping the CAMeL Tools comparison",
                python.display()
            );
            return;
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(77) {
        eprintln!("{stderr}");
        return;
    }
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("agree byte for byte"));
}
