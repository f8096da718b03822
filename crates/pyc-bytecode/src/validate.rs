//! Structural checks of a code object: every argument indexes something that exists.
//!
//! The compiler's output must always pass; the fuzz target and the compiler's property
//! tests check it on arbitrary programs.

use crate::code::{CodeObject, Constant};
use crate::opcode::ArgKind;

/// Checks `code` and every code object nested in its constants: argument indices within
/// their tables, jump targets and exception-table rows inside the code, one position per
/// instruction, and a kind for every localsplus name.
pub fn validate(code: &CodeObject) -> Result<(), String> {
    let n = code.instructions.len();
    let fail = |what: String| Err(format!("{}: {what}", code.qualname));
    if code.positions.len() != n {
        return fail(format!(
            "{} positions for {n} instructions",
            code.positions.len()
        ));
    }
    let ordered = code.anchors.windows(2).all(|w| w[0].index < w[1].index);
    if !ordered || code.anchors.last().is_some_and(|a| a.index as usize >= n) {
        return fail("anchors out of order or out of range".into());
    }
    if code.localsplus_kinds.len() != code.localsplus_names.len() {
        return fail("localsplus names and kinds differ in length".into());
    }
    for (i, ins) in code.instructions.iter().enumerate() {
        let arg = ins.arg as usize;
        let ok = match ins.op.arg_kind() {
            ArgKind::Const => arg < code.consts.len(),
            ArgKind::Name => arg < code.names.len(),
            ArgKind::GlobalName => arg >> 1 < code.names.len(),
            ArgKind::Local | ArgKind::Free => arg < code.nlocalsplus(),
            ArgKind::Jump => arg < n,
            _ => true,
        };
        if !ok {
            return fail(format!(
                "instruction {i} ({} {arg}) is out of range",
                ins.op.name()
            ));
        }
    }
    for e in &code.exception_table {
        if !(e.start < e.end && e.end as usize <= n && (e.target as usize) < n) {
            return fail(format!("exception table row {e:?} is out of range"));
        }
    }
    code.consts.iter().try_for_each(|c| match c {
        Constant::Code(inner) => validate(inner),
        _ => Ok(()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Instruction;
    use crate::opcode::Opcode;

    fn code(instructions: Vec<Instruction>, consts: Vec<Constant>) -> CodeObject {
        CodeObject {
            positions: vec![crate::Position::NONE; instructions.len()],
            anchors: Vec::new(),
            instructions,
            exception_table: Vec::new(),
            consts,
            names: Vec::new(),
            localsplus_names: Vec::new(),
            localsplus_kinds: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: "t.py".into(),
            firstlineno: 1,
            stacksize: 1,
        }
    }

    #[test]
    fn accepts_well_formed_code_and_names_what_is_out_of_range() {
        let ok = code(
            vec![
                Instruction::new(Opcode::LoadConst, 0),
                Instruction::new(Opcode::ReturnValue, 0),
            ],
            vec![Constant::None],
        );
        assert_eq!(validate(&ok), Ok(()));
        let bad_const = code(vec![Instruction::new(Opcode::LoadConst, 3)], vec![]);
        assert!(validate(&bad_const).unwrap_err().contains("LOAD_CONST 3"));
        let bad_jump = code(vec![Instruction::new(Opcode::JumpForward, 9)], vec![]);
        assert!(validate(&bad_jump).is_err());
        let bad_deref = code(vec![Instruction::new(Opcode::LoadDeref, 0)], vec![]);
        assert!(validate(&bad_deref).is_err());
    }
}
