//! Golden tests for `pyc-dis`: for each `tests/data/dis/NAME.py`, `pyc-dis NAME.py` must
//! print `NAME.dis` and `pyc-dis --closures NAME.py` must print `NAME.closures`
//! (addresses masked). The goldens were written by `tools/bless-dis-goldens` and checked
//! by hand against `python3 -m dis`; `PYC_BLESS=1 cargo test --test dis_goldens`
//! rewrites them instead of comparing (review the diff before committing).

mod common;

use std::path::Path;

use common::{check_all, compare, data_dir, file_name, mask_addresses, Run, PYC_DIS};

/// The two views of a script that are checked, with the golden file suffix of each.
const VIEWS: [(&str, &[&str]); 2] = [("dis", &[]), ("closures", &["--closures"])];

fn check_case(script: &Path) -> Result<(), String> {
    let bless = std::env::var_os("PYC_BLESS").is_some_and(|v| v == "1");
    let mut problems = String::new();
    for (suffix, flags) in VIEWS {
        let name = file_name(script);
        let mut args = flags.to_vec();
        args.push(&name);
        let output = Run::new(PYC_DIS, &args)
            .current_dir(script.parent().unwrap())
            .output();
        if output.code != Some(0) {
            problems += &format!(
                "pyc-dis {args:?} exited {:?}:\n{}",
                output.code, output.stderr
            );
            continue;
        }
        let actual = mask_addresses(&output.stdout);
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

#[test]
fn dis_goldens_match() {
    check_all(&common::cases(&data_dir("dis")), check_case);
}
