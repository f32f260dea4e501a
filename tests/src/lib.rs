//! Shared helpers for the workspace's cross-crate and corpus tests.
//!
//! The corpus is a folder of UTF-8 text files named by `NASS_CORPUS`, or
//! `../shared/corpus` relative to the workspace root when the variable is unset. A relative
//! `NASS_CORPUS` is taken relative to the workspace root too, so the same setting works
//! from `.ci/run` and from `cargo test` (which runs each test in its package's folder).
//! A missing or empty corpus is a test failure, never a skip.

use std::path::PathBuf;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The corpus folder.
pub fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("NASS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"));
    if dir.is_absolute() {
        dir
    } else {
        workspace_root().join(dir)
    }
}

/// Every corpus file's name and text, sorted by name. Panics (failing the test) when
/// the folder is missing, unreadable or empty.
pub fn corpus_files() -> Vec<(String, String)> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus folder {} (NASS_CORPUS): {e}", dir.display()));
    let mut files: Vec<(String, String)> = entries
        .map(|e| {
            let path = e.expect("corpus entry").path();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("corpus file {}: {e}", path.display()));
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                text,
            )
        })
        .collect();
    assert!(
        !files.is_empty(),
        "corpus folder {} is empty",
        dir.display()
    );
    files.sort();
    files
}

/// Every non-empty line of the corpus.
pub fn corpus_lines() -> Vec<String> {
    corpus_files()
        .iter()
        .flat_map(|(_, text)| {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The whole corpus as one string: every file's text, in name order.
pub fn corpus_text() -> String {
    corpus_files().into_iter().map(|(_, text)| text).collect()
}

/// `text` repeated until the result holds at least `len` bytes (benchmark inputs).
pub fn repeat_to(text: &str, len: usize) -> String {
    assert!(!text.is_empty(), "cannot grow empty text to {len} bytes");
    let mut out = String::with_capacity(len + text.len());
    while out.len() < len {
        out.push_str(text);
    }
    out
}
