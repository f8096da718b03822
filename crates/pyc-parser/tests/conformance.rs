//! Every program of the shared conformance corpus is valid Python and must parse.

use pyc_parser::parse_module;

#[test]
fn conformance_corpus_parses() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/conformance");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping: {dir} does not exist");
        return;
    };
    let mut failures = Vec::new();
    for path in entries.map(|e| e.unwrap().path()) {
        if path.extension().is_some_and(|e| e == "py") {
            let source = std::fs::read_to_string(&path).unwrap();
            if let Err(e) = parse_module(&source) {
                failures.push(format!("{}: {e:?}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
