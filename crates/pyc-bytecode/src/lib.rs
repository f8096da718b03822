//! The vocabulary every other pyc crate shares: opcodes with CPython 3.11's names,
//! instructions, constants and code objects.
//!
//! The compiler writes a [`CodeObject`], the VM runs it and the disassembler prints it;
//! none of them defines opcodes of its own.
//!
//! Modules: [`opcode`] (the opcode table), [`code`] (instructions and code objects),
//! [`repr`] (Python's `repr` of floats and strings, shared by VM and disassembler, with
//! `printable`, CPython's table of the characters `repr` escapes),
//! [`position`] (each instruction's source span, as `co_positions()`),
//! [`hash`] (CPython's hashes of numbers and tuples, shared by VM and compiler),
//! [`validate`] (structural checks of code objects).

pub mod code;
pub mod hash;
pub mod opcode;
pub mod position;
mod printable;
pub mod repr;
pub mod unicode;
pub mod validate;
mod wide;

pub use code::{code_flags, fast_kind, CodeObject, Constant, ExceptionTableEntry, Instruction};
pub use opcode::{ArgKind, Opcode};
pub use position::{Anchors, Position};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instruction_is_eight_bytes() {
        assert!(std::mem::size_of::<Instruction>() <= 8);
    }

    #[test]
    fn opcode_names_are_unique_and_upper_case() {
        let mut seen = std::collections::HashSet::new();
        for op in Opcode::ALL {
            assert!(seen.insert(op.name()), "duplicate {}", op.name());
            assert!(op
                .name()
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_'));
        }
    }
}
