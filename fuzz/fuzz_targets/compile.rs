//! Fuzzes parsing and compilation with properties, not just "no crash": any input
//! either fails with a located syntax error whose line exists in the source, or
//! compiles to code objects whose every argument indexes a real table entry.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pyc_bytecode::{ArgKind, CodeObject, Constant};

fn check(code: &CodeObject) {
    let n = code.instructions.len() as u32;
    assert_eq!(code.lines.len(), code.instructions.len());
    for ins in &code.instructions {
        let arg = ins.arg as usize;
        match ins.op.arg_kind() {
            ArgKind::Const => assert!(arg < code.consts.len()),
            ArgKind::Name => assert!(arg < code.names.len()),
            ArgKind::GlobalName => assert!(arg >> 1 < code.names.len()),
            ArgKind::Local | ArgKind::Free => assert!(arg < code.nlocalsplus()),
            ArgKind::Jump => assert!(ins.arg <= n),
            _ => {}
        }
    }
    for entry in &code.exception_table {
        assert!(entry.start < entry.end && entry.end <= n && entry.target < n);
    }
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            check(inner);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match pyc_compiler::compile(source, "<fuzz>") {
        Ok(code) => check(&code),
        Err(e) => assert!(e.line as usize <= source.lines().count().max(1) + 1),
    }
});
