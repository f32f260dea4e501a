//! `nass gazetteer compile` and `nass match --index`: an index matches exactly as the
//! lists it was compiled from, and a bad index or output is a clear error.

use std::path::{Path, PathBuf};

mod common;
use common::{assert_same_for_threads_and_chunk_sizes, json_lines, nass, run_ok};

const FORMATS: [&str; 3] = ["jsonl", "tsv", "text"];

/// Runs `nass gazetteer compile ARGS --output DIR/NAME`, asserts success, returns the path.
fn compile(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let index = dir.join(name);
    let out = nass()
        .args(["gazetteer", "compile", "--output"])
        .arg(&index)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "compile {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "compile writes nothing to stdout");
    index
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The files of `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn default_list_on_the_corpus_in_every_format() {
    let Some(corpus) = nass_tests::corpus_text() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, lists) in [
        ("default.idx", &[][..]),
        ("adjectives.idx", &["--adjectives"][..]),
    ] {
        let index = compile(dir.path(), name, lists);
        for format in FORMATS {
            let built = run_ok(
                &[&["match", "--format", format], lists].concat(),
                corpus.as_bytes(),
            );
            let indexed = run_ok(
                &["match", "--format", format, "--index", s(&index)],
                corpus.as_bytes(),
            );
            // The corpus is news about Iraq and its neighbours: the default list finds
            // places in it (so the comparison is not of two empty outputs).
            assert!(
                String::from_utf8_lossy(&built).contains("العراق"),
                "{format}: {}",
                String::from_utf8_lossy(&built)
            );
            assert_eq!(
                String::from_utf8_lossy(&indexed),
                String::from_utf8_lossy(&built),
                "{lists:?} --format {format}"
            );
        }
        // --overlapping reads the same index.
        let built = run_ok(
            &[&["match", "--overlapping"], lists].concat(),
            corpus.as_bytes(),
        );
        let indexed = run_ok(
            &["match", "--overlapping", "--index", s(&index)],
            corpus.as_bytes(),
        );
        assert_eq!(indexed, built, "{lists:?} --overlapping");
    }
}

const PEOPLE_TSV: &str = "\
# name\ttype\tvariants
سعيد الحربي\tperson\tسعيد حربي
نهر الفرات\triver
";

const ORGS_JSONL: &str = r#"{"name": "جمعية الهلال الأحمر", "type": "organization", "payload": {"id": 7, "tags": ["إغاثة", "طوارئ"]}}
{"name": "الكرمل", "type": "place", "variants": ["كرمل"], "payload": null}
"#;

const STORY: &str =
    "زار سعيد حربي ضفاف نهر الفرات، ثم التقى ممثلي جمعية الهلال الأحمر في الكرمل وفي بغداد.\n";

#[test]
fn tsv_and_jsonl_lists_with_payloads() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("people.tsv");
    let orgs = dir.path().join("orgs.jsonl");
    std::fs::write(&people, PEOPLE_TSV).unwrap();
    std::fs::write(&orgs, ORGS_JSONL).unwrap();
    let index = compile(
        dir.path(),
        "lists.idx",
        &["--no-default", s(&people), s(&orgs)],
    );
    let lists = [
        "--no-default",
        "--gazetteer",
        s(&people),
        "--gazetteer",
        s(&orgs),
    ];
    for format in FORMATS {
        let built = run_ok(
            &[&["match", "--format", format][..], &lists].concat(),
            STORY.as_bytes(),
        );
        let indexed = run_ok(
            &["match", "--format", format, "--index", s(&index)],
            STORY.as_bytes(),
        );
        assert_eq!(
            String::from_utf8_lossy(&indexed),
            String::from_utf8_lossy(&built),
            "--format {format}"
        );
    }
    // What the index finds, read by hand from STORY: the four names of the lists (one
    // through a variant), not بغداد (the default list is left out), the payload kept.
    let out = run_ok(&["match", "--index", s(&index)], STORY.as_bytes());
    let records = json_lines(std::str::from_utf8(&out).unwrap());
    let names: Vec<&str> = records
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["سعيد الحربي", "نهر الفرات", "جمعية الهلال الأحمر", "الكرمل"]
    );
    assert_eq!(records[0]["variant"], "سعيد حربي");
    assert_eq!(
        records[2]["payload"],
        serde_json::json!({"id": 7, "tags": ["إغاثة", "طوارئ"]})
    );
    assert!(records[3].get("payload").is_none(), "{}", records[3]);
}

#[test]
fn output_is_the_same_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let index = compile(dir.path(), "default.idx", &[]);
    let text = STORY.repeat(200) + "العراق وإيران والأردن\n";
    for format in FORMATS {
        assert_same_for_threads_and_chunk_sizes(
            &["match", "--format", format, "--index", s(&index)],
            text.as_bytes(),
            [7, 1000],
        );
    }
}

/// Runs `nass ARGS`, asserts it fails with status 1, nothing on stdout and a message
/// containing every one of `parts`; returns the message.
fn fails_with(args: &[&str], parts: &[&str]) -> String {
    let out = nass().args(args).write_stdin("العراق\n").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}");
    for part in parts {
        assert!(err.contains(part), "{args:?}: {err:?} lacks {part:?}");
    }
    err
}

#[test]
fn corrupt_truncated_or_foreign_index_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let index = compile(dir.path(), "good.idx", &[]);
    let bytes = std::fs::read(&index).unwrap();
    assert!(bytes.len() > 100);

    let flipped = dir.path().join("flipped.idx");
    let mut changed = bytes.clone();
    changed[bytes.len() / 2] ^= 0x10;
    std::fs::write(&flipped, &changed).unwrap();
    fails_with(
        &["match", "--index", s(&flipped)],
        &["nass: index ", s(&flipped), "corrupt"],
    );

    let truncated = dir.path().join("truncated.idx");
    std::fs::write(&truncated, &bytes[..bytes.len() - 1]).unwrap();
    fails_with(
        &["match", "--index", s(&truncated)],
        &[s(&truncated), "truncated"],
    );

    // A version no build writes.
    let version = dir.path().join("version.idx");
    let mut changed = bytes.clone();
    changed[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
    std::fs::write(&version, &changed).unwrap();
    fails_with(
        &["match", "--index", s(&version)],
        &[s(&version), "version"],
    );

    // A list given where an index is expected.
    let list = dir.path().join("list.tsv");
    std::fs::write(&list, PEOPLE_TSV).unwrap();
    fails_with(
        &["match", "--index", s(&list)],
        &[s(&list), "not a nass gazetteer index"],
    );

    let missing = dir.path().join("missing.idx");
    fails_with(&["match", "--index", s(&missing)], &[s(&missing)]);
}

#[test]
fn unwritable_output_is_an_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir").join("a.idx");
    fails_with(
        &["gazetteer", "compile", "--output", s(&missing)],
        &["nass: cannot write ", s(&missing)],
    );
    // A folder where the index should go: nothing of the attempt is left beside it.
    let folder = dir.path().join("folder.idx");
    std::fs::create_dir(&folder).unwrap();
    fails_with(
        &["gazetteer", "compile", "--output", s(&folder)],
        &["nass: cannot write ", s(&folder)],
    );
    assert_eq!(files_in(dir.path()), ["folder.idx"]);
    assert!(files_in(&folder).is_empty());
}

#[test]
fn a_failed_compile_leaves_the_old_index_whole() {
    let dir = tempfile::tempdir().unwrap();
    let index = compile(dir.path(), "places.idx", &[]);
    let before = std::fs::read(&index).unwrap();
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "بغداد\tcapital\nالبصرة\n").unwrap();
    fails_with(
        &["gazetteer", "compile", "--output", s(&index), s(&bad)],
        &[&format!("{}:2:", s(&bad)), "columns"],
    );
    assert_eq!(std::fs::read(&index).unwrap(), before);
    assert_eq!(files_in(dir.path()), ["bad.tsv", "places.idx"]);
    // A good compile replaces it.
    std::fs::write(&bad, "بغداد\tcapital\nالبصرة\tcity\n").unwrap();
    compile(dir.path(), "places.idx", &["--no-default", s(&bad)]);
    assert_ne!(std::fs::read(&index).unwrap(), before);
    assert_eq!(files_in(dir.path()), ["bad.tsv", "places.idx"]);
}

#[test]
fn index_conflicts_with_the_list_options() {
    for other in [
        &["--gazetteer", "x.tsv"][..],
        &["--no-default"][..],
        &["--adjectives"][..],
    ] {
        let out = nass()
            .args([&["match", "--index", "x.idx"][..], other].concat())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{other:?}: {err}");
        assert!(
            err.contains("'--index <INDEX>' cannot be used with"),
            "{other:?}: {err}"
        );
    }
    // compile needs --output.
    let out = nass().args(["gazetteer", "compile"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output"));
}
