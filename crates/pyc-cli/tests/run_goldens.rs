//! Golden tests for `pyc-run`: each `tests/data/run/NAME.py` is run from its own
//! directory and must print exactly what CPython 3.11 printed, recorded in `NAME.out`
//! by `tools/bless-run-goldens` (standard output, `--- exit N ---`, then standard
//! error when N is not 0; see that script for the normalisations).

mod common;

use std::path::Path;

use common::{check_all, compare, data_dir, run_output};

fn check_case(script: &Path) -> Result<(), String> {
    let expected = common::read_expected(&script.with_extension("out"));
    compare(&expected, &run_output(script))
        .map_err(|diff| format!("(- expected, from CPython; + pyc-run)\n{diff}"))
}

#[test]
fn run_goldens_match_cpython() {
    check_all(&common::cases(&data_dir("run")), check_case);
}
