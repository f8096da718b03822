//! Golden tests for `pyc-dis`. For each `tests/data/dis/NAME.py`:
//! - its instructions must be CPython 3.11's: `pyc-dis NAME.py` and `NAME.cpython`
//!   (what `python3 -m dis NAME.py` printed) must be equal once both are reduced by
//!   `common::listing::normalise` (no `CACHE` or `PRECALL`, jumps and exception table
//!   rows by instruction index);
//! - its layout must not drift: `pyc-dis NAME.py` must print `NAME.dis` and
//!   `pyc-dis --closures NAME.py` must print `NAME.closures` (addresses masked).
//!
//! `tools/bless-dis-goldens` writes all three; `PYC_BLESS=1 cargo test --test
//! dis_goldens` rewrites the two pyc-dis ones from the test binary (review the diff).

mod common;

use std::path::Path;

use common::{check_against_cpython, check_all, compare, data_dir, dis_output, file_name};

/// pyc-dis's own views of a script, with the golden file suffix of each.
const VIEWS: [(&str, &[&str]); 2] = [("dis", &[]), ("closures", &["--closures"])];

fn check_layout(script: &Path) -> Result<(), String> {
    let bless = std::env::var_os("PYC_BLESS").is_some_and(|v| v == "1");
    let mut problems = String::new();
    for (suffix, flags) in VIEWS {
        let actual = match dis_output(script, flags) {
            Ok(text) => text,
            Err(problem) => {
                problems += &problem;
                continue;
            }
        };
        let golden = script.with_extension(suffix);
        if bless {
            std::fs::write(&golden, &actual).expect("cannot write the golden file");
        } else if let Err(diff) = compare(&common::read_expected(&golden), &actual) {
            problems += &format!("--- {} (- expected, + pyc-dis)\n{diff}", file_name(&golden));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn check_case(script: &Path) -> Result<(), String> {
    let cpython = check_against_cpython(script);
    let layout = check_layout(script);
    match (cpython, layout) {
        (Ok(()), Ok(())) => Ok(()),
        (a, b) => Err([a.err(), b.err()].into_iter().flatten().collect()),
    }
}

#[test]
fn dis_goldens_match_cpython_and_their_layout() {
    check_all(&common::cases(&data_dir("dis")), check_case);
}
