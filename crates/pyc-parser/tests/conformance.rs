//! Every program of the shared conformance corpus is valid Python and must parse.
//!
//! The corpus lives outside the workspace, in `../shared/conformance` next to it; the test
//! fails when it is missing or empty rather than passing without having parsed anything.

use pyc_parser::parse_module;

#[test]
fn conformance_corpus_parses() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/conformance");
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
        panic!("the shared conformance corpus {dir} (a sibling of the workspace) is missing: {e}")
    });
    let mut parsed = 0;
    let mut failures = Vec::new();
    for path in entries.map(|e| e.unwrap().path()) {
        if path.extension().is_some_and(|e| e == "py") {
            let source = std::fs::read_to_string(&path).unwrap();
            if let Err(e) = parse_module(&source) {
                failures.push(format!("{}: {e:?}", path.display()));
            }
            parsed += 1;
        }
    }
    assert!(
        parsed > 0,
        "the shared conformance corpus {dir} has no .py files"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
