//! A `python3 -m dis` style disassembler for pyc code objects, and the closure
//! inspection view behind `pyc-dis --closures`.
//!
//! The design copies CPython 3.11's `Lib/dis.py`: decoding and formatting are separate.
//!
//! - [`instructions`] decodes one code object into [`InstrInfo`] records (offset, opname,
//!   arg, argval, argrepr, starts_line, is_jump_target), rendering each argument from the
//!   opcode's [`ArgKind`](pyc_bytecode::ArgKind) as `dis` does from `hasconst`, `hasname`,
//!   `haslocal` and `hasfree`.
//! - [`format_instruction`] lays one record out in `dis`'s columns (line 3 wide, `>>`,
//!   offset 4 wide, opname padded to 20, arg right-aligned to 5, `(argrepr)`), with the
//!   widths of a [`Layout`].
//! - [`disassemble`] prints a code object, its `ExceptionTable:` and, recursively, every
//!   nested code object under a `Disassembly of <code object ...>:` header.
//! - [`closure_report`] lists each code object's cell and free variables and which
//!   enclosing cell each free variable binds to; the format is documented there.
//!
//! Output matches `python3 -m dis` except where pyc's bytecode differs by design: there
//! are no `CACHE` entries and no `PRECALL`, so offsets are `2 * index`. Jump arguments,
//! stored as absolute instruction indices, are shown as CPython shows them: the relative
//! distance in code units, with `to OFFSET`. Code object addresses are `Rc` pointers.
//!
//! Modules: `decode` (records), `format` (columns and the recursive walk), `reprs`
//! (constant and code object `repr`), `closures` (the closure report).

mod closures;
mod decode;
mod format;
mod reprs;

pub use closures::closure_report;
pub use decode::{instructions, InstrInfo};
pub use format::{disassemble, format_instruction, Layout};
pub use reprs::{code_repr, const_repr};
