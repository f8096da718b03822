//! The parser never panics, hangs or overflows: prefixes of the golden sources and
//! single-byte deletions from them must give `Ok` or a clean `ParseError`, and so must
//! programs far beyond CPython's limits.

use std::path::Path;

use pyc_parser::{parse_module, ParseErrorKind};

/// Parses `source`, checking any error points inside (or just past) the source and has a
/// message (only CPython's `MemoryError` has none).
fn check(source: &str) {
    if let Err(e) = parse_module(source) {
        assert!(e.span.start as usize <= source.len(), "{source:?}: {e:?}");
        assert!(!e.message.is_empty() || e.kind == ParseErrorKind::Memory);
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
            // Every few bytes in small sources; some 60 cuts and deletions in deep ones,
            // whose parses are slow.
            for &i in cuts.iter().step_by((cuts.len() / 60).max(3)) {
                check(&source[..i]);
            }
            for w in cuts.windows(2).step_by((cuts.len() / 60).max(11)) {
                check(&format!("{}{}", &source[..w[0]], &source[w[1]..]));
            }
        }
    }
}

/// Programs far beyond CPython's limits fail as CPython 3.11 fails on them (each outcome
/// was taken from `compile(source, 'f', 'exec')`), and programs CPython accepts at any
/// length parse.
#[test]
fn pathological_programs_fail_as_in_cpython() {
    use ParseErrorKind::{Indentation, Memory, Recursion, Syntax};
    let cases = [
        ("(".repeat(100_000), Syntax, "too many nested parentheses"),
        (format!("x = {}1", "-".repeat(200_000)), Memory, ""),
        (format!("x = {}1", "not ".repeat(50_000)), Memory, ""),
        (format!("x = {}1", "lambda: ".repeat(50_000)), Memory, ""),
        (format!("x = {}0", "1 if 1 else ".repeat(7_000)), Memory, ""),
        (
            format!("if x:\n pass\n{}", "elif x:\n pass\n".repeat(7_000)),
            Memory,
            "",
        ),
        (
            format!("x = {}", vec!["x"; 10_000].join("+")),
            Recursion,
            "maximum recursion depth exceeded during compilation",
        ),
        (
            format!("x = f{}", "()".repeat(10_000)),
            Recursion,
            "maximum recursion depth exceeded during compilation",
        ),
        (
            format!("x = f'{}x{}'", "{x:".repeat(10_000), "}".repeat(10_000)),
            Syntax,
            "f-string: expressions nested too deeply",
        ),
        (
            format!("x = f'{}x{}'", "{(".repeat(150), ")}".repeat(150)),
            Syntax,
            "f-string: too many nested parenthesis",
        ),
        (
            "if x:\n".repeat(300),
            Indentation,
            "expected an indented block after 'if' statement on line 1",
        ),
    ];
    for (src, kind, message) in cases {
        let e = parse_module(&src).unwrap_err();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (kind, message),
            "{}",
            &src[..40]
        );
    }
    for src in [
        format!("x = {}", vec!["'a'"; 100_000].join(" ")),
        format!("x = {}", vec!["b'a'"; 100_000].join(" ")),
    ] {
        assert!(parse_module(&src).is_ok(), "{}", &src[..40]);
    }
}

/// f-string fields are parsed as `(expression)` by a parser of their own: 199 nested
/// brackets fit, 200 meet its tokenizer's limit, 201 the f-string scanner's (outcomes
/// from CPython 3.11).
#[test]
fn fstring_fields_nest_brackets_as_in_cpython() {
    let field = |n: usize| format!("x = f'{{{}1{}}}'\n", "(".repeat(n), ")".repeat(n));
    assert!(parse_module(&field(199)).is_ok());
    assert_eq!(
        parse_module(&field(200)).unwrap_err().message,
        "too many nested parentheses"
    );
    assert_eq!(
        parse_module(&field(201)).unwrap_err().message,
        "f-string: too many nested parenthesis"
    );
}
