//! Programs at CPython 3.11's nesting limits compile on an ordinary test thread (2 MiB of
//! stack), and programs beyond them fail with the exception CPython raises, printed as
//! CPython prints it. The limits are CPython's (see the parser's `data/accept` and
//! `data/err` goldens, checked against it by `tools/bless-parse-errors`).

use pyc_compiler::{compile, ErrorKind};

/// `x = ` followed by `n` copies of `unit` around `core`.
fn nested(unit: &str, close: &str, n: usize, core: &str) -> String {
    format!("x = {}{core}{}\n", unit.repeat(n), close.repeat(n))
}

#[test]
fn programs_at_the_limits_compile() {
    let programs = [
        nested("-", "", 2998, "1"),
        nested("not ", "", 2998, "1"),
        nested("lambda: ", "", 2983, "1"),
        nested("1 if 1 else ", "", 2998, "0"),
        nested("[", "]", 200, "1"),
        nested("f(", ")", 200, "1"),
        nested("{1: ", "}", 200, "1"),
        format!("x = {}\n", vec!["1"; 2999].join("+")),
        format!("x = {}\n", vec!["2"; 2984].join("**")),
        format!("x = a{}\n", ".b".repeat(2998)),
        format!("x = f{}\n", "()".repeat(2998)),
        format!("if x:\n    pass\n{}", "elif x:\n    pass\n".repeat(2998)),
    ];
    for source in programs {
        if let Err(e) = compile(&source, "limits.py") {
            panic!("{}: {e}", &source[..30]);
        }
    }
}

#[test]
fn deeper_trees_are_a_recursion_error() {
    for source in [
        nested("-", "", 2999, "1"),
        format!("x = {}\n", vec!["1"; 3000].join("+")),
        format!("if x:\n    pass\n{}", "elif x:\n    pass\n".repeat(2999)),
    ] {
        let e = compile(&source, "limits.py").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Recursion);
        assert_eq!(
            e.render(true),
            "RecursionError: maximum recursion depth exceeded during compilation\n"
        );
    }
}

#[test]
fn deeper_parses_are_a_memory_error() {
    for source in [
        nested("lambda: ", "", 2984, "1"),
        nested("(1, ", ")", 200, "1"),
        nested("-", "", 10_000, "1"),
    ] {
        let e = compile(&source, "limits.py").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Memory);
        assert_eq!(e.render(true), "MemoryError\n");
    }
}
