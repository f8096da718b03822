//! One code object under construction, and its assembly into a [`CodeObject`].
//!
//! Instructions go into the blocks of a [`Cfg`], opened where CPython opens them: a
//! [`Label`] is a block, [`Unit::bind`] makes it the current one, and an instruction
//! after a jump, return or raise starts a new block by itself. Jumps are virtual until
//! assembly, which runs CPython's passes over the graph (see `cfg`), lays the blocks out,
//! resolves jump targets and directions, lays out localsplus
//! (`[varnames | cell-only names | freevars]`) and fixes deref arguments to it, and
//! builds the exception table from the handler each instruction ended up with.

use std::rc::Rc;

use pyc_bytecode::{
    code_flags, fast_kind, Anchors, CodeObject, Constant, ExceptionTableEntry, Instruction, Opcode,
};

use super::cfg::{BlockId, Cfg, ConstPool, Instr, Op};
use super::loc::Loc;

/// A jump target: a block, placed in the layout when it is bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(BlockId);

/// The constants of a code object: equal constants (of the same type) share an entry.
#[derive(Default)]
struct Consts(Vec<Constant>);

impl ConstPool for Consts {
    fn get(&self, index: u32) -> &Constant {
        &self.0[index as usize]
    }

    fn add(&mut self, constant: Constant) -> u32 {
        if !matches!(constant, Constant::Code(_)) {
            if let Some(i) = self.0.iter().position(|c| same_const(c, &constant)) {
                return i as u32;
            }
        }
        self.0.push(constant);
        self.0.len() as u32 - 1
    }
}

/// A code object being built.
pub struct Unit {
    cfg: Cfg,
    current: BlockId,
    /// Set after a jump, return or raise: the next instruction opens a new block.
    need_new_block: bool,
    consts: Consts,
    names: Vec<Rc<str>>,
    /// `co_varnames`: parameters first, then locals in order of first use.
    varnames: Vec<String>,
    /// Names of cells owned by this scope, sorted.
    cell_names: Vec<String>,
    /// Names of free variables, sorted.
    free_names: Vec<String>,
    /// The source location of the instructions emitted now (line -1 for none).
    pub loc: Loc,
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
    /// An empty unit, its entry block current.
    pub fn new(header: UnitHeader) -> Unit {
        let mut cfg = Cfg::default();
        let entry = cfg.new_block();
        Unit {
            cfg,
            current: entry,
            need_new_block: false,
            consts: Consts::default(),
            names: Vec::new(),
            varnames: header.params,
            cell_names: header.cell_names,
            free_names: header.free_names,
            loc: Loc::scope_start(header.firstlineno as i32, header.firstlineno as i32),
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

    fn push(&mut self, op: Op, arg: u32, target: Option<BlockId>, loc: Loc) {
        if self.need_new_block {
            let block = self.cfg.new_block();
            self.use_block(block);
        }
        self.cfg.blocks[self.current].instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            except: None,
        });
        if op.ends_block() {
            self.need_new_block = true;
        }
    }

    /// Emits an instruction with a plain argument (0 when the opcode takes none).
    pub fn emit(&mut self, op: Opcode, arg: u32) {
        self.push(Op::Real(op), arg, None, self.loc);
    }

    /// Emits an instruction without a line of its own (it takes its neighbours').
    pub fn emit_noline(&mut self, op: Opcode, arg: u32) {
        self.push(Op::Real(op), arg, None, Loc::NO_LINE);
    }

    /// Emits a jump, or a setup of an exception handler, to `label`.
    pub fn emit_jump(&mut self, op: Op, label: Label) {
        self.push(op, 0, Some(label.0), self.loc);
    }

    /// Emits a jump without a line of its own.
    pub fn emit_jump_noline(&mut self, op: Op, label: Label) {
        self.push(op, 0, Some(label.0), Loc::NO_LINE);
    }

    /// Emits the end of the innermost protected range.
    pub fn emit_pop_block(&mut self) {
        self.push(Op::PopBlock, 0, None, self.loc);
    }

    /// Emits `POP_BLOCK` without a line of its own.
    pub fn emit_pop_block_noline(&mut self) {
        self.push(Op::PopBlock, 0, None, Loc::NO_LINE);
    }

    /// Emits a deref-family instruction on the cell or free variable `name`.
    pub fn emit_deref(&mut self, op: Opcode, name: &str) {
        let index = self
            .cell_names
            .iter()
            .chain(&self.free_names)
            .position(|n| n == name)
            .expect("the symbol table classified the name as cell or free");
        self.emit(op, index as u32);
    }

    /// [`Unit::emit_deref`] for a name the symbol table classified `Free`: its free
    /// variable slot, even where a class body also has a cell of that name (only
    /// `__class__` can be both, as in CPython).
    pub fn emit_free_deref(&mut self, op: Opcode, name: &str) {
        let index = self
            .free_names
            .iter()
            .position(|n| n == name)
            .expect("the symbol table classified the name as free");
        self.emit(op, (self.cell_names.len() + index) as u32);
    }

    /// Emits the prefix every body starts with, in CPython's order: `COPY_FREE_VARS`,
    /// `MAKE_CELL`s in slot order (for cells only; other names never get a cell), for a
    /// generator `RETURN_GENERATOR` and `POP_TOP`, then `RESUME`. `RETURN_GENERATOR` has
    /// the definition's line, `RESUME` the current one, the others none.
    pub fn emit_prologue(&mut self) {
        if !self.free_names.is_empty() {
            self.emit_noline(Opcode::CopyFreeVars, self.free_names.len() as u32);
        }
        let mut cells: Vec<(usize, String)> = self
            .cell_names
            .clone()
            .into_iter()
            .map(|name| (self.cell_slot(&name), name))
            .collect();
        cells.sort();
        let loc = std::mem::replace(&mut self.loc, Loc::NONE);
        for (_, name) in cells {
            self.emit_deref(Opcode::MakeCell, &name);
        }
        if self.flags & (code_flags::GENERATOR | code_flags::COROUTINE) != 0 {
            // CPython adds it while assembling, with a line and nothing more.
            self.loc = Loc {
                line: self.firstlineno as i32,
                ..Loc::NONE
            };
            self.emit(Opcode::ReturnGenerator, 0);
            self.emit_noline(Opcode::PopTop, 0);
        }
        self.loc = loc;
        self.emit(Opcode::Resume, 0);
    }

    /// A new block, placed in the layout when it is bound.
    pub fn new_label(&mut self) -> Label {
        Label(self.cfg.new_block())
    }

    /// Places `label`'s block next in the layout and makes it the current block.
    pub fn bind(&mut self, label: Label) {
        self.use_block(label.0);
    }

    fn use_block(&mut self, block: BlockId) {
        self.cfg.blocks[self.current].next = Some(block);
        self.current = block;
        self.need_new_block = false;
    }

    /// Whether the current block ends in a `RETURN_VALUE`.
    fn current_block_returns(&self) -> bool {
        self.cfg.blocks[self.current]
            .instrs
            .last()
            .is_some_and(|i| i.op == Op::Real(Opcode::ReturnValue))
    }

    /// The index of `constant` in `co_consts`, adding it if new.
    pub fn add_const(&mut self, constant: Constant) -> u32 {
        self.consts.add(constant)
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

    /// The localsplus slot of deref index `i` (cells, then free variables).
    fn deref_slot(&self, i: u32) -> u32 {
        let i = i as usize;
        if i < self.cell_names.len() {
            return self.cell_slot(&self.cell_names[i]) as u32;
        }
        let cell_only = self
            .cell_names
            .iter()
            .filter(|c| !self.varnames.contains(c))
            .count();
        (self.varnames.len() + cell_only + i - self.cell_names.len()) as u32
    }

    /// Drops trailing constants no instruction loads (the first is always kept: it may
    /// be the docstring).
    fn trim_unused_consts(&mut self) {
        let used = self
            .cfg
            .order()
            .into_iter()
            .flat_map(|b| self.cfg.blocks[b].instrs.iter())
            .filter(|i| matches!(i.op, Op::Real(Opcode::LoadConst | Opcode::KwNames)))
            .map(|i| i.arg as usize)
            .max()
            .unwrap_or(0);
        self.consts.0.truncate(used + 1);
    }

    /// Finishes the code: a `return None` (or, without `add_none`, a bare return of
    /// what is on the stack) where the code can fall off its end, CPython's passes over
    /// the block graph, then the layout into a code object.
    pub fn assemble(mut self, filename: &Rc<str>, add_none: bool) -> CodeObject {
        if !self.current_block_returns() {
            self.loc.line = -1;
            if add_none {
                let none = self.add_const(Constant::None);
                self.emit(Opcode::LoadConst, none);
            }
            self.emit(Opcode::ReturnValue, 0);
        }
        self.cfg.normalize();
        self.cfg.extend_blocks();
        self.cfg.optimize(&mut self.consts);
        self.cfg.duplicate_exits_without_lineno();
        self.trim_unused_consts();
        self.cfg.propagate_line_numbers();
        self.cfg.guarantee_lineno_for_exits(self.firstlineno as i32);
        let stacksize = self.cfg.stack_depth();
        self.cfg.label_exception_targets();
        self.cfg.remove_pseudo_instructions();
        self.lay_out(filename, stacksize)
    }

    /// Places the blocks one after another and resolves everything symbolic.
    fn lay_out(self, filename: &Rc<str>, stacksize: u32) -> CodeObject {
        let order = self.cfg.order();
        let mut start = vec![0u32; self.cfg.blocks.len()];
        let mut count = 0u32;
        for &b in &order {
            start[b] = count;
            count += self.cfg.blocks[b].instrs.len() as u32;
        }
        let laid_out: Vec<&Instr> = order
            .iter()
            .flat_map(|&b| self.cfg.blocks[b].instrs.iter())
            .collect();
        let instructions = laid_out
            .iter()
            .enumerate()
            .map(|(index, i)| self.instruction(i, index as u32, &start))
            .collect();
        let positions = laid_out.iter().map(|i| i.loc.position()).collect();
        let anchors = laid_out
            .iter()
            .enumerate()
            .filter(|(_, i)| i.loc.has_line())
            .filter_map(|(index, i)| {
                let (left, right) = i.loc.anchors?;
                Some(Anchors {
                    index: index as u32,
                    left,
                    right,
                })
            })
            .collect();
        let exception_table = self.exception_table(&laid_out, &start);
        let (localsplus_names, localsplus_kinds) = self.localsplus();
        CodeObject {
            positions,
            anchors,
            instructions,
            exception_table,
            consts: self.consts.0,
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

    /// The final instruction for `i` at `index`: jumps get their target's index and
    /// their direction, deref arguments their localsplus slot.
    fn instruction(&self, i: &Instr, index: u32, start: &[u32]) -> Instruction {
        use Opcode::*;
        let Some(target) = i.target else {
            let arg = match i.op {
                Op::Real(
                    MakeCell | LoadClosure | LoadDeref | StoreDeref | DeleteDeref | LoadClassderef,
                ) => self.deref_slot(i.arg),
                _ => i.arg,
            };
            let Op::Real(op) = i.op else {
                unreachable!("pseudo-instructions are gone before layout")
            };
            return Instruction::new(op, arg);
        };
        let to = start[target];
        let backward = to <= index;
        let op = match (i.op, backward) {
            (Op::Jump, false) | (Op::JumpNoInterrupt, false) => JumpForward,
            (Op::Jump, true) => JumpBackward,
            (Op::JumpNoInterrupt, true) => JumpBackwardNoInterrupt,
            (Op::PopJumpIfFalse, false) => PopJumpForwardIfFalse,
            (Op::PopJumpIfFalse, true) => PopJumpBackwardIfFalse,
            (Op::PopJumpIfTrue, false) => PopJumpForwardIfTrue,
            (Op::PopJumpIfTrue, true) => PopJumpBackwardIfTrue,
            (Op::PopJumpIfNone, false) => PopJumpForwardIfNone,
            (Op::PopJumpIfNone, true) => PopJumpBackwardIfNone,
            (Op::PopJumpIfNotNone, false) => PopJumpForwardIfNotNone,
            (Op::PopJumpIfNotNone, true) => PopJumpBackwardIfNotNone,
            (Op::Real(op), _) => op,
            (Op::SetupFinally | Op::SetupCleanup | Op::SetupWith | Op::PopBlock, _) => {
                unreachable!("pseudo-instructions are gone before layout")
            }
        };
        Instruction::new(op, to)
    }

    /// Groups consecutive instructions with the same handler into table rows.
    fn exception_table(&self, laid_out: &[&Instr], start: &[u32]) -> Vec<ExceptionTableEntry> {
        let mut table: Vec<ExceptionTableEntry> = Vec::new();
        let mut run: Option<(u32, BlockId)> = None;
        let mut close = |run: Option<(u32, BlockId)>, end: u32| {
            if let Some((first, handler)) = run {
                let (depth, lasti) = self.cfg.handler_frame(handler);
                table.push(ExceptionTableEntry {
                    start: first,
                    end,
                    target: start[handler],
                    depth,
                    lasti,
                });
            }
        };
        for (index, i) in laid_out.iter().enumerate() {
            if run.map(|(_, h)| h) != i.except {
                close(run, index as u32);
                run = i.except.map(|h| (index as u32, h));
            }
        }
        close(run, laid_out.len() as u32);
        table
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
}

/// Constants are shared only when they are the same Python value of the same type
/// (`1`, `1.0` and `True` stay apart, and so do `0.0` and `-0.0`).
fn same_const(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) => x.to_bits() == y.to_bits(),
        (Constant::Tuple(x), Constant::Tuple(y))
        | (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same_const(a, b))
        }
        (Constant::Code(_), _) | (_, Constant::Code(_)) => false,
        _ => a == b,
    }
}
