//! The parser never panics, hangs or overflows: every prefix of every golden source and
//! every single-byte deletion from it must give `Ok` or a clean `ParseError`.

use std::path::Path;

use pyc_parser::parse_module;

/// Parses `source`, checking any error points inside (or just past) the source.
fn check(source: &str) {
    if let Err(e) = parse_module(source) {
        assert!(e.span.start as usize <= source.len(), "{source:?}: {e:?}");
        assert!(!e.message.is_empty());
    }
}

#[test]
fn truncated_and_mutilated_sources_fail_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for sub in ["ok", "err"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "py") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            if source.len() > 2000 {
                continue;
            }
            let cuts: Vec<usize> = (0..=source.len())
                .filter(|&i| source.is_char_boundary(i))
                .collect();
            for &i in cuts.iter().step_by(3) {
                check(&source[..i]);
            }
            for w in cuts.windows(2).step_by(11) {
                check(&format!("{}{}", &source[..w[0]], &source[w[1]..]));
            }
        }
    }
}

#[test]
fn pathological_nesting_is_a_clean_error() {
    for src in [
        "(".repeat(100_000),
        format!("x = {}1", "-".repeat(200_000)),
        format!("x = {}1", "not ".repeat(50_000)),
        format!("x = {}1", "lambda: ".repeat(50_000)),
        format!("x = 1{}", ".a".repeat(50_000)),
        format!("x = {}0", "1 if 1 else ".repeat(20_000)),
        format!("x = f'{}x{}'", "{x:".repeat(10_000), "}".repeat(10_000)),
        format!("x = f'{}x{}'", "{(".repeat(150), ")}".repeat(150)),
        "if x:\n".repeat(300),
    ] {
        assert!(parse_module(&src).is_err(), "{}", &src[..40.min(src.len())]);
    }
}
