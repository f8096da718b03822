//! One code object under construction, and its assembly into a [`CodeObject`].
//!
//! Instructions are emitted with symbolic arguments (labels, cell/free indices) and the
//! exception handler in force when each was emitted. Assembly resolves labels to
//! instruction indices, chooses forward or backward jump opcodes, lays out localsplus
//! (`[varnames | cell-only names | freevars]`) and fixes deref arguments to it, groups
//! handlers into the exception table and computes the maximum stack depth.

use std::rc::Rc;

use pyc_bytecode::{
    code_flags, fast_kind, CodeObject, Constant, ExceptionTableEntry, Instruction, Opcode,
};

/// A jump target, bound to an instruction index once its position is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(usize);

/// An instruction argument before assembly.
#[derive(Clone, Copy, Debug)]
enum Arg {
    /// A final value.
    Plain(u32),
    /// A jump to a label.
    Label(Label),
    /// An index into `cell_names ++ free_names`, fixed to a localsplus slot.
    Deref(u32),
}

/// An exception handler: where to go, how deep the stack is there, whether `lasti` is pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    /// The handler's code.
    pub label: Label,
    /// Stack depth to unwind to.
    pub depth: u32,
    /// Whether the raising instruction's index is pushed too.
    pub lasti: bool,
}

#[derive(Clone, Copy, Debug)]
struct Pending {
    op: Opcode,
    arg: Arg,
    line: u32,
    handler: Option<Handler>,
}

/// A code object being built.
pub struct Unit {
    instructions: Vec<Pending>,
    labels: Vec<Option<usize>>,
    consts: Vec<Constant>,
    names: Vec<Rc<str>>,
    /// `co_varnames`: parameters first, then locals in order of first use.
    varnames: Vec<String>,
    /// Names of cells owned by this scope, sorted.
    cell_names: Vec<String>,
    /// Names of free variables, sorted.
    free_names: Vec<String>,
    /// The handlers in force, innermost last.
    pub handlers: Vec<Handler>,
    /// The current source line.
    pub line: u32,
    /// Items the enclosing statements keep on the stack (loop iterators, saved exceptions).
    pub depth: u32,
    name: Rc<str>,
    qualname: Rc<str>,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
}

/// What a unit is, fixed when it is created.
pub struct UnitHeader {
    /// `co_name`.
    pub name: String,
    /// `co_qualname`.
    pub qualname: String,
    /// `co_firstlineno`.
    pub firstlineno: u32,
    /// Parameters in `co_varnames` order.
    pub params: Vec<String>,
    /// Number of positional parameters.
    pub argcount: u32,
    /// Number of keyword-only parameters.
    pub kwonlyargcount: u32,
    /// `co_flags`.
    pub flags: u32,
    /// Cell names, sorted.
    pub cell_names: Vec<String>,
    /// Free variable names, sorted.
    pub free_names: Vec<String>,
}

impl Unit {
    /// An empty unit.
    pub fn new(header: UnitHeader) -> Unit {
        Unit {
            instructions: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames: header.params,
            cell_names: header.cell_names,
            free_names: header.free_names,
            handlers: Vec::new(),
            line: header.firstlineno,
            depth: 0,
            name: header.name.into(),
            qualname: header.qualname.into(),
            firstlineno: header.firstlineno,
            argcount: header.argcount,
            posonlyargcount: 0,
            kwonlyargcount: header.kwonlyargcount,
            flags: header.flags,
        }
    }

    /// Records the parameter counts and `*args`/`**kwargs` flags of a function.
    pub fn set_signature(&mut self, params: &pyc_parser::ast::Parameters) {
        self.argcount = params.args.len() as u32;
        self.posonlyargcount = params.posonlyargcount as u32;
        self.kwonlyargcount = params.kwonlyargs.len() as u32;
        if params.vararg.is_some() {
            self.flags |= code_flags::VARARGS;
        }
        if params.kwarg.is_some() {
            self.flags |= code_flags::VARKEYWORDS;
        }
    }

    /// `co_qualname` of the code being built.
    pub fn qualname(&self) -> &str {
        &self.qualname
    }

    fn push(&mut self, op: Opcode, arg: Arg) {
        self.instructions.push(Pending {
            op,
            arg,
            line: self.line,
            handler: self.handlers.last().copied(),
        });
    }

    /// Emits an instruction with a plain argument (0 when the opcode takes none).
    pub fn emit(&mut self, op: Opcode, arg: u32) {
        self.push(op, Arg::Plain(arg));
    }

    /// Emits a jump to `label`.
    pub fn emit_jump(&mut self, op: Opcode, label: Label) {
        self.push(op, Arg::Label(label));
    }

    /// Emits a deref-family instruction on the cell or free variable `name`.
    pub fn emit_deref(&mut self, op: Opcode, name: &str) {
        let index = self
            .cell_names
            .iter()
            .chain(&self.free_names)
            .position(|n| n == name)
            .expect("the symbol table classified the name as cell or free");
        self.push(op, Arg::Deref(index as u32));
    }

    /// Emits the prefix every body starts with, in CPython's order: `COPY_FREE_VARS`,
    /// `MAKE_CELL`s in slot order (for cells only; other names never get a cell), for a
    /// generator `RETURN_GENERATOR` and `POP_TOP`, then `RESUME`. The first two have no
    /// line; the rest have the definition's.
    pub fn emit_prologue(&mut self) {
        let line = std::mem::replace(&mut self.line, 0);
        if !self.free_names.is_empty() {
            self.emit(Opcode::CopyFreeVars, self.free_names.len() as u32);
        }
        let mut cells: Vec<(usize, String)> = self
            .cell_names
            .clone()
            .into_iter()
            .map(|name| (self.cell_slot(&name), name))
            .collect();
        cells.sort();
        for (_, name) in cells {
            self.emit_deref(Opcode::MakeCell, &name);
        }
        self.line = line;
        if self.flags & code_flags::GENERATOR != 0 {
            self.emit(Opcode::ReturnGenerator, 0);
            self.emit(Opcode::PopTop, 0);
        }
        self.emit(Opcode::Resume, 0);
    }

    /// A new, unbound label.
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() - 1)
    }

    /// Binds `label` to the next instruction.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0] = Some(self.instructions.len());
    }

    /// Whether the last instruction emitted never falls through.
    pub fn ends_in_terminator(&self) -> bool {
        let end = self.instructions.len();
        let targeted = self.labels.contains(&Some(end));
        !targeted
            && self
                .instructions
                .last()
                .is_some_and(|i| i.op.is_terminator())
    }

    /// The index of `constant` in `co_consts`, adding it if new.
    pub fn add_const(&mut self, constant: Constant) -> u32 {
        if !matches!(constant, Constant::Code(_)) {
            if let Some(i) = self.consts.iter().position(|c| same_const(c, &constant)) {
                return i as u32;
            }
        }
        self.consts.push(constant);
        self.consts.len() as u32 - 1
    }

    /// The index of `name` in `co_names`, adding it if new.
    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(i) = self.names.iter().position(|n| &**n == name) {
            return i as u32;
        }
        self.names.push(name.into());
        self.names.len() as u32 - 1
    }

    /// The index of `name` in `co_varnames`, adding it if new.
    pub fn varname(&mut self, name: &str) -> u32 {
        if let Some(i) = self.varnames.iter().position(|n| n == name) {
            return i as u32;
        }
        self.varnames.push(name.to_string());
        self.varnames.len() as u32 - 1
    }

    /// Pushes an exception handler for the instructions emitted from now on.
    pub fn push_handler(&mut self, label: Label, depth: u32, lasti: bool) {
        self.handlers.push(Handler {
            label,
            depth,
            lasti,
        });
    }

    /// Pops the innermost exception handler.
    pub fn pop_handler(&mut self) {
        self.handlers.pop();
    }

    /// The localsplus slot of cell `name` once the layout is final. Only meaningful after
    /// all varnames are known, i.e. during assembly and for parameters in the prologue.
    fn cell_slot(&self, name: &str) -> usize {
        if let Some(i) = self.varnames.iter().position(|n| n == name) {
            return i;
        }
        let cell_only = self
            .cell_names
            .iter()
            .filter(|n| !self.varnames.contains(n));
        let pos = cell_only
            .clone()
            .position(|n| n == name)
            .expect("a cell name");
        self.varnames.len() + pos
    }

    /// Drops instructions no path reaches (code after a `return` inside `try`, say).
    fn remove_unreachable(&mut self) {
        let n = self.instructions.len();
        let target = |labels: &[Option<usize>], l: Label| labels[l.0].expect("bound label");
        let mut reachable = vec![false; n];
        let mut work = vec![0usize];
        while let Some(i) = work.pop() {
            if i >= n || reachable[i] {
                continue;
            }
            reachable[i] = true;
            let p = &self.instructions[i];
            if let Arg::Label(l) = p.arg {
                work.push(target(&self.labels, l));
            }
            if let Some(h) = p.handler {
                work.push(target(&self.labels, h.label));
            }
            if !p.op.is_terminator() {
                work.push(i + 1);
            }
        }
        self.retain(&reachable);
    }

    /// CPython's constant folding of `LOAD_CONST a; LOAD_CONST b; BUILD_TUPLE 2` into one
    /// `LOAD_CONST (a, b)`, the tuple added at the end of `co_consts` as CPython does.
    fn fold_constant_tuples(&mut self) {
        let targets: Vec<usize> = self.labels.iter().flatten().copied().collect();
        for i in 0..self.instructions.len() {
            let p = self.instructions[i];
            let (Opcode::BuildTuple, Arg::Plain(n)) = (p.op, p.arg) else {
                continue;
            };
            let n = n as usize;
            let Some(start) = i.checked_sub(n) else {
                continue;
            };
            let run = &self.instructions[start..i];
            let foldable = run.iter().all(|q| q.op == Opcode::LoadConst)
                && !targets.iter().any(|&t| t > start && t <= i);
            if !foldable {
                continue;
            }
            let items: Vec<Constant> = run
                .iter()
                .map(|q| match q.arg {
                    Arg::Plain(c) => self.consts[c as usize].clone(),
                    _ => unreachable!("LOAD_CONST has a plain argument"),
                })
                .collect();
            for q in &mut self.instructions[start..i] {
                q.op = Opcode::Nop;
                q.arg = Arg::Plain(0);
            }
            let index = self.add_const(Constant::Tuple(items.into()));
            self.instructions[i].op = Opcode::LoadConst;
            self.instructions[i].arg = Arg::Plain(index);
        }
    }

    /// Removes `NOP`s that mark no line of their own (CPython keeps one where it is the
    /// only instruction of a source line, such as a `try:`).
    fn remove_nops(&mut self) {
        let keep: Vec<bool> = (0..self.instructions.len())
            .map(|i| {
                let p = &self.instructions[i];
                if p.op != Opcode::Nop {
                    return true;
                }
                let same_as = |j: Option<usize>| {
                    j.and_then(|j| self.instructions.get(j))
                        .is_some_and(|q| q.line == p.line)
                };
                !(p.line == 0 || same_as(i.checked_sub(1)) || same_as(Some(i + 1)))
            })
            .collect();
        self.retain(&keep);
    }

    /// Keeps the instructions whose flag is set, moving labels that pointed at removed
    /// instructions to the next instruction kept.
    fn retain(&mut self, keep: &[bool]) {
        let mut new_index = Vec::with_capacity(keep.len() + 1);
        let mut kept = 0;
        for &k in keep {
            new_index.push(kept);
            kept += usize::from(k);
        }
        new_index.push(kept);
        for label in self.labels.iter_mut().flatten() {
            *label = new_index[*label];
        }
        let mut flags = keep.iter();
        self.instructions
            .retain(|_| *flags.next().expect("one flag per instruction"));
    }

    /// Resolves everything symbolic and produces the finished code object.
    pub fn assemble(mut self, filename: &Rc<str>) -> CodeObject {
        self.fold_constant_tuples();
        self.remove_unreachable();
        self.remove_nops();
        let (localsplus_names, localsplus_kinds) = self.localsplus();
        let nvar = self.varnames.len();
        let ncell_only = localsplus_names.len() - nvar - self.free_names.len();
        let deref_slot = |i: u32| -> u32 {
            let i = i as usize;
            if i < self.cell_names.len() {
                self.cell_slot(&self.cell_names[i]) as u32
            } else {
                (nvar + ncell_only + i - self.cell_names.len()) as u32
            }
        };
        let label_index = |l: Label| self.labels[l.0].expect("every label is bound") as u32;

        let mut instructions = Vec::with_capacity(self.instructions.len());
        for (index, p) in self.instructions.iter().enumerate() {
            let (op, arg) = match p.arg {
                Arg::Plain(a) => (p.op, a),
                Arg::Deref(i) => (p.op, deref_slot(i)),
                Arg::Label(l) => {
                    let target = label_index(l);
                    (directed(p.op, target <= index as u32), target)
                }
            };
            instructions.push(Instruction::new(op, arg));
        }
        let exception_table = self.exception_table(&label_index);
        let stacksize = max_stack_depth(&instructions, &exception_table);
        CodeObject {
            lines: self.instructions.iter().map(|p| p.line).collect(),
            instructions,
            exception_table,
            consts: self.consts,
            names: self.names,
            localsplus_names,
            localsplus_kinds,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            name: self.name,
            qualname: self.qualname,
            filename: filename.clone(),
            firstlineno: self.firstlineno,
            stacksize,
        }
    }

    fn localsplus(&self) -> (Vec<Rc<str>>, Vec<u8>) {
        let mut names: Vec<Rc<str>> = Vec::new();
        let mut kinds = Vec::new();
        for v in &self.varnames {
            names.push(v.as_str().into());
            let cell = if self.cell_names.contains(v) {
                fast_kind::CELL
            } else {
                0
            };
            kinds.push(fast_kind::LOCAL | cell);
        }
        for c in self
            .cell_names
            .iter()
            .filter(|c| !self.varnames.contains(c))
        {
            names.push(c.as_str().into());
            kinds.push(fast_kind::CELL);
        }
        for f in &self.free_names {
            names.push(f.as_str().into());
            kinds.push(fast_kind::FREE);
        }
        (names, kinds)
    }

    fn exception_table(&self, label_index: &dyn Fn(Label) -> u32) -> Vec<ExceptionTableEntry> {
        let mut table: Vec<ExceptionTableEntry> = Vec::new();
        for (i, p) in self.instructions.iter().enumerate() {
            let Some(h) = p.handler else { continue };
            let target = label_index(h.label);
            match table.last_mut() {
                Some(e)
                    if e.end == i as u32
                        && e.target == target
                        && e.depth == h.depth
                        && e.lasti == h.lasti =>
                {
                    e.end += 1
                }
                _ => table.push(ExceptionTableEntry {
                    start: i as u32,
                    end: i as u32 + 1,
                    target,
                    depth: h.depth,
                    lasti: h.lasti,
                }),
            }
        }
        table
    }
}

/// The forward or backward form of a jump, by its direction.
fn directed(op: Opcode, backward: bool) -> Opcode {
    use Opcode::*;
    match (op, backward) {
        (JumpForward | JumpBackward, true) => JumpBackward,
        (JumpForward | JumpBackward, false) => JumpForward,
        (PopJumpForwardIfFalse | PopJumpBackwardIfFalse, true) => PopJumpBackwardIfFalse,
        (PopJumpForwardIfFalse | PopJumpBackwardIfFalse, false) => PopJumpForwardIfFalse,
        (PopJumpForwardIfTrue | PopJumpBackwardIfTrue, true) => PopJumpBackwardIfTrue,
        (PopJumpForwardIfTrue | PopJumpBackwardIfTrue, false) => PopJumpForwardIfTrue,
        (other, _) => other,
    }
}

/// Constants are shared only when they are the same Python value of the same type
/// (`1`, `1.0` and `True` stay apart, and so do `0.0` and `-0.0`).
fn same_const(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) => x.to_bits() == y.to_bits(),
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same_const(a, b))
        }
        (Constant::Code(_), _) | (_, Constant::Code(_)) => false,
        _ => a == b,
    }
}

/// The deepest the value stack gets, following every path including into handlers.
fn max_stack_depth(code: &[Instruction], table: &[ExceptionTableEntry]) -> u32 {
    let mut depth_at: Vec<Option<i32>> = vec![None; code.len() + 1];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0;
    while let Some((start, depth)) = work.pop() {
        let mut index = start;
        let mut depth = depth;
        while index < code.len() {
            if depth_at[index].is_some_and(|d| d >= depth) {
                break;
            }
            depth_at[index] = Some(depth);
            let ins = code[index];
            if let Some(e) = table
                .iter()
                .find(|e| e.start <= index as u32 && (index as u32) < e.end)
            {
                let handler_depth = e.depth as i32 + 1 + i32::from(e.lasti);
                work.push((e.target as usize, handler_depth));
            }
            if ins.op.is_jump() {
                let taken = depth + ins.op.stack_effect(ins.arg, true);
                max = max.max(taken);
                work.push((ins.arg as usize, taken));
            }
            depth += ins.op.stack_effect(ins.arg, false);
            max = max.max(depth);
            if ins.op.is_terminator() {
                break;
            }
            index += 1;
        }
    }
    max.max(0) as u32
}
