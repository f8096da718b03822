//! Command-line behaviour of `pyc-run` and `pyc-dis`, as a user sees it: how programs
//! are named (file, `-c`, standard input), exit codes, the exact shape of tracebacks
//! and syntax errors (compared with what CPython 3.11 prints for the same input), and
//! that no input, however hostile, makes either binary panic.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::{is_marker_line, Output, Run, PYC_DIS, PYC_RUN};

/// Writes `source` to a fresh file `name` under Cargo's scratch directory for
/// integration tests and returns its absolute path.
fn script(name: &str, source: impl AsRef<[u8]>) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pyc-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap();
    path
}

fn run(args: &[&str]) -> Output {
    Run::new(PYC_RUN, args).output()
}

fn run_file(path: &std::path::Path) -> Output {
    run(&[path.to_str().unwrap()])
}

/// Checks the four lines CPython prints for a syntax error: the `File` line, the source
/// line indented by four, a caret line, and `message`.
fn assert_syntax_error(output: &Output, file_line: &str, source_line: &str, message: &str) {
    let lines: Vec<&str> = output.stderr.lines().collect();
    assert_eq!(output.code, Some(1), "stderr:\n{}", output.stderr);
    assert_eq!(
        lines.first(),
        Some(&file_line),
        "stderr:\n{}",
        output.stderr
    );
    assert_eq!(
        lines.get(1),
        Some(&source_line),
        "stderr:\n{}",
        output.stderr
    );
    assert!(
        lines
            .get(2)
            .is_some_and(|l| l.contains('^') && is_marker_line(l)),
        "no caret line under the source line:\n{}",
        output.stderr
    );
    assert_eq!(lines.last(), Some(&message), "stderr:\n{}", output.stderr);
    assert_eq!(lines.len(), 4, "stderr:\n{}", output.stderr);
}

#[test]
fn missing_script_is_reported_like_cpython() {
    let output = run(&["missing.py"]);
    assert_eq!(
        output.stderr,
        "pyc-run: can't open file 'missing.py': [Errno 2] No such file or directory\n"
    );
    assert_eq!(output.stdout, "");
    assert_eq!(output.code, Some(2));
}

#[test]
fn dash_c_runs_the_given_code() {
    let output = run(&["-c", "print(6*7)"]);
    assert_eq!((output.stdout.as_str(), output.code), ("42\n", Some(0)));
    assert_eq!(output.stderr, "");
}

#[test]
fn dash_c_runtime_error_has_string_frames_without_source_lines() {
    let output = run(&["-c", "def f():\n  return 1/0\nf()"]);
    assert_eq!(
        output.stderr,
        "Traceback (most recent call last):\n  \
         File \"<string>\", line 3, in <module>\n  \
         File \"<string>\", line 2, in f\n\
         ZeroDivisionError: division by zero\n"
    );
    assert_eq!(output.code, Some(1));
}

#[test]
fn dash_c_syntax_error_shows_the_line_like_cpython() {
    // CPython 3.11 prints the offending line of a `-c` program too.
    let output = run(&["-c", "x = (1,"]);
    assert_syntax_error(
        &output,
        "  File \"<string>\", line 1",
        "    x = (1,",
        "SyntaxError: '(' was never closed",
    );
}

#[test]
fn program_read_from_stdin_with_dash() {
    let output = Run::new(PYC_RUN, &["-"])
        .stdin(b"xs = [1, 2, 3]\nprint(sum(xs), len(xs))\n")
        .output();
    assert_eq!((output.stdout.as_str(), output.code), ("6 3\n", Some(0)));
}

#[test]
fn stdin_program_errors_name_stdin() {
    let program = b"def f():\n    return g()\ndef g():\n    return {}['k']\nf()\n";
    for args in [&["-"][..], &[][..]] {
        let output = Run::new(PYC_RUN, args).stdin(program).output();
        assert_eq!(
            output.stderr,
            "Traceback (most recent call last):\n  \
             File \"<stdin>\", line 5, in <module>\n  \
             File \"<stdin>\", line 2, in f\n  \
             File \"<stdin>\", line 4, in g\n\
             KeyError: 'k'\n",
            "pyc-run {args:?}"
        );
        assert_eq!(output.code, Some(1));
    }
}

#[test]
fn version_and_help() {
    let version = run(&["--version"]);
    assert_eq!(version.code, Some(0));
    assert!(
        version.stdout.starts_with("pyc-run 0."),
        "{}",
        version.stdout
    );
    let help = run(&["--help"]);
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("Usage: pyc-run"), "{}", help.stdout);
    assert!(help.stdout.contains("-c <CODE>"), "{}", help.stdout);
    let dis_help = Run::new(PYC_DIS, &["--help"]).output();
    assert!(
        dis_help.stdout.contains("--closures"),
        "{}",
        dis_help.stdout
    );
}

#[test]
fn parse_error_in_a_file_matches_cpython_exactly() {
    let path = script(
        "expected_colon.py",
        "total = 0\nfor i in range(3):\n    if i == 2\n        total += i\n",
    );
    let output = run_file(&path);
    let expected = format!(
        "  File \"{}\", line 3\n    if i == 2\n             ^\nSyntaxError: expected ':'\n",
        path.display()
    );
    assert_eq!(output.stderr, expected);
    assert_eq!((output.stdout.as_str(), output.code), ("", Some(1)));
}

#[test]
fn scope_error_in_a_file_points_at_the_statement() {
    let path = script(
        "no_binding.py",
        "print('never')\ndef outer():\n    def inner():\n        nonlocal missing\n    return inner\n",
    );
    let output = run_file(&path);
    assert_syntax_error(
        &output,
        &format!("  File \"{}\", line 4", path.display()),
        "    nonlocal missing",
        "SyntaxError: no binding for nonlocal 'missing' found",
    );
    assert_eq!(output.stdout, "", "nothing runs when compiling fails");
}

#[test]
fn uncaught_error_in_a_file_prints_a_traceback_with_source_lines() {
    let path = script(
        "traceback.py",
        "def outer(n):\n    def inner():\n        return [1, 2][n]\n    return inner()\n\nprint('start')\nouter(5)\n",
    );
    let output = run_file(&path);
    let file = path.display();
    assert_eq!(output.stdout, "start\n");
    assert_eq!(
        output.stderr,
        format!(
            "Traceback (most recent call last):\n  \
             File \"{file}\", line 7, in <module>\n    outer(5)\n  \
             File \"{file}\", line 4, in outer\n    return inner()\n           ^^^^^^^\n  \
             File \"{file}\", line 3, in inner\n    return [1, 2][n]\n           ~~~~~~^^^\n\
             IndexError: list index out of range\n"
        )
    );
    assert_eq!(output.code, Some(1));
}

#[test]
fn extra_arguments_are_passed_without_error() {
    let path = script("args.py", "print('ran')\n");
    let output = run(&[path.to_str().unwrap(), "a", "b", "-c", "--flag"]);
    assert_eq!((output.stdout.as_str(), output.code), ("ran\n", Some(0)));
}

#[test]
fn pyc_dis_prints_every_code_object() {
    let path = script(
        "dis_sections.py",
        "def make(n):\n    def add(x):\n        return x + n\n    return add\n",
    );
    let output = Run::new(PYC_DIS, &[path.to_str().unwrap()]).output();
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    let sections: Vec<&str> = output
        .stdout
        .lines()
        .filter(|l| l.starts_with("Disassembly of <code object "))
        .collect();
    assert_eq!(sections.len(), 2, "{}", output.stdout);
    assert!(sections[0].starts_with("Disassembly of <code object make at 0x"));
    assert!(sections[1].starts_with("Disassembly of <code object add at 0x"));
}

#[test]
fn pyc_dis_shows_the_closure_opcodes() {
    let output = Run::new(PYC_DIS, &["-c", "def f(x):\n  return lambda: x"]).output();
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    for op in ["MAKE_CELL", "LOAD_CLOSURE", "COPY_FREE_VARS", "LOAD_DEREF"] {
        assert!(output.stdout.contains(op), "no {op} in:\n{}", output.stdout);
    }
    assert!(output
        .stdout
        .contains("MAKE_FUNCTION            8 (closure)"));
}

#[test]
fn pyc_dis_closures_names_pass_through_functions() {
    let source = "def a():\n    v = 1\n    def b():\n        def c():\n            return v\n        return c\n    return b\n";
    let output = Run::new(PYC_DIS, &["--closures", "-c", source]).output();
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    assert!(
        output
            .stdout
            .contains("free v -> cell of a (passed through b)"),
        "{}",
        output.stdout
    );
    assert!(
        output.stdout.contains("cell v (captured by b, c)"),
        "{}",
        output.stdout
    );
}

#[test]
fn pyc_dis_missing_file_exits_2() {
    let output = Run::new(PYC_DIS, &["missing.py"]).output();
    assert_eq!(output.code, Some(2));
    assert_eq!(
        output.stderr,
        "pyc-dis: can't open file 'missing.py': [Errno 2] No such file or directory\n"
    );
}

#[test]
fn infinite_recursion_is_a_quick_recursion_error() {
    let started = Instant::now();
    let output = run(&["-c", "def f(): return f()\nf()"]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(output.code, Some(1));
    assert!(output
        .stderr
        .starts_with("Traceback (most recent call last):\n"));
    assert!(
        output
            .stderr
            .ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        output.stderr
    );
}

/// A hostile input and the exit codes CPython 3.11 gives for it: when run as a
/// script (`pyc-run`), and when only compiled (`pyc-dis`, which never runs it).
struct Nasty {
    name: &'static str,
    source: Vec<u8>,
    run_exit: i32,
    compile_exit: i32,
}

fn nasty(name: &'static str, source: impl Into<Vec<u8>>, run_exit: i32) -> Nasty {
    let compile_exit = run_exit;
    Nasty {
        name,
        source: source.into(),
        run_exit,
        compile_exit,
    }
}

/// A hostile input that compiles fine but fails when run.
fn nasty_at_runtime(name: &'static str, source: &str) -> Nasty {
    Nasty {
        compile_exit: 0,
        ..nasty(name, source, 1)
    }
}

fn nasty_inputs() -> Vec<Nasty> {
    let nested_ifs: String = (0..=200)
        .map(|i| format!("{}if True:\n", " ".repeat(i)))
        .collect();
    vec![
        nasty_at_runtime(
            "repr of lists nested 100,000 deep",
            "l = []\nfor i in range(100000):\n    l = [l]\nprint(repr(l))\n",
        ),
        nasty_at_runtime(
            "str of dicts nested 100,000 deep",
            "d = {}\nfor i in range(100000):\n    d = {'k': d}\nprint(d)\n",
        ),
        nasty(
            "parens 10,000 deep",
            format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000)),
            1,
        ),
        nasty("unclosed parens", "(".repeat(10_000), 1),
        nasty(
            "lists 5,000 deep",
            format!("{}{}", "[".repeat(5_000), "]".repeat(5_000)),
            1,
        ),
        nasty(
            "calls 3,000 deep",
            format!("print({}1{})", "abs(".repeat(3_000), ")".repeat(3_001)),
            1,
        ),
        nasty(
            "100,000 nots",
            format!("x = {}True\nprint(x)", "not ".repeat(100_000)),
            1,
        ),
        nasty(
            "50,000 additions",
            format!("x = {}\n", vec!["1"; 50_000].join("+")),
            1,
        ),
        nasty(
            "10,000 attributes",
            format!("a{}\n", ".b".repeat(10_000)),
            1,
        ),
        nasty("200 nested ifs", nested_ifs, 1),
        nasty(
            "huge int literal",
            format!("print({} % 97)\n", "9".repeat(5_000)),
            1,
        ),
        nasty("lone )", ")", 1),
        nasty(
            "tabs and spaces mixed",
            "if True:\n\tx = 1\n        y = 2\n",
            1,
        ),
        nasty("bad dedent", "if 1:\n    x = 1\n  y = 2\n", 1),
        nasty("NUL byte", &b"x = 1\x00\n"[..], 1),
        nasty("invalid UTF-8", &b"x = \"\xff\xfe\"\n"[..], 1),
        nasty("unterminated triple quote", "s = \"\"\"abc\n", 1),
        nasty("backslash at end of file", "x = \"abc\\", 1),
        nasty("stray backslash", "x = 1 \\ 2\n", 1),
        nasty(
            "nested f-strings",
            format!("print({}1{})", "f\"{".repeat(50), "}\"".repeat(50)),
            1,
        ),
        nasty_at_runtime("infinite recursion", "def f(): return f()\nf()\n"),
        nasty_at_runtime(
            "mutual recursion in closures",
            "def a():\n    def b(): return c()\n    def c(): return b()\n    return b\na()()\n",
        ),
        nasty("empty file", "", 0),
        nasty("only a comment", "# nothing\n", 0),
        nasty("CRLF line endings", "x = 1\r\nprint(x)\r\n", 0),
    ]
}

#[test]
fn hostile_inputs_never_panic_and_exit_like_cpython() {
    let mut problems = Vec::new();
    for (i, case) in nasty_inputs().into_iter().enumerate() {
        let path = script(&format!("nasty_{i}.py"), &case.source);
        let path = path.to_str().unwrap();
        let runs = [
            ("pyc-run", Run::new(PYC_RUN, &[path]), case.run_exit),
            ("pyc-dis", Run::new(PYC_DIS, &[path]), case.compile_exit),
            (
                "pyc-dis --closures",
                Run::new(PYC_DIS, &["--closures", path]),
                case.compile_exit,
            ),
        ];
        for (tool, command, expected) in runs {
            let output = command.output();
            if output.stderr.contains("panicked") || output.stderr.contains("RUST_BACKTRACE") {
                problems.push(format!(
                    "{tool}, {}: panicked:\n{}",
                    case.name, output.stderr
                ));
            } else if output.code != Some(expected) {
                let last: String = output
                    .stderr
                    .lines()
                    .last()
                    .unwrap_or("")
                    .chars()
                    .take(150)
                    .collect();
                problems.push(format!(
                    "{tool}, {}: exit {:?} where CPython gives {expected} (stderr ends: {last:?})",
                    case.name, output.code
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
