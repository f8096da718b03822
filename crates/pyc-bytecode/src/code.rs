//! Instructions, constants and code objects.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::opcode::Opcode;
use crate::position::{Anchors, Position};

/// One instruction: an opcode and its (already extended) argument. Eight bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// The operation.
    pub op: Opcode,
    /// Its argument; 0 when the opcode takes none.
    pub arg: u32,
}

impl Instruction {
    /// An instruction with an argument.
    pub fn new(op: Opcode, arg: u32) -> Instruction {
        Instruction { op, arg }
    }
}

/// A compile-time constant in `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// A larger int.
    BigInt(BigInt),
    /// A float.
    Float(f64),
    /// A string.
    Str(Rc<str>),
    /// A bytes object.
    Bytes(Rc<[u8]>),
    /// A tuple of constants (also used for keyword-name tuples and defaults).
    Tuple(Rc<[Constant]>),
    /// A frozenset of constants, its items in CPython's iteration order (folded from a
    /// set display or from `in {...}`; it is only ever iterated, searched or merged).
    FrozenSet(Rc<[Constant]>),
    /// `...`.
    Ellipsis,
    /// A nested code object (function body, lambda, comprehension).
    Code(Rc<CodeObject>),
}

/// One row of the exception table: instructions `start..end` jump to `target` on error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First covered instruction index.
    pub start: u32,
    /// One past the last covered instruction index.
    pub end: u32,
    /// Instruction index of the handler.
    pub target: u32,
    /// Stack depth to unwind to before pushing the exception.
    pub depth: u32,
    /// Whether the raising instruction's index is pushed below the exception.
    pub lasti: bool,
}

/// Kind bits of a localsplus slot (CPython's `CO_FAST_*`).
pub mod fast_kind {
    /// A plain local variable (in `co_varnames`).
    pub const LOCAL: u8 = 0x20;
    /// A cell owned by this frame (in `co_cellvars`).
    pub const CELL: u8 = 0x40;
    /// A free variable, copied from the closure (in `co_freevars`).
    pub const FREE: u8 = 0x80;
}

/// `co_flags` bits, as CPython's.
pub mod code_flags {
    /// Locals are fast (a function, not a module or class body).
    pub const OPTIMIZED: u32 = 0x1;
    /// A new locals namespace is made for each call.
    pub const NEWLOCALS: u32 = 0x2;
    /// The function has `*args`.
    pub const VARARGS: u32 = 0x4;
    /// The function has `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x8;
    /// The function is nested in another function.
    pub const NESTED: u32 = 0x10;
    /// The function is a generator.
    pub const GENERATOR: u32 = 0x20;
    /// The function is a coroutine (`async def` without `yield`).
    pub const COROUTINE: u32 = 0x80;
}

/// A compiled body: a module, class body, function, lambda or comprehension.
///
/// The frame's variables are laid out as CPython 3.11's "localsplus":
/// `[co_varnames | cell-only names | co_freevars]`, described by `localsplus_names`
/// and `localsplus_kinds`; `co_varnames`, `co_cellvars` and `co_freevars` are views of it.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// The instructions.
    pub instructions: Vec<Instruction>,
    /// The source span of each instruction (same length as `instructions`).
    pub positions: Vec<Position>,
    /// The traceback anchors of the instructions that have some, by increasing index.
    pub anchors: Vec<Anchors>,
    /// Where exceptions raised inside protected ranges go.
    pub exception_table: Vec<ExceptionTableEntry>,
    /// Constants referenced by `LOAD_CONST`, `KW_NAMES` and `MAKE_FUNCTION`.
    pub consts: Vec<Constant>,
    /// Global, attribute and (in module and class bodies) variable names.
    pub names: Vec<Rc<str>>,
    /// The name of every localsplus slot.
    pub localsplus_names: Vec<Rc<str>>,
    /// The [`fast_kind`] bits of every localsplus slot.
    pub localsplus_kinds: Vec<u8>,
    /// Number of positional parameters (including those with defaults).
    pub argcount: u32,
    /// How many of the positional parameters are positional-only (before `/`).
    pub posonlyargcount: u32,
    /// Number of keyword-only parameters.
    pub kwonlyargcount: u32,
    /// [`code_flags`] bits.
    pub flags: u32,
    /// `co_name`: `inner`, `<lambda>`, `<listcomp>`, `<module>`.
    pub name: Rc<str>,
    /// `co_qualname`: `outer.<locals>.inner`.
    pub qualname: Rc<str>,
    /// The file the code was compiled from.
    pub filename: Rc<str>,
    /// The line of the `def` (or 1 for a module).
    pub firstlineno: u32,
    /// The deepest the value stack gets while running this code.
    pub stacksize: u32,
}

impl CodeObject {
    /// Names of slots whose kind has any of `bits`, in slot order.
    fn names_of_kind(&self, bits: u8) -> Vec<Rc<str>> {
        self.localsplus_names
            .iter()
            .zip(&self.localsplus_kinds)
            .filter(|(_, &k)| k & bits != 0)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_varnames`: parameters, then other plain locals.
    pub fn varnames(&self) -> Vec<Rc<str>> {
        self.names_of_kind(fast_kind::LOCAL)
    }

    /// `co_cellvars`: variables of this scope captured by inner scopes.
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        self.names_of_kind(fast_kind::CELL)
    }

    /// `co_freevars`: variables this scope reads from enclosing scopes' cells.
    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.names_of_kind(fast_kind::FREE)
    }

    /// Number of free variables (the length of a function's `__closure__`).
    pub fn nfreevars(&self) -> usize {
        self.localsplus_kinds
            .iter()
            .filter(|&&k| k & fast_kind::FREE != 0)
            .count()
    }

    /// Number of localsplus slots.
    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    /// Total number of parameters, counting `*args` and `**kwargs`.
    pub fn total_params(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & code_flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & code_flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// The source line of the instruction at `index` (0 when unknown).
    pub fn line_of(&self, index: usize) -> u32 {
        self.position_of(index).line().unwrap_or(0)
    }

    /// The source span of the instruction at `index` (nothing known past the end).
    pub fn position_of(&self, index: usize) -> Position {
        self.positions.get(index).copied().unwrap_or(Position::NONE)
    }

    /// The traceback anchors of the instruction at `index`, if it has any.
    pub fn anchors_of(&self, index: usize) -> Option<Anchors> {
        let i = u32::try_from(index).ok()?;
        let at = self.anchors.binary_search_by_key(&i, |a| a.index).ok()?;
        Some(self.anchors[at])
    }

    /// The exception table entry covering instruction `index`, if any.
    pub fn handler_for(&self, index: usize) -> Option<&ExceptionTableEntry> {
        let i = index as u32;
        self.exception_table
            .iter()
            .find(|e| e.start <= i && i < e.end)
    }

    /// Whether this code is a generator function's body.
    pub fn is_generator(&self) -> bool {
        self.flags & code_flags::GENERATOR != 0
    }

    /// Whether this code is an `async def` function's body.
    pub fn is_coroutine(&self) -> bool {
        self.flags & code_flags::COROUTINE != 0
    }
}
