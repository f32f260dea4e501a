//! Every filter, on awkward input (invalid bytes under `--lossy`, CRLF, stray combining
//! marks, digits of other scripts, a byte order mark): the output is the same whatever
//! the chunk size and the number of threads, and a later file that cannot be read loses
//! nothing of the output due before it.

use std::process::Output;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

mod common;
use common::nass;

/// Running text: Arabic sentences with numbers, dates and names, CRLF and LF, stray
/// marks at word starts (U+0654, U+0301), Devanagari and Bengali digits, tatweel and a
/// run of marks without a base letter.
fn prose() -> Vec<u8> {
    let mut t = "\u{FEFF}قال المتحدث إن ثلاثة آلاف زائر وصلوا إلى بغداد يوم الأحد 11 فبراير 2024.\r\n"
        .as_bytes()
        .to_vec();
    t.extend_from_slice(
        "وفي ١٢ مارس ٢٠٢٤ زار الوفد للعراق والقاهرة، ودفع ٢٬٥٠٠ دينار و१२ روبية و১২ تاكا.\n"
            .as_bytes(),
    );
    t.extend_from_slice("\u{0654}ثم \u{0301}عاد الوفدُ إلى عمّان في 1 شعبان 1445هـ\r\n".as_bytes());
    t.extend_from_slice("سبعة\nعشر كتابا في المكتبة، وخمسة وعشرون\r\nقلما.\n".as_bytes());
    t.extend_from_slice(
        "بـــ\u{0651}\u{064E}\u{0651}\u{064E} ٣٫٥ مليون ١٢٫٥٪ الخميس الماضي في دمشق".as_bytes(),
    );
    t
}

/// ISO dates one per line for `calendar`, with the same kinds of trouble.
fn date_lines() -> Vec<u8> {
    "\u{FEFF}2024-03-11\r\n١٤٤٥-٠٩-٠١\n\u{0654}2024-03-12\n२०२४-०३-११\n2024-02-30\n\n2024-03-13"
        .as_bytes()
        .to_vec()
}

/// Invalid sequences inserted anywhere (inside characters too, which makes more).
const BAD: [&[u8]; 4] = [b"\xff", b"\xd8", b"\xe2\x82", b"\xf0\x9f\x98"];

/// Runs `nass ARGS` on `input`.
fn run(args: &[&str], input: &[u8]) -> Output {
    nass().args(args).write_stdin(input).output().unwrap()
}

/// The output of `filter --lossy` on `fixture` with invalid bytes inserted is the same
/// at every chunk size and (with `threads`) thread count as at the defaults.
fn same_whatever_the_chunks(filter: &[&str], fixture: &[u8], threads: bool) {
    let mut runner = TestRunner::new(Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    });
    let inserts = proptest::collection::vec((any::<prop::sample::Index>(), 0..BAD.len()), 0..6);
    let strategy = (1usize..=1000, 1usize..=4, inserts);
    let result = runner.run(&strategy, |(chunk, n_threads, inserts)| {
        let mut input = fixture.to_vec();
        for (at, bad) in inserts {
            let at = at.index(input.len() + 1);
            input.splice(at..at, BAD[bad].iter().copied());
        }
        let mut base = filter.to_vec();
        base.push("--lossy");
        let want = run(&base, &input);
        let chunk = chunk.to_string();
        let n_threads = n_threads.to_string();
        let mut args = base.clone();
        args.extend(["--chunk-size", &chunk]);
        if threads {
            args.extend(["--threads", &n_threads]);
        }
        let got = run(&args, &input);
        prop_assert_eq!(
            String::from_utf8_lossy(&got.stdout),
            String::from_utf8_lossy(&want.stdout),
            "{:?} on {:?}",
            args,
            String::from_utf8_lossy(&input)
        );
        prop_assert_eq!(got.status.code(), want.status.code());
        prop_assert_eq!(
            String::from_utf8_lossy(&got.stderr),
            String::from_utf8_lossy(&want.stderr)
        );
        Ok(())
    });
    if let Err(e) = result {
        panic!("{filter:?}: {e}");
    }
}

/// `filter FILE LATER` writes what `filter FILE` writes, then fails naming `LATER`, for a
/// path that does not exist and for a directory; with and without `--lossy`.
fn nothing_lost_before_an_unreadable_file(filter: &[&str], fixture: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let clean: Vec<u8> = String::from_utf8_lossy(fixture).into_owned().into_bytes();
    let mut dirty = fixture.to_vec();
    dirty.splice(20..20, b"\xff".iter().copied());
    for (name, bytes, lossy) in [("clean.txt", &clean, false), ("dirty.txt", &dirty, true)] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let mut args: Vec<String> = filter.iter().map(|s| s.to_string()).collect();
        if lossy {
            args.push("--lossy".into());
        }
        let alone = nass().args(&args).arg(&file).output().unwrap();
        let missing = dir.path().join("missing.txt");
        for later in [missing.as_path(), dir.path()] {
            let out = nass().args(&args).arg(&file).arg(later).output().unwrap();
            assert!(!out.status.success(), "{args:?} {later:?}");
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&alone.stdout),
                "{args:?} then {later:?}"
            );
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains(&*later.display().to_string()),
                "{args:?}: {stderr}"
            );
            assert!(has_output(&alone), "{args:?}: the test needs output");
        }
    }
}

fn has_output(out: &Output) -> bool {
    !out.stdout.is_empty()
}

/// Both tests for one filter.
fn check(filter: &[&str], fixture: &[u8], threads: bool) {
    same_whatever_the_chunks(filter, fixture, threads);
    nothing_lost_before_an_unreadable_file(filter, fixture);
}

#[test]
fn normalize() {
    check(&["normalize"], &prose(), true);
    check(&["normalize", "--preset", "display"], &prose(), true);
}

#[test]
fn digits() {
    check(&["digits", "--to", "ascii", "--all-digits"], &prose(), true);
    check(&["digits", "--to", "arabic"], &prose(), true);
}

#[test]
fn tokenize_text() {
    check(&["tokenize"], &prose(), false);
    check(&["tokenize", "--normalize", "search"], &prose(), false);
}

#[test]
fn tokenize_tsv() {
    check(&["tokenize", "--format", "tsv"], &prose(), false);
}

#[test]
fn tokenize_jsonl() {
    check(&["tokenize", "--format", "jsonl"], &prose(), false);
}

#[test]
fn tokenize_sentences() {
    check(&["tokenize", "--sentences"], &prose(), false);
    check(
        &["tokenize", "--sentences", "--format", "jsonl"],
        &prose(),
        false,
    );
}

#[test]
fn numbers() {
    check(&["numbers"], &prose(), false);
}

#[test]
fn numbers_words() {
    check(&["numbers", "--words"], &prose(), false);
}

#[test]
fn match_records() {
    check(&["match"], &prose(), false);
}

#[test]
fn match_text() {
    check(&["match", "--format", "text"], &prose(), false);
}

#[test]
fn dates() {
    check(&["dates"], &prose(), false);
}

#[test]
fn calendar() {
    check(
        &["calendar", "--to", "hijri", "--keep-going"],
        &date_lines(),
        false,
    );
}

#[test]
fn a_directory_as_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = nass().arg("tokenize").arg(dir.path()).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!("nass: cannot read {}", dir.path().display())),
        "{stderr}"
    );
}
