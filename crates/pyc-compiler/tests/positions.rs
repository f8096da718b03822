//! Golden tests of instruction positions: for every program in pyc-cli's test data
//! (`tests/data/{dis,run,calls}/*.py` there), the position of each instruction of each
//! code object — start and end line, start and end byte column — must equal what
//! CPython 3.11's `co_positions()` gives. `tools/bless-positions` writes the expected
//! `tests/data/positions/SET/NAME.positions` from CPython; this test never runs python3.
//! Programs CPython refuses to compile are left out.

use std::fs;
use std::path::{Path, PathBuf};

use pyc_bytecode::{CodeObject, Constant};

/// The sets of programs, each a directory of pyc-cli's test data.
const SETS: [&str; 3] = ["dis", "run", "calls"];

/// The whole golden file of a program CPython's `compile()` refused (a syntax error
/// test, or nesting deeper than compiling from inside Python allows): nothing to compare.
const NOT_COMPILED: &str = "not compiled";

/// Renders one position part (`-` for unknown).
fn part(value: Option<u32>) -> String {
    value.map_or("-".to_string(), |v| v.to_string())
}

/// Renders a code object tree in the `.positions` format.
fn describe(code: &CodeObject, out: &mut Vec<String>) {
    out.push(format!("code {}", code.qualname));
    for (ins, p) in code.instructions.iter().zip(&code.positions) {
        let parts = [p.line(), p.end_line(), p.col(), p.end_col()].map(part);
        out.push(format!("{} {}", ins.op.name(), parts.join(" ")));
    }
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            describe(inner, out);
        }
    }
}

/// What pyc gives for `source`, in the `.positions` format.
fn positions(source: &str, name: &str) -> Vec<String> {
    match pyc_compiler::compile(source, name) {
        Ok(code) => {
            let mut out = Vec::new();
            describe(&code, &mut out);
            out
        }
        Err(e) => vec![format!("compile error: {e:?}")],
    }
}

/// Compares one program with its golden file; the first differing line with context.
fn check(golden: &Path, program: &Path) -> Result<(), String> {
    let source = fs::read_to_string(program).map_err(|e| format!("{e}"))?;
    let name = program.file_name().unwrap().to_string_lossy();
    let expected = fs::read_to_string(golden).map_err(|e| format!("{e}"))?;
    let want: Vec<&str> = expected.lines().collect();
    if want == [NOT_COMPILED] {
        return Ok(());
    }
    let got = positions(&source, &name);
    let differs = (0..want.len().max(got.len()))
        .find(|&i| want.get(i).copied() != got.get(i).map(String::as_str));
    let Some(at) = differs else {
        return Ok(());
    };
    let code = want[..at.min(want.len())]
        .iter()
        .rev()
        .find(|l| l.starts_with("code "))
        .unwrap_or(&"?");
    Err(format!(
        "{}: in {code}, line {}: CPython `{}`, pyc `{}`",
        program.display(),
        at + 1,
        want.get(at).unwrap_or(&"<end>"),
        got.get(at).map_or("<end>", String::as_str)
    ))
}

/// Every (golden, program) pair, checking that no program lacks its golden file.
fn cases() -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases = Vec::new();
    for set in SETS {
        let programs = root.join("../pyc-cli/tests/data").join(set);
        let goldens = root.join("tests/data/positions").join(set);
        let mut names: Vec<PathBuf> = fs::read_dir(&programs)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .collect();
        names.sort();
        for program in names {
            let stem = program.file_stem().unwrap().to_string_lossy().into_owned();
            let golden = goldens.join(format!("{stem}.positions"));
            assert!(
                golden.exists(),
                "{} has no positions: run tools/bless-positions",
                program.display()
            );
            cases.push((golden, program));
        }
    }
    assert!(cases.len() > 100, "too few programs: {}", cases.len());
    cases
}

#[test]
fn positions_equal_cpython() {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|(golden, program)| check(golden, program).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} programs differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
