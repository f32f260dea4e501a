//! `nass calendar` end to end. Dates checked by hand against the Umm al-Qura calendar:
//! 1 Ramadan 1445 = 11 March 2024, 1 Sha'ban 1445 = 11 February 2024, and the first day
//! of the table, 1 Muharram 1343 = 1 August 1924.

use predicates::prelude::*;

mod common;
use common::{nass, run_str};

#[test]
fn both_ways_line_for_line_with_line_endings_kept() {
    assert_eq!(
        run_str(
            &["calendar", "--to", "hijri"],
            "2024-03-11\n2024-02-11\r\n1924-08-01"
        ),
        "1445-09-01\n1445-08-01\r\n1343-01-01"
    );
    assert_eq!(
        run_str(
            &["calendar", "--to", "gregorian"],
            "1445-09-01\n1343-01-01\n"
        ),
        "2024-03-11\n1924-08-01\n"
    );
    // A tabular calendar by name: the astronomical epoch starts a day later here.
    assert_eq!(
        run_str(
            &["calendar", "--to", "hijri", "--calendar", "islamic-tbla"],
            "2024-03-11\n"
        ),
        "1445-09-02\n"
    );
}

#[test]
fn arabic_format_in_any_month_system_and_digit_set() {
    assert_eq!(
        run_str(
            &["calendar", "--to", "hijri", "--format", "arabic"],
            "2024-03-11\n"
        ),
        "1 رمضان 1445 هـ\n"
    );
    assert_eq!(
        run_str(
            &[
                "calendar",
                "--to",
                "gregorian",
                "--format",
                "arabic",
                "--months",
                "syriac",
                "--digits",
                "arabic"
            ],
            "1445-09-01\n"
        ),
        "١١ آذار ٢٠٢٤\n"
    );
}

#[test]
fn a_bad_line_stops_with_its_number_and_the_range() {
    nass()
        .args(["calendar", "--to", "hijri"])
        .write_stdin("2024-03-11\n1900-01-01\n2024-02-11\n")
        .assert()
        .failure()
        .stdout("1445-09-01\n")
        .stderr(predicate::str::starts_with("nass: line 2: 1900-01-01"))
        .stderr(predicate::str::contains("1924-08-01..2077-11-16"));
    // A malformed date names the range too.
    nass()
        .args(["calendar", "--to", "gregorian"])
        .write_stdin("1445-13-01\n")
        .assert()
        .failure()
        .stderr(predicate::str::starts_with("nass: line 1:"))
        .stderr(predicate::str::contains(
            "between 1924-08-01 and 2077-11-16 (1343-01-01..1500-12-30 AH",
        ));
}

#[test]
fn keep_going_writes_an_empty_line_and_fails_at_the_end() {
    nass()
        .args(["calendar", "--to", "hijri", "--keep-going"])
        .write_stdin("2024-03-11\nnot a date\n\n2024-02-11\n")
        .assert()
        .failure()
        .stdout("1445-09-01\n\n\n1445-08-01\n")
        .stderr(predicate::str::contains("nass: line 2:"))
        .stderr(predicate::str::contains("nass: line 3: empty line"));
}

#[test]
fn day_zero_is_named_as_the_problem() {
    nass()
        .args(["calendar", "--to", "hijri"])
        .write_stdin("2024-01-00\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "2024-01-00: day 0 does not exist (days count from 1)",
        ))
        .stderr(predicate::str::contains("has 31 days").not());
}
