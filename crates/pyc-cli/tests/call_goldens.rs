//! The generated call combinations (`tools/gen-call-goldens`): every sequence of up to
//! four positional, `*`, keyword and `**` arguments that Python accepts, in function
//! calls, method calls, decorators and class definitions, and calls around CPython's
//! stack guideline. For each `tests/data/calls/NAME.py`, `pyc-run` must print what
//! CPython printed (`NAME.out`) and `pyc-dis` must list CPython's instructions
//! (`NAME.cpython`, compared as in `dis_goldens`).

mod common;

use std::path::Path;

use common::{check_against_cpython, check_all, compare, data_dir, read_expected, run_output};

fn check_case(script: &Path) -> Result<(), String> {
    let expected = read_expected(&script.with_extension("out"));
    let run = compare(&expected, &run_output(script))
        .map_err(|diff| format!("--- output (- expected, from CPython; + pyc-run)\n{diff}"));
    match (run, check_against_cpython(script)) {
        (Ok(()), Ok(())) => Ok(()),
        (a, b) => Err([a.err(), b.err()].into_iter().flatten().collect()),
    }
}

#[test]
fn call_combinations_run_and_compile_as_in_cpython() {
    check_all(&common::cases(&data_dir("calls")), check_case);
}
