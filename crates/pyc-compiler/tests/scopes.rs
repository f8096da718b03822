//! Golden tests of scope analysis and closure code: for each `tests/data/scopes/*.py`,
//! the varnames, cellvars, freevars, names, closure instructions and name instructions
//! (fast, name and global loads, stores and deletes) of every code object must equal what CPython 3.11 produced (`tools/bless-from-cpython` writes the `.scopes`
//! files; this test never runs python3). Syntax errors must carry CPython's message,
//! line and column.

use std::path::Path;

use pyc_bytecode::{CodeObject, Constant, Opcode};

/// The instructions that show how each name is reached.
const SCOPE_OPS: [Opcode; 17] = [
    Opcode::MakeCell,
    Opcode::CopyFreeVars,
    Opcode::LoadClosure,
    Opcode::LoadDeref,
    Opcode::StoreDeref,
    Opcode::DeleteDeref,
    Opcode::LoadClassderef,
    Opcode::MakeFunction,
    Opcode::LoadFast,
    Opcode::StoreFast,
    Opcode::DeleteFast,
    Opcode::LoadName,
    Opcode::StoreName,
    Opcode::DeleteName,
    Opcode::LoadGlobal,
    Opcode::StoreGlobal,
    Opcode::DeleteGlobal,
];

fn join(names: &[std::rc::Rc<str>]) -> String {
    names.iter().map(|n| &**n).collect::<Vec<_>>().join(" ")
}

/// Renders a code object tree in the `.scopes` format.
fn describe(code: &CodeObject, out: &mut Vec<String>) {
    out.push(format!("code {}", code.qualname));
    out.push(
        format!("  varnames {}", join(&code.varnames()))
            .trim_end()
            .to_string(),
    );
    out.push(
        format!("  cellvars {}", join(&code.cellvars()))
            .trim_end()
            .to_string(),
    );
    out.push(
        format!("  freevars {}", join(&code.freevars()))
            .trim_end()
            .to_string(),
    );
    out.push(
        format!("  names {}", join(&code.names))
            .trim_end()
            .to_string(),
    );
    for ins in pyc_disasm::instructions(code) {
        if SCOPE_OPS.contains(&ins.op) {
            let arg = if ins.op == Opcode::CopyFreeVars {
                ins.arg.unwrap_or_default().to_string()
            } else {
                ins.argrepr.clone()
            };
            out.push(format!("  {} {}", ins.opname, arg).trim_end().to_string());
        }
    }
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            describe(inner, out);
        }
    }
}

fn render(path: &Path) -> String {
    let source = std::fs::read_to_string(path).expect("readable test file");
    let name = path.file_name().unwrap().to_string_lossy();
    match pyc_compiler::compile(&source, &name) {
        Ok(code) => {
            let mut out = Vec::new();
            describe(&code, &mut out);
            out.join("\n") + "\n"
        }
        Err(e) => format!(
            "{}: line {}, offset {}: {}\n",
            e.kind.name(),
            e.line,
            e.col + 1,
            e.message
        ),
    }
}

#[test]
fn scopes_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scopes");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("test data directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the test data is missing");
    let mut failures = Vec::new();
    for path in &files {
        let expected = std::fs::read_to_string(path.with_extension("scopes"))
            .unwrap_or_else(|_| panic!("{} has no .scopes file", path.display()));
        let got = render(path);
        let got_norm: Vec<&str> = got.lines().map(str::trim_end).collect();
        let want_norm: Vec<&str> = expected.lines().map(str::trim_end).collect();
        if got_norm != want_norm {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{got}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
