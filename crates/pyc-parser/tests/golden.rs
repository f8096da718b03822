//! Golden tests: `data/ok/*.py` must parse to the dump in `.ast`; `data/accept/*.py` (CPython's
//! limits, too deep to dump) must parse; `data/err/*.py` must fail with `line:col: Kind:
//! message` as in `.err` (`MemoryError` and `RecursionError: message` carry no position).
//! `tools/bless-parse-errors` writes the `.err` files from CPython and checks that it accepts
//! the others; `PYC_BLESS=1` rewrites the `.ast` dumps from pyc.

use std::path::{Path, PathBuf};

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
                ParseErrorKind::Memory => return "MemoryError\n".to_string(),
                ParseErrorKind::Recursion => return format!("RecursionError: {}\n", e.message),
            };
            format!("{line}:{col}: {kind}: {}\n", e.message)
        }
    }
}

/// The `.py` files of `data/<dir>`, sorted.
fn sources(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir);
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    entries.sort();
    entries
}

/// Checks every `.py` in `dir` against its `ext` sibling; with `blessable`, `PYC_BLESS`
/// rewrites the siblings instead.
fn run_dir(dir: &str, ext: &str, blessable: bool) {
    let bless = blessable && std::env::var_os("PYC_BLESS").is_some();
    let mut failures = Vec::new();
    for py in sources(dir) {
        let source = std::fs::read_to_string(&py).unwrap();
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
    run_dir("ok", "ast", true);
}

#[test]
fn err_files_fail_with_expected_error() {
    run_dir("err", "err", false);
}

#[test]
fn accept_files_parse() {
    let failures: Vec<String> = sources("accept")
        .into_iter()
        .filter_map(|py| {
            let source = std::fs::read_to_string(&py).unwrap();
            let e = parse_module(&source).err()?;
            Some(format!("{}: {e:?}", py.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
