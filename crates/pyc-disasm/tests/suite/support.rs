//! A tiny builder for hand-made code objects, and output normalisation.

use std::rc::Rc;

use pyc_bytecode::{code_flags, CodeObject, Constant, ExceptionTableEntry, Instruction, Opcode};

/// A code object under construction; every code object lives in file `x.py`.
pub struct Code(CodeObject);

/// Starts a code object named `name` (`qualname`) whose `def` is on `firstlineno`.
pub fn code(name: &str, qualname: &str, firstlineno: u32) -> Code {
    Code(CodeObject {
        instructions: Vec::new(),
        positions: Vec::new(),
        anchors: Vec::new(),
        exception_table: Vec::new(),
        consts: Vec::new(),
        names: Vec::new(),
        localsplus_names: Vec::new(),
        localsplus_kinds: Vec::new(),
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: code_flags::OPTIMIZED | code_flags::NEWLOCALS,
        name: name.into(),
        qualname: qualname.into(),
        filename: "x.py".into(),
        firstlineno,
        stacksize: 0,
    })
}

impl Code {
    /// Sets the number of positional parameters.
    pub fn args(mut self, argcount: u32) -> Code {
        self.0.argcount = argcount;
        self
    }

    /// Sets the localsplus slots as `(name, fast_kind bits)`.
    pub fn slots(mut self, slots: &[(&str, u8)]) -> Code {
        self.0.localsplus_names = slots.iter().map(|(n, _)| (*n).into()).collect();
        self.0.localsplus_kinds = slots.iter().map(|(_, k)| *k).collect();
        self
    }

    /// Sets `co_names`.
    pub fn names(mut self, names: &[&str]) -> Code {
        self.0.names = names.iter().map(|n| (*n).into()).collect();
        self
    }

    /// Sets `co_consts`.
    pub fn consts(mut self, consts: Vec<Constant>) -> Code {
        self.0.consts = consts;
        self
    }

    /// Appends `op arg` on source line `line` (0: no line).
    pub fn ins(mut self, line: u32, op: Opcode, arg: u32) -> Code {
        self.0.instructions.push(Instruction::new(op, arg));
        let line = (line > 0).then_some(line);
        let position = pyc_bytecode::Position::new(line, line, None, None);
        self.0.positions.push(position);
        self
    }

    /// Appends an exception table entry over instruction indices `start..end`.
    pub fn handler(mut self, start: u32, end: u32, target: u32, depth: u32, lasti: bool) -> Code {
        let entry = ExceptionTableEntry {
            start,
            end,
            target,
            depth,
            lasti,
        };
        self.0.exception_table.push(entry);
        self
    }

    /// Finishes the code object.
    pub fn build(self) -> Rc<CodeObject> {
        Rc::new(self.0)
    }
}

/// A string constant.
pub fn s(text: &str) -> Constant {
    Constant::Str(text.into())
}

/// A tuple constant.
pub fn tuple(items: Vec<Constant>) -> Constant {
    Constant::Tuple(items.into())
}

/// Replaces every `0x` address with `0xADDR`, as the expected files write them.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        out.push_str("0xADDR");
        rest = rest[at + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}
