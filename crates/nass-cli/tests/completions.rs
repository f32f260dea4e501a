//! `nass completions SHELL` and `nass manpage`: generated from the command line the binary
//! parses, so they must name every subcommand and option it accepts.

use std::io::Read;
use std::path::Path;
use std::process::{Command as StdCommand, Output, Stdio};

use nass::normalize::Preset;

mod common;
use common::{nass, run_ok};

const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "elvish", "powershell"];

/// The subcommands `nass --help` lists (its "Commands:" section), less `help`.
fn subcommands() -> Vec<String> {
    let help = String::from_utf8(run_ok(&["--help"], b"")).unwrap();
    let names: Vec<String> = help
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect();
    // The parse above found the list, not an empty or partial one.
    for known in ["normalize", "tokenize", "dates", "completions", "manpage"] {
        assert!(names.iter().any(|n| n == known), "{known} not in {names:?}");
    }
    names
}

fn stdout_of(args: &[&str]) -> String {
    String::from_utf8(run_ok(args, b"")).expect("UTF-8 output")
}

/// Whether `program` can be run here.
fn have(program: &str) -> bool {
    StdCommand::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Runs `program ARGS` with `script` on standard input.
fn check_syntax(program: &str, args: &[&str], script: &str) -> Output {
    assert_cmd::Command::new(program)
        .args(args)
        .write_stdin(script)
        .output()
        .unwrap()
}

#[test]
fn every_shell_script_names_every_subcommand_and_option() {
    let subcommands = subcommands();
    for shell in SHELLS {
        let script = stdout_of(&["completions", shell]);
        assert!(script.len() > 100, "{shell}: {script:?}");
        // `compile` is nested under `gazetteer`.
        for sub in subcommands.iter().map(String::as_str).chain(["compile"]) {
            assert!(script.contains(sub), "{shell} script lacks {sub}");
        }
        // Options and their values, from several subcommands (fish spells `--preset` as
        // `-l preset`).
        for long in ["preset", "lossy", "format", "to", "dir", "index", "output"] {
            let option = if shell == "fish" {
                format!("-l {long} ")
            } else {
                format!("--{long}")
            };
            assert!(script.contains(&option), "{shell} script lacks {option}");
        }
        // clap_complete's elvish and powershell scripts complete names, not values.
        if matches!(shell, "elvish" | "powershell") {
            continue;
        }
        for preset in Preset::ALL {
            assert!(
                script.contains(preset.name()),
                "{shell} script lacks {preset}"
            );
        }
    }
}

#[test]
fn manpage_dir_completes_folders() {
    let zsh = stdout_of(&["completions", "zsh"]);
    assert!(zsh.contains(":DIR:_files -/"), "{zsh}");
    let fish = stdout_of(&["completions", "fish"]);
    assert!(
        fish.lines()
            .any(|l| l.contains("-l dir ") && l.contains("__fish_complete_directories")),
        "{fish}"
    );
}

#[test]
fn unknown_shell_is_a_usage_error() {
    nass()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("tcsh"));
}

#[test]
fn bash_script_parses_and_completes() {
    let script = stdout_of(&["completions", "bash"]);
    let out = check_syntax("bash", &["-n"], &script);
    assert!(out.status.success(), "{out:?}");
    // Loaded, it completes the subcommands and normalize's presets.
    let driver = format!(
        "{script}\n\
         COMP_WORDS=(nass nor); COMP_CWORD=1; _nass nass nor nass; echo \"${{COMPREPLY[*]}}\"\n\
         COMP_WORDS=(nass normalize --preset ''); COMP_CWORD=3; _nass nass '' --preset; echo \"${{COMPREPLY[*]}}\"\n"
    );
    let out = check_syntax("bash", &[], &driver);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout} {:?}", out.stderr);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "normalize");
    let presets: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
    assert_eq!(lines[1], presets.join(" "));
}

#[test]
fn other_shells_scripts_parse_where_installed() {
    for (shell, program, args) in [
        ("zsh", "zsh", &["-n"][..]),
        ("fish", "fish", &["--no-execute"][..]),
    ] {
        if !have(program) {
            eprintln!("{program} is not installed: its script's syntax is not checked");
            continue;
        }
        let out = check_syntax(program, args, &stdout_of(&["completions", shell]));
        assert!(out.status.success(), "{shell}: {out:?}");
    }
}

#[test]
fn manpage_names_every_subcommand() {
    let page = stdout_of(&["manpage"]);
    assert!(page.contains(".TH nass 1"), "{page}");
    for sub in subcommands() {
        // Listed with a pointer to the subcommand's own page ('-' is escaped in roff).
        assert!(page.contains(&format!("nass\\-{sub}(1)")), "{sub}");
    }
    // `nass help` has no page of its own.
    assert!(!page.contains("nass\\-help"), "{page}");
    check_roff(&page);
}

#[test]
fn manpage_dir_writes_one_page_per_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("man1"); // created if missing
    let out = run_ok(&["manpage", "--dir", folder.to_str().unwrap()], b"");
    assert!(out.is_empty(), "{}", String::from_utf8_lossy(&out));
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    // Nested subcommands have pages of their own too.
    let mut expected: Vec<String> = subcommands()
        .iter()
        .map(|s| format!("nass-{s}.1"))
        .chain(["nass.1".to_string(), "nass-gazetteer-compile.1".to_string()])
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    // The root page is the one `nass manpage` writes; each other page is its subcommand's.
    assert_eq!(
        std::fs::read_to_string(folder.join("nass.1")).unwrap(),
        stdout_of(&["manpage"])
    );
    let normalize = std::fs::read_to_string(folder.join("nass-normalize.1")).unwrap();
    assert!(normalize.contains(".TH nass-normalize 1"), "{normalize}");
    assert!(normalize.contains("\\-\\-preset"), "{normalize}");
    let compile = std::fs::read_to_string(folder.join("nass-gazetteer-compile.1")).unwrap();
    assert!(compile.contains("\\-\\-output"), "{compile}");
    for name in &names {
        check_roff(&std::fs::read_to_string(folder.join(name)).unwrap());
    }
}

#[test]
fn manpage_dir_that_cannot_be_made_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "").unwrap();
    let target = file.join("man1");
    let out = nass()
        .args(["manpage", "--dir", target.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("nass: write error: ") && stderr.contains(target.to_str().unwrap()),
        "{stderr}"
    );
}

/// groff's warnings on a page, where groff is installed.
fn check_roff(page: &str) {
    if !have("groff") {
        eprintln!("groff is not installed: the man page's syntax is not checked");
        return;
    }
    let out = check_syntax("groff", &["-k", "-Tutf8", "-man", "-z", "-ww"], page);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// Standard output: a pipe whose reader has already gone, like `nass ... | true`.
fn closed_pipe() -> Stdio {
    let mut reader = StdCommand::new("true")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let write_end = reader.stdin.take().unwrap();
    reader.wait().unwrap(); // its read end is closed now
    Stdio::from(write_end)
}

fn run_with_stdout(args: &[&str], stdout: Stdio) -> (std::process::ExitStatus, String) {
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("nass"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (child.wait().unwrap(), stderr)
}

#[test]
fn closed_pipe_ends_quietly() {
    for args in SHELLS
        .iter()
        .map(|s| vec!["completions", s])
        .chain([vec!["manpage"]])
    {
        let (status, stderr) = run_with_stdout(&args, closed_pipe());
        assert!(status.success(), "{args:?}: {status:?} {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn write_error_is_reported() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    for args in [vec!["completions", "bash"], vec!["manpage"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let (status, stderr) = run_with_stdout(&args, Stdio::from(full));
        assert_eq!(status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("nass: write error"),
            "{args:?}: {stderr}"
        );
    }
}
