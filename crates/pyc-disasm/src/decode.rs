//! Decoding: one [`InstrInfo`] record per instruction, as `dis._get_instructions_bytes`.
//!
//! Everything `dis` shows about an instruction is computed here; the formatter only lays
//! the fields out in columns.

use std::collections::HashSet;

use pyc_bytecode::opcode::{BINARY_OPS, COMPARE_OPS, FVC_MASK, FVS_HAVE_SPEC, INPLACE_OFFSET};
use pyc_bytecode::{ArgKind, CodeObject, Instruction, Opcode};

use crate::reprs::const_repr;

/// What `argrepr` says when an index points outside its table (malformed code).
const OUT_OF_RANGE: &str = "<index out of range>";

/// `MAKE_FUNCTION` flag names by bit, as `dis.MAKE_FUNCTION_FLAGS`.
const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

/// `FORMAT_VALUE` conversion names by `arg & 3`, as `dis.FORMAT_VALUE_CONVERTERS`.
const FORMAT_CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];

/// One decoded instruction, the counterpart of `dis.Instruction`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstrInfo {
    /// The opcode.
    pub op: Opcode,
    /// CPython's name of the opcode, e.g. `"LOAD_DEREF"`.
    pub opname: &'static str,
    /// Byte offset, `2 * index` (pyc has no inline caches).
    pub offset: u32,
    /// The argument as `dis` prints it, `None` for opcodes without one. For jumps this is
    /// CPython's relative distance in code units (negative only in malformed code).
    pub arg: Option<i64>,
    /// The resolved argument as text: the name, the constant's repr, the jump target
    /// offset, the operator symbol, or the number itself; empty without an argument.
    pub argval: String,
    /// The human-readable note `dis` prints in parentheses; empty when there is none.
    pub argrepr: String,
    /// The source line, when this instruction is the first of a new line.
    pub starts_line: Option<u32>,
    /// Whether some jump or exception handler entry targets this instruction.
    pub is_jump_target: bool,
}

/// Decodes every instruction of `code` (not of nested code objects), in order.
pub fn instructions(code: &CodeObject) -> Vec<InstrInfo> {
    let targets = jump_targets(code);
    let mut last_line = None;
    code.instructions
        .iter()
        .enumerate()
        .map(|(index, &instr)| {
            let line = source_line(code, index);
            let starts_line = line.filter(|&l| last_line != Some(l));
            if starts_line.is_some() {
                last_line = starts_line;
            }
            let (arg, argval, argrepr) = match decode_arg(code, index, instr) {
                Some((arg, argval, argrepr)) => (Some(arg), argval, argrepr),
                None => (None, String::new(), String::new()),
            };
            InstrInfo {
                op: instr.op,
                opname: instr.op.name(),
                offset: offset_of(index as u32),
                arg,
                argval,
                argrepr,
                starts_line,
                is_jump_target: targets.contains(&(index as u32)),
            }
        })
        .collect()
}

/// The byte offset `dis` shows for instruction `index`.
pub(crate) fn offset_of(index: u32) -> u32 {
    2 * index
}

/// The line of instruction `index`, `None` when unknown.
///
/// `lines` stores 0 for "no line" (CPython's `None`, e.g. on the `MAKE_CELL` and
/// `COPY_FREE_VARS` prologue). The one real line 0 in CPython 3.11 is a module's
/// `RESUME`, so a `RESUME` keeps its 0 and prints as line 0 just as `python3 -m dis` does.
fn source_line(code: &CodeObject, index: usize) -> Option<u32> {
    let line = code.line_of(index);
    let is_resume = code.instructions[index].op == Opcode::Resume;
    (line != 0 || is_resume).then_some(line)
}

/// Instruction indices targeted by a jump or by an exception table entry.
fn jump_targets(code: &CodeObject) -> HashSet<u32> {
    let jumps = code
        .instructions
        .iter()
        .filter(|i| i.op.is_jump())
        .map(|i| i.arg);
    let handlers = code.exception_table.iter().map(|e| e.target);
    jumps.chain(handlers).collect()
}

/// `(arg, argval, argrepr)` for the instruction at `index`, `None` if it takes no argument.
fn decode_arg(
    code: &CodeObject,
    index: usize,
    instr: Instruction,
) -> Option<(i64, String, String)> {
    let arg = instr.arg;
    let raw = i64::from(arg);
    let decoded = match instr.op.arg_kind() {
        ArgKind::None => return None,
        // `dis` 3.11 resolves only `LOAD_CONST`'s constant; `KW_NAMES` shows its index.
        ArgKind::Const if instr.op == Opcode::KwNames => (raw.to_string(), String::new()),
        ArgKind::Jump => return Some(decode_jump(index, instr)),
        ArgKind::Const => same(code.consts.get(arg as usize).map(const_repr)),
        ArgKind::Name => same(lookup(&code.names, arg)),
        ArgKind::GlobalName => global_name(code, arg),
        ArgKind::Local | ArgKind::Free => same(lookup(&code.localsplus_names, arg)),
        ArgKind::BinaryOp => same(binary_op_symbol(arg)),
        ArgKind::Compare => same(COMPARE_OPS.get(arg as usize).map(|s| s.to_string())),
        ArgKind::FunctionFlags => (raw.to_string(), function_flags(arg)),
        ArgKind::FormatFlags => (raw.to_string(), format_flags(arg)),
        ArgKind::Raw => (raw.to_string(), String::new()),
    };
    Some((raw, decoded.0, decoded.1))
}

/// `(argval, argrepr)` for an argument whose value and repr are the same text.
fn same(text: Option<String>) -> (String, String) {
    let text = text.unwrap_or_else(|| OUT_OF_RANGE.to_string());
    (text.clone(), text)
}

/// `names[index]`, if it exists.
fn lookup(names: &[std::rc::Rc<str>], index: u32) -> Option<String> {
    names.get(index as usize).map(|n| n.to_string())
}

/// `LOAD_GLOBAL`: the name is `names[arg >> 1]`; `arg & 1` means a `NULL` is pushed first.
fn global_name(code: &CodeObject, arg: u32) -> (String, String) {
    let (name, repr) = same(lookup(&code.names, arg >> 1));
    let repr = if arg & 1 != 0 {
        format!("NULL + {repr}")
    } else {
        repr
    };
    (name, repr)
}

/// A jump's relative display argument and `to OFFSET`, from its absolute target index.
fn decode_jump(index: usize, instr: Instruction) -> (i64, String, String) {
    let next = index as i64 + 1;
    let target = i64::from(instr.arg);
    let delta = if is_backward_jump(instr.op) {
        next - target
    } else {
        target - next
    };
    let target_offset = offset_of(instr.arg);
    (
        delta,
        target_offset.to_string(),
        format!("to {target_offset}"),
    )
}

/// Whether CPython encodes this jump's distance backwards from the next instruction.
fn is_backward_jump(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::JumpBackward | Opcode::PopJumpBackwardIfFalse | Opcode::PopJumpBackwardIfTrue
    )
}

/// `BINARY_OP`'s symbol: `+` for 0, `+=` for `0 + INPLACE_OFFSET`.
fn binary_op_symbol(arg: u32) -> Option<String> {
    let plain = |i: u32| BINARY_OPS.get(i as usize).map(|s| s.to_string());
    match arg.checked_sub(INPLACE_OFFSET) {
        Some(i) => plain(i).map(|s| s + "="),
        None => plain(arg),
    }
}

/// `MAKE_FUNCTION`'s set flags, e.g. `defaults, closure`.
fn function_flags(arg: u32) -> String {
    let set: Vec<&str> = MAKE_FUNCTION_FLAGS
        .iter()
        .enumerate()
        .filter(|(bit, _)| arg & (1 << bit) != 0)
        .map(|(_, name)| *name)
        .collect();
    set.join(", ")
}

/// `FORMAT_VALUE`'s conversion and spec, e.g. `repr, with format`.
fn format_flags(arg: u32) -> String {
    let conversion = FORMAT_CONVERSIONS[(arg & FVC_MASK) as usize];
    let spec = (arg & FVS_HAVE_SPEC != 0).then_some("with format");
    let parts: Vec<&str> = [Some(conversion).filter(|c| !c.is_empty()), spec]
        .into_iter()
        .flatten()
        .collect();
    parts.join(", ")
}
