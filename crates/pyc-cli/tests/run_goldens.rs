//! Golden tests for `pyc-run`: each `tests/data/run/NAME.py` is run from its own
//! directory and must print exactly what CPython 3.11 printed, recorded in `NAME.out`
//! by `tools/bless-run-goldens` (standard output, `--- exit N ---`, then standard
//! error when N is not 0; see that script for the normalisations).

mod common;

use std::path::Path;

use common::{check_all, compare, data_dir, file_name, normalise_stderr, Run, PYC_RUN};

/// Runs one case and renders what it did in the `.out` format.
fn actual_output(script: &Path) -> String {
    let dir = script.parent().unwrap();
    let output = Run::new(PYC_RUN, &[&file_name(script)])
        .current_dir(dir)
        .output();
    let mut text = common::mask_addresses(&output.stdout);
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    let code = output
        .code
        .map_or("killed by a signal".to_string(), |c| c.to_string());
    text += &format!("--- exit {code} ---\n");
    if output.code != Some(0) {
        text += &normalise_stderr(&output.stderr, dir);
    }
    text
}

fn check_case(script: &Path) -> Result<(), String> {
    let expected = common::read_expected(&script.with_extension("out"));
    compare(&expected, &actual_output(script))
        .map_err(|diff| format!("(- expected, from CPython; + pyc-run)\n{diff}"))
}

#[test]
fn run_goldens_match_cpython() {
    check_all(&common::cases(&data_dir("run")), check_case);
}
