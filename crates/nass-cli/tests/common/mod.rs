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
