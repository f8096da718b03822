//! Formatting: `dis`'s fixed columns (`Instruction._disassemble`), the exception table
//! and the recursive walk over nested code objects (`dis._disassemble_recursive`).

use std::fmt::Write;

use pyc_bytecode::{CodeObject, Constant, ExceptionTableEntry};

use crate::decode::{instructions, offset_of, InstrInfo};
use crate::reprs::code_repr;

/// `dis._OPNAME_WIDTH`.
const OPNAME_WIDTH: usize = 20;
/// `dis._OPARG_WIDTH`.
const OPARG_WIDTH: usize = 5;

/// Column widths for one code object, chosen as `dis._disassemble_bytes` chooses them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Width of the line-number column: 0 (omitted) when no instruction has a line,
    /// else 3, or more when a line number needs more digits.
    pub lineno_width: usize,
    /// Width of the offset column: 4, or more when the last offset needs more digits.
    pub offset_width: usize,
}

impl Layout {
    /// The layout `dis` uses for `infos`, the decoded instructions of one code object.
    pub fn for_instructions(infos: &[InstrInfo]) -> Layout {
        let max_line = infos.iter().filter_map(|i| i.starts_line).max();
        let max_offset = infos.last().map_or(0, |i| i.offset);
        Layout {
            lineno_width: max_line.map_or(0, |l| digits(l).max(3)),
            offset_width: digits(max_offset).max(4),
        }
    }
}

/// The number of decimal digits of `n`.
fn digits(n: u32) -> usize {
    n.to_string().len()
}

/// One instruction line, without a newline, exactly as `dis.Instruction._disassemble`:
/// line number, `-->` when `is_current`, `>>` for jump targets, offset, opname, arg and
/// `(argrepr)`. `pyc-run --trace` can print executed instructions with it.
pub fn format_instruction(info: &InstrInfo, layout: Layout, is_current: bool) -> String {
    let mut fields = Vec::with_capacity(7);
    if layout.lineno_width > 0 {
        fields.push(match info.starts_line {
            Some(line) => format!("{line:>w$}", w = layout.lineno_width),
            None => " ".repeat(layout.lineno_width),
        });
    }
    fields.push(if is_current { "-->" } else { "   " }.to_string());
    fields.push(if info.is_jump_target { ">>" } else { "  " }.to_string());
    fields.push(format!("{:>w$}", info.offset, w = layout.offset_width));
    fields.push(format!("{:<OPNAME_WIDTH$}", info.opname));
    if let Some(arg) = info.arg {
        fields.push(format!("{arg:>OPARG_WIDTH$}"));
        if !info.argrepr.is_empty() {
            fields.push(format!("({})", info.argrepr));
        }
    }
    fields.join(" ").trim_end().to_string()
}

/// Disassembles `code` and, depth-first in `co_consts` order, every nested code object,
/// each introduced by a blank line and `Disassembly of <code object ...>:`, like
/// `python3 -m dis`. Every line, including the last, ends in `\n`.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(&mut out, code);
    out
}

/// Appends the disassembly of `code` and its nested code objects to `out`.
fn disassemble_into(out: &mut String, code: &CodeObject) {
    write_body(out, code);
    for constant in &code.consts {
        if let Constant::Code(nested) = constant {
            let _ = write!(out, "\nDisassembly of {}:\n", code_repr(nested));
            disassemble_into(out, nested);
        }
    }
}

/// Appends the instruction listing and exception table of `code` alone
/// (`dis._disassemble_bytes`).
fn write_body(out: &mut String, code: &CodeObject) {
    let infos = instructions(code);
    let layout = Layout::for_instructions(&infos);
    for info in &infos {
        let new_source_line = layout.lineno_width > 0 && info.starts_line.is_some();
        if new_source_line && info.offset > 0 {
            out.push('\n');
        }
        out.push_str(&format_instruction(info, layout, false));
        out.push('\n');
    }
    write_exception_table(out, &code.exception_table);
}

/// Appends `ExceptionTable:` and one `  START to LAST -> TARGET [DEPTH][ lasti]` row per
/// entry, where LAST is the offset of the last covered instruction. Nothing if empty.
fn write_exception_table(out: &mut String, entries: &[ExceptionTableEntry]) {
    if entries.is_empty() {
        return;
    }
    out.push_str("ExceptionTable:\n");
    for entry in entries {
        let last = offset_of(entry.end.saturating_sub(1));
        let lasti = if entry.lasti { " lasti" } else { "" };
        let _ = writeln!(
            out,
            "  {} to {} -> {} [{}]{}",
            offset_of(entry.start),
            last,
            offset_of(entry.target),
            entry.depth,
            lasti
        );
    }
}
