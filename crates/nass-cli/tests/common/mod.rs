//! Helpers shared by the CLI test files.
#![allow(dead_code)] // each test file uses a different subset

use assert_cmd::Command;

/// The `nass` binary under test.
pub fn nass() -> Command {
    Command::cargo_bin("nass").unwrap()
}

/// Runs `nass ARGS` on `input`, asserts success, returns standard output.
pub fn run_ok(args: &[&str], input: &[u8]) -> Vec<u8> {
    let out = nass().args(args).write_stdin(input).output().unwrap();
    assert!(
        out.status.success(),
        "nass {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// As [`run_ok`], as a string.
pub fn run_str(args: &[&str], input: &str) -> String {
    String::from_utf8(run_ok(args, input.as_bytes())).expect("output is UTF-8")
}

/// Parses JSON Lines output.
pub fn json_lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

/// Asserts that `nass ARGS --chunk-size N` writes what `nass ARGS` writes on `input`, for
/// every N of `chunks`.
pub fn assert_same_for_chunk_sizes(
    args: &[&str],
    input: &str,
    chunks: impl IntoIterator<Item = usize>,
) {
    let whole = run_ok(args, input.as_bytes());
    for chunk in chunks {
        let chunk = chunk.to_string();
        let with_chunk = [args, &["--chunk-size", &chunk]].concat();
        assert_eq!(
            String::from_utf8_lossy(&run_ok(&with_chunk, input.as_bytes())),
            String::from_utf8_lossy(&whole),
            "{args:?} with chunk size {chunk}"
        );
    }
}

/// Asserts that `nass ARGS --threads T --chunk-size N` writes what `nass ARGS --threads 1`
/// writes on `input`, for T of 1, 2 and 4 and every N of `chunks` (and the default).
pub fn assert_same_for_threads_and_chunk_sizes(
    args: &[&str],
    input: &[u8],
    chunks: impl IntoIterator<Item = usize>,
) {
    let one = run_ok(&[args, &["--threads", "1"]].concat(), input);
    assert!(!one.is_empty(), "{args:?}: the test needs output");
    let chunks: Vec<Option<String>> = std::iter::once(None)
        .chain(chunks.into_iter().map(|c| Some(c.to_string())))
        .collect();
    for threads in ["1", "2", "4"] {
        for chunk in &chunks {
            let mut with = [args, &["--threads", threads]].concat();
            if let Some(chunk) = chunk {
                with.extend(["--chunk-size", chunk.as_str()]);
            }
            let got = run_ok(&with, input);
            assert!(
                got == one,
                "{with:?}: {} bytes, not the {} of --threads 1",
                got.len(),
                one.len()
            );
        }
    }
}
