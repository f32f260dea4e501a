//! Errors: a read error is reported as a read error (never as a write error), whatever
//! is being read; the exit statuses are documented in `--help`.

mod common;
use common::nass;

/// Runs `nass ARGS`, which must fail with status 1; returns its standard error.
fn failure(args: &[&std::ffi::OsStr]) -> String {
    let out = nass().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_directory_read_as_a_file_is_a_read_error_for_every_reader() {
    // A directory opens as a file on Unix, and reading it fails: the error comes from
    // a read, and must say so.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().as_os_str();
    let name = dir.path().display().to_string();
    let cases: Vec<(Vec<&std::ffi::OsStr>, String)> = vec![
        (
            vec!["analyze".as_ref(), "--stopwords".as_ref(), d],
            format!("nass: cannot read {name}: "),
        ),
        (
            vec!["match".as_ref(), "--gazetteer".as_ref(), d],
            format!("nass: gazetteer {name}:"),
        ),
        (
            vec!["numbers".as_ref(), d],
            format!("nass: cannot read {name}: "),
        ),
        (
            vec!["normalize".as_ref(), "--threads".as_ref(), "2".as_ref(), d],
            format!("nass: cannot read {name}: "),
        ),
    ];
    for (args, want) in cases {
        let stderr = failure(&args);
        assert!(stderr.starts_with(&want), "{args:?}: {stderr}");
        assert!(!stderr.contains("write error"), "{args:?}: {stderr}");
    }
}

#[test]
fn help_lists_the_exit_statuses() {
    let out = nass().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    let at = help.find("Exit status:").expect("an exit status section");
    let section = &help[at..];
    for line in ["  0  success", "  1  an error", "  2  a usage error"] {
        assert!(section.contains(line), "{line:?} in {section}");
    }
}
