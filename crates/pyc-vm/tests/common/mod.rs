//! A tiny assembler for hand-written CPython 3.11-style code objects, and a runner that
//! captures what a program prints.

#![allow(dead_code)]

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use pyc_bytecode::{CodeObject, Constant, ExceptionTableEntry, Instruction, Opcode};

// Not every test file uses the kind bits.
#[allow(unused_imports)]
pub use pyc_bytecode::fast_kind::{CELL, FREE, LOCAL};

/// A code object under construction. Instructions are written one per line as
/// `LINE OPNAME [ARG]` (blank lines and `#` comments are ignored).
pub struct Asm {
    pub name: &'static str,
    pub qualname: &'static str,
    pub argcount: u32,
    pub kwonly: u32,
    pub flags: u32,
    pub locals: Vec<(&'static str, u8)>,
    pub consts: Vec<Constant>,
    pub names: Vec<&'static str>,
    pub table: Vec<ExceptionTableEntry>,
    pub firstlineno: u32,
}

impl Asm {
    pub fn module() -> Asm {
        Asm::func("<module>", "<module>", 0)
    }

    pub fn func(name: &'static str, qualname: &'static str, argcount: u32) -> Asm {
        Asm {
            name,
            qualname,
            argcount,
            kwonly: 0,
            flags: 0,
            locals: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            table: Vec::new(),
            firstlineno: 1,
        }
    }

    pub fn locals(mut self, l: &[(&'static str, u8)]) -> Asm {
        self.locals = l.to_vec();
        self
    }

    pub fn consts(mut self, c: Vec<Constant>) -> Asm {
        self.consts = c;
        self
    }

    pub fn names(mut self, n: &[&'static str]) -> Asm {
        self.names = n.to_vec();
        self
    }

    pub fn flags(mut self, f: u32) -> Asm {
        self.flags = f;
        self
    }

    pub fn handler(mut self, start: u32, end: u32, target: u32, depth: u32, lasti: bool) -> Asm {
        self.table.push(ExceptionTableEntry {
            start,
            end,
            target,
            depth,
            lasti,
        });
        self
    }

    pub fn build(self, body: &str) -> Rc<CodeObject> {
        let mut instructions = Vec::new();
        let mut positions = Vec::new();
        for raw in body.lines() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let lineno: u32 = parts.next().unwrap().parse().expect("line number");
            let opname = parts.next().expect("opcode");
            let op = *Opcode::ALL
                .iter()
                .find(|o| o.name() == opname)
                .unwrap_or_else(|| panic!("unknown opcode {opname}"));
            let arg: u32 = parts.next().map_or(0, |a| a.parse().expect("arg"));
            instructions.push(Instruction::new(op, arg));
            let line = Some(lineno);
            positions.push(pyc_bytecode::Position::new(line, line, None, None));
        }
        Rc::new(CodeObject {
            instructions,
            positions,
            anchors: Vec::new(),
            exception_table: self.table,
            consts: self.consts,
            names: self.names.iter().map(|n| Rc::from(*n)).collect(),
            localsplus_names: self.locals.iter().map(|(n, _)| Rc::from(*n)).collect(),
            localsplus_kinds: self.locals.iter().map(|(_, k)| *k).collect(),
            argcount: self.argcount,
            posonlyargcount: 0,
            kwonlyargcount: self.kwonly,
            flags: self.flags,
            name: Rc::from(self.name),
            qualname: Rc::from(self.qualname),
            filename: Rc::from("x.py"),
            firstlineno: self.firstlineno,
            stacksize: 10,
        })
    }
}

pub fn s(text: &str) -> Constant {
    Constant::Str(Rc::from(text))
}

pub fn code(c: Rc<CodeObject>) -> Constant {
    Constant::Code(c)
}

#[derive(Clone, Default)]
pub struct Sink(pub Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs a module; returns what it printed and, if it failed, the rendered traceback.
pub fn run(module: Rc<CodeObject>) -> (String, Option<String>) {
    let sink = Sink::default();
    let mut vm = pyc_vm::Vm::with_output(Box::new(sink.clone()));
    vm.add_source("x.py", "");
    let r = vm.run_module(module);
    let out = String::from_utf8(sink.0.borrow().clone()).unwrap();
    (out, r.err().map(|u| u.render()))
}

/// What a Python program did when run from source.
pub struct Outcome {
    /// What it printed.
    pub out: String,
    /// If it failed: the exception's type name, message and rendered traceback.
    pub error: Option<(String, String, String)>,
    /// Live heap objects after a final collection, beyond those of a fresh VM (its
    /// builtins, types and `sys`).
    pub live_after_collect: usize,
}

/// Compiles `src` (as `t.py`) with pyc-compiler and runs it.
pub fn run_source(src: &str) -> Outcome {
    let code = pyc_compiler::compile(src, "t.py").expect("compiles");
    let sink = Sink::default();
    let mut vm = pyc_vm::Vm::with_output(Box::new(sink.clone()));
    vm.add_source("t.py", src);
    let r = vm.run_module(code);
    vm.collect_garbage();
    let out = String::from_utf8(sink.0.borrow().clone()).expect("utf-8 output");
    Outcome {
        out,
        error: r.err().map(|u| {
            (
                u.type_name().to_string(),
                u.message().to_string(),
                u.render(),
            )
        }),
        live_after_collect: vm.live_objects().saturating_sub(fresh_vm_live_objects()),
    }
}

/// Live heap objects of a VM that ran nothing, after a collection.
pub fn fresh_vm_live_objects() -> usize {
    let mut vm = pyc_vm::Vm::with_output(Box::new(Sink::default()));
    vm.collect_garbage();
    vm.live_objects()
}

/// What `src` printed; panics with the traceback if it failed.
pub fn output_of(src: &str) -> String {
    let o = run_source(src);
    if let Some((t, m, tb)) = o.error {
        panic!("unexpected {t}: {m}\n{tb}");
    }
    o.out
}

/// Replaces every `0x...` address with `0x?`, as the conformance files do.
pub fn mask_addresses(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("0x?");
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}
