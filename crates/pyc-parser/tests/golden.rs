//! Golden tests: `data/ok/*.py` must parse to the dump in `.ast`; `data/err/*.py` must fail
//! with `line:col: Kind: message` as in `.err`. `PYC_BLESS=1` rewrites the expectations.

use std::path::Path;

use pyc_parser::{dump::dump_module, parse_module, LineIndex, ParseErrorKind};

/// What a source file produces: its AST dump or its error line.
fn outcome(source: &str) -> String {
    match parse_module(source) {
        Ok(module) => dump_module(source, &module),
        Err(e) => {
            let (line, col) = LineIndex::new(source).line_col(source, e.span.start);
            let kind = match e.kind {
                ParseErrorKind::Syntax => "Syntax",
                ParseErrorKind::Indentation => "Indentation",
                ParseErrorKind::Tab => "Tab",
            };
            format!("{line}:{col}: {kind}: {}\n", e.message)
        }
    }
}

/// Checks (or blesses) every `.py` in `dir` against its `ext` sibling.
fn run_dir(dir: &str, ext: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir);
    let bless = std::env::var_os("PYC_BLESS").is_some();
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for py in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
    {
        let source = std::fs::read_to_string(py).unwrap();
        let got = outcome(&source);
        let expected_path = py.with_extension(ext);
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
        } else if std::fs::read_to_string(&expected_path).ok().as_deref() != Some(got.as_str()) {
            failures.push(format!("{}:\n{got}", py.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn ok_files_parse_to_expected_ast() {
    run_dir("ok", "ast");
}

#[test]
fn err_files_fail_with_expected_error() {
    run_dir("err", "err");
}
