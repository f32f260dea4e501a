//! Shared helpers for the workspace's cross-crate and corpus tests.
//!
//! The corpus is a folder of UTF-8 text files named by `NASS_CORPUS`, or
//! `../shared/corpus` relative to the workspace root when the variable is unset (or
//! empty). A relative `NASS_CORPUS` is taken relative to the workspace root too, so the
//! same setting works from `.ci/run` and from `cargo test` (which runs each test in its
//! package's folder).
//!
//! Whether a corpus test runs is [`corpus_policy`]'s decision:
//! - `NASS_CORPUS` set: the corpus must be there; a missing, unreadable or empty folder
//!   fails the test (`.ci/run` sets it, so CI never skips);
//! - unset, and the default folder exists: it is read, under the same rules;
//! - unset, and the default folder is missing (a clone with nothing beside it): the
//!   corpus helpers print `corpus not found at ...: skipping (set NASS_CORPUS)` to
//!   standard error (shown with `--nocapture`) and return `None`, and the test returns
//!   early.
//!
//! A corpus test starts with
//! `let Some(lines) = nass_tests::corpus_lines() else { return };`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// `text` as Arabic presentation forms show it (the contextual forms and ligatures that
/// text extracted from PDF files and old encodings holds): each letter that has a
/// presentation form as its first one in the blocks (mostly its isolated form), and
/// with `lam_alef` each لا as the one ligature U+FEFB. What NFKC makes of the result is
/// `text` again. Other characters are left as they are.
///
/// ```
/// assert_eq!(nass_tests::presentation_forms("سلام", true), "\u{FEB1}\u{FEFB}\u{FEE1}");
/// ```
pub fn presentation_forms(text: &str, lam_alef: bool) -> String {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    use unicode_normalization::UnicodeNormalization;
    static FORMS: OnceLock<HashMap<char, char>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut forms = HashMap::new();
        for form in (0xFB50..=0xFEFFu32).filter_map(char::from_u32) {
            let mut base = std::iter::once(form).nfkc();
            if let (Some(b), None) = (base.next(), base.next()) {
                if b != form {
                    forms.entry(b).or_insert(form);
                }
            }
        }
        forms
    });
    let text = if lam_alef {
        text.replace("لا", "\u{FEFB}")
    } else {
        text.to_string()
    };
    text.chars().map(|c| *forms.get(&c).unwrap_or(&c)).collect()
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    tests.parent().unwrap_or(tests).to_path_buf()
}

/// The corpus folder when `NASS_CORPUS` is unset: `../shared/corpus` beside the
/// workspace.
pub fn default_corpus_dir() -> PathBuf {
    let root = workspace_root();
    root.parent().unwrap_or(&root).join("shared/corpus")
}

/// What the corpus tests do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusPolicy {
    /// Read the corpus in this folder; a missing, unreadable or empty folder fails.
    Require(PathBuf),
    /// Skip: nothing names a corpus and the default folder (this path) is missing.
    Skip(PathBuf),
}

/// The decision, from the value of `NASS_CORPUS` (`None` when unset; an empty value
/// counts as unset, as in `.ci/run`'s `${NASS_CORPUS:-...}`) and whether
/// [`default_corpus_dir`] exists.
///
/// ```
/// use nass_tests::{corpus_policy, default_corpus_dir, CorpusPolicy};
///
/// // Named: required, even when missing (the test fails rather than skips).
/// let named = corpus_policy(Some("/no/such/corpus".into()), false);
/// assert_eq!(named, CorpusPolicy::Require("/no/such/corpus".into()));
/// // Not named, no default folder: skipped.
/// assert_eq!(corpus_policy(None, false), CorpusPolicy::Skip(default_corpus_dir()));
/// ```
pub fn corpus_policy(env: Option<OsString>, default_exists: bool) -> CorpusPolicy {
    match env.filter(|value| !value.is_empty()) {
        Some(value) => {
            let dir = PathBuf::from(value);
            CorpusPolicy::Require(if dir.is_absolute() {
                dir
            } else {
                workspace_root().join(dir)
            })
        }
        None if default_exists => CorpusPolicy::Require(default_corpus_dir()),
        None => CorpusPolicy::Skip(default_corpus_dir()),
    }
}

/// Every corpus file's name and text, sorted by name; `None` (with a line on standard
/// error) when the corpus tests are skipped. Panics (failing the test) when the corpus
/// is required and its folder is missing, unreadable or empty.
pub fn corpus_files() -> Option<Vec<(String, String)>> {
    let env = std::env::var_os("NASS_CORPUS");
    match corpus_policy(env, default_corpus_dir().exists()) {
        CorpusPolicy::Require(dir) => Some(read_corpus(&dir)),
        CorpusPolicy::Skip(dir) => {
            eprintln!(
                "corpus not found at {}: skipping (set NASS_CORPUS)",
                dir.display()
            );
            None
        }
    }
}

/// Every file of `dir`, name and text, sorted by name. Panics when the folder is missing,
/// unreadable or empty, or a file is not UTF-8 text.
fn read_corpus(dir: &Path) -> Vec<(String, String)> {
    let entries = std::fs::read_dir(dir)
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
        "corpus folder {} (NASS_CORPUS) is empty",
        dir.display()
    );
    files.sort();
    files
}

/// Every non-empty line of the corpus; `None` when the corpus tests are skipped.
pub fn corpus_lines() -> Option<Vec<String>> {
    let files = corpus_files()?;
    Some(
        files
            .iter()
            .flat_map(|(_, text)| text.lines().filter(|l| !l.trim().is_empty()))
            .map(str::to_string)
            .collect(),
    )
}

/// The whole corpus as one string: every file's text, in name order; `None` when the
/// corpus tests are skipped.
pub fn corpus_text() -> Option<String> {
    Some(corpus_files()?.into_iter().map(|(_, text)| text).collect())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_corpus_is_required_whether_or_not_the_default_exists() {
        for default_exists in [false, true] {
            assert_eq!(
                corpus_policy(Some("/abs/corpus".into()), default_exists),
                CorpusPolicy::Require("/abs/corpus".into())
            );
            // Relative to the workspace root, not to the test's package folder.
            assert_eq!(
                corpus_policy(Some("../shared/corpus".into()), default_exists),
                CorpusPolicy::Require(workspace_root().join("../shared/corpus"))
            );
        }
    }

    #[test]
    fn no_name_reads_the_default_folder_or_skips_when_it_is_missing() {
        assert_eq!(
            corpus_policy(None, true),
            CorpusPolicy::Require(default_corpus_dir())
        );
        assert_eq!(
            corpus_policy(None, false),
            CorpusPolicy::Skip(default_corpus_dir())
        );
        // An empty value is no name.
        assert_eq!(
            corpus_policy(Some("".into()), false),
            CorpusPolicy::Skip(default_corpus_dir())
        );
        assert_eq!(
            corpus_policy(Some("".into()), true),
            CorpusPolicy::Require(default_corpus_dir())
        );
    }

    #[test]
    fn a_required_corpus_is_read_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "ثانيا\n").unwrap();
        std::fs::write(dir.path().join("a.txt"), "أولا\n").unwrap();
        assert_eq!(
            read_corpus(dir.path()),
            [
                ("a.txt".to_string(), "أولا\n".to_string()),
                ("b.txt".to_string(), "ثانيا\n".to_string()),
            ]
        );
    }

    #[test]
    #[should_panic(expected = "is empty")]
    fn a_required_empty_corpus_fails() {
        let dir = tempfile::tempdir().unwrap();
        read_corpus(dir.path());
    }

    #[test]
    #[should_panic(expected = "(NASS_CORPUS)")]
    fn a_required_missing_corpus_fails() {
        let dir = tempfile::tempdir().unwrap();
        read_corpus(&dir.path().join("missing"));
    }
}
