//! Golden tests for programs of several files: each folder `tests/data/programs/NAME/`
//! is run from inside that folder as `pyc-run ARGS` (ARGS from its `command` file,
//! default `main.py`) and must print what CPython 3.11 printed, recorded in
//! `expected.out` by `tools/bless-program-goldens` (see there for the normalisations).

mod common;

use std::path::{Path, PathBuf};

use common::{check_all, compare, data_dir, mask_addresses, Run, PYC_RUN};

/// unittest's `Ran N tests in 0.123s` with the time masked to `0.000s`.
fn mask_timing(text: &str) -> String {
    text.lines()
        .map(
            |line| match (line.strip_prefix("Ran "), line.rfind(" in ")) {
                (Some(_), Some(at)) if line.ends_with('s') => format!("{} in 0.000s", &line[..at]),
                _ => line.to_string(),
            },
        )
        .map(|line| line + "\n")
        .collect::<String>()
        .trim_end_matches('\n')
        .to_string()
        + if text.ends_with('\n') { "\n" } else { "" }
}

/// What pyc-run printed for the program in `dir`, in `expected.out`'s format.
fn program_output(dir: &Path) -> String {
    let command = std::fs::read_to_string(dir.join("command")).unwrap_or("main.py".into());
    let args: Vec<&str> = command
        .lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let output = Run::new(PYC_RUN, &args).current_dir(dir).output();
    let prefix = format!("{}/", dir.display());
    let normalise = |text: &str| mask_timing(&mask_addresses(&text.replace(&prefix, "<dir>/")));
    let mut text = normalise(&output.stdout);
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    let code = output
        .code
        .map_or("killed by a signal".to_string(), |c| c.to_string());
    text += &format!("--- exit {code} ---\n");
    if output.code != Some(0) {
        text += &normalise(&output.stderr);
    }
    text
}

fn check_program(dir: &Path) -> Result<(), String> {
    let expected = common::read_expected(&dir.join("expected.out"));
    compare(&expected, &program_output(dir))
        .map_err(|diff| format!("(- expected, from CPython; + pyc-run)\n{diff}"))
}

#[test]
fn programs_match_cpython() {
    let root = data_dir("programs");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("lists the programs")
        .map(|entry| entry.expect("reads an entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no programs in {}", root.display());
    check_all(&dirs, check_program);
}
