//! Code generation: walks the AST with the finished symbol table and emits CPython
//! 3.11-style instructions into one [`unit::Unit`] per scope.
//!
//! Modules: [`unit`] (a code object under construction and its assembly), `stmt`
//! (statements, loops, `try`), `expr` (expressions, calls, functions, comprehensions).

mod expr;
mod stmt;
pub mod unit;

use std::borrow::Cow;
use std::rc::Rc;

use pyc_bytecode::{code_flags, CodeObject, Constant, Opcode};
use pyc_parser::ast::{Expr, Span, Stmt};
use pyc_parser::LineIndex;

use crate::error::RawError;
use crate::symtable::{Scope, ScopeId, ScopeKind, SymbolTable};
use unit::{Label, Unit, UnitHeader};

/// A statement context that `break`, `continue` and `return` must unwind through.
#[derive(Clone)]
enum FBlock<'a> {
    /// A `while` loop: `continue` goes to `start`, `break` to `exit`.
    While { start: Label, exit: Label },
    /// A `for` loop, whose iterator is on the stack.
    For { start: Label, exit: Label },
    /// The body of `try ... except`.
    TryExcept,
    /// The body of `try ... finally`: leaving it runs the final body.
    FinallyTry { body: &'a [Stmt] },
    /// The final body running because of an exception (the exception is on the stack).
    FinallyEnd,
    /// An `except` clause in progress (the previous exception is on the stack).
    ExceptHandler,
    /// An `except` clause body, binding `name` if given.
    HandlerCleanup { name: Option<&'a str> },
    /// A return value kept on the stack while a final body runs.
    PopValue,
}

/// One scope being compiled: its unit, symbol-table scope and statement contexts.
struct Frame<'a> {
    unit: Unit,
    scope: ScopeId,
    fblocks: Vec<FBlock<'a>>,
}

/// The code generator for one module.
pub(crate) struct Compiler<'a> {
    table: SymbolTable,
    frames: Vec<Frame<'a>>,
    lines: LineIndex,
    filename: Rc<str>,
}

impl<'a> Compiler<'a> {
    /// A compiler for a module whose symbol table is `table`.
    pub fn new(table: SymbolTable, source: &str, filename: &str) -> Compiler<'a> {
        Compiler {
            table,
            frames: Vec::new(),
            lines: LineIndex::new(source),
            filename: filename.into(),
        }
    }

    /// Compiles the module body.
    pub fn compile_module(mut self, body: &'a [Stmt]) -> Result<CodeObject, RawError> {
        self.enter_scope(0, "<module>".to_string(), 1);
        // CPython gives the module's `RESUME` line 0.
        self.unit().line = 0;
        self.unit().emit_prologue();
        self.body_with_docstring(body)?;
        self.emit_return_none();
        Ok(self.leave_scope())
    }

    /// A module or class body, as CPython's `compiler_body`: a docstring is stored as
    /// `__doc__` instead of being compiled as a statement.
    fn body_with_docstring(&mut self, body: &'a [Stmt]) -> Result<(), RawError> {
        let mut rest = body;
        if let (Some(doc), Some((first, tail))) = (docstring(body), body.split_first()) {
            self.set_line(first.span);
            self.load_const(Constant::Str(doc.into()));
            self.name_op("__doc__", Access::Store, first.span)?;
            rest = tail;
        }
        rest.iter().try_for_each(|s| self.stmt(s))
    }

    fn frame(&mut self) -> &mut Frame<'a> {
        self.frames.last_mut().expect("a scope is open")
    }

    fn unit(&mut self) -> &mut Unit {
        &mut self.frame().unit
    }

    fn emit(&mut self, op: Opcode, arg: u32) {
        self.unit().emit(op, arg);
    }

    fn emit_jump(&mut self, op: Opcode, label: Label) {
        self.unit().emit_jump(op, label);
    }

    fn new_label(&mut self) -> Label {
        self.unit().new_label()
    }

    fn bind(&mut self, label: Label) {
        self.unit().bind(label);
    }

    fn load_const(&mut self, constant: Constant) {
        let index = self.unit().add_const(constant);
        self.emit(Opcode::LoadConst, index);
    }

    fn emit_return_none(&mut self) {
        if !self.unit().ends_in_terminator() {
            self.load_const(Constant::None);
            self.emit(Opcode::ReturnValue, 0);
        }
    }

    /// The 1-based line of a byte offset.
    fn line_of(&self, span: Span) -> u32 {
        self.lines.line(span.start)
    }

    /// Makes `span`'s line current; returns the previous line to restore.
    fn set_line(&mut self, span: Span) -> u32 {
        let line = self.line_of(span);
        std::mem::replace(&mut self.unit().line, line)
    }

    fn scope_kind(&self) -> ScopeKind {
        let frame = self.frames.last().expect("a scope is open");
        self.table.scopes[frame.scope].kind
    }

    /// `name` as the current scope spells it: a private name `__x` mangled inside a class.
    fn mangle<'n>(&self, name: &'n str) -> Cow<'n, str> {
        let frame = self.frames.last().expect("a scope is open");
        self.table.scopes[frame.scope].mangle(name)
    }

    /// The index in `co_names` of `name` mangled: how attribute and import names are kept.
    fn add_mangled_name(&mut self, name: &str) -> u32 {
        let name = self.mangle(name).into_owned();
        self.unit().add_name(&name)
    }

    /// Opens a unit for scope `id`.
    fn enter_scope(&mut self, id: ScopeId, qualname: String, firstlineno: u32) {
        let info = &self.table.scopes[id];
        let mut cell_names = info.sorted_names(Scope::Cell);
        if info.needs_class_closure {
            cell_names.push("__class__".to_string());
            cell_names.sort();
        }
        let mut free_names: Vec<String> = info
            .symbols
            .iter()
            .filter(|s| {
                s.scope == Scope::Free || (info.kind == ScopeKind::Class && s.is_free_class())
            })
            .map(|s| s.name.clone())
            .collect();
        free_names.sort();
        let mut flags = 0;
        if info.kind == ScopeKind::Function {
            flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS;
            if info.nested {
                flags |= code_flags::NESTED;
            }
            if info.is_generator {
                flags |= code_flags::GENERATOR;
            }
        }
        let name = match info.kind {
            ScopeKind::Module => "<module>".to_string(),
            _ => info.name.clone(),
        };
        // A comprehension's one parameter is `.0`; functions set theirs from the signature.
        let argcount = u32::from(info.is_comprehension);
        let params = info.params.clone();
        self.frames.push(Frame {
            unit: Unit::new(UnitHeader {
                name,
                qualname,
                firstlineno,
                params,
                argcount,
                kwonlyargcount: 0,
                flags,
                cell_names,
                free_names,
            }),
            scope: id,
            fblocks: Vec::new(),
        });
    }

    /// Closes the current unit and assembles it.
    fn leave_scope(&mut self) -> CodeObject {
        let frame = self.frames.pop().expect("a scope is open");
        frame.unit.assemble(&self.filename)
    }

    /// The qualified name of a new scope called `name` opened inside the current one.
    fn qualname_for(&self, name: &str) -> String {
        let Some(frame) = self.frames.last() else {
            return name.to_string();
        };
        let info = &self.table.scopes[frame.scope];
        // A function declared `global` in its parent is named as if at module level.
        if info.scope_of(&info.mangle(name)) == Scope::GlobalExplicit {
            return name.to_string();
        }
        match info.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Function if !info.is_comprehension => {
                format!("{}.<locals>.{name}", frame.unit.qualname())
            }
            _ => format!("{}.{name}", frame.unit.qualname()),
        }
    }

    /// Emits the load, store or delete of `name` that its scope calls for.
    fn name_op(&mut self, name: &str, access: Access, span: Span) -> Result<(), RawError> {
        let frame = self.frames.last().expect("a scope is open");
        let info = &self.table.scopes[frame.scope];
        let mangled = info.mangle(name);
        let name: &str = &mangled;
        let scope = info.scope_of(name);
        let kind = info.kind;
        if name == "__debug__" && access != Access::Load {
            return Err(RawError::syntax("cannot assign to __debug__", span));
        }
        use Access::*;
        use Opcode::*;
        match (scope, kind) {
            (Scope::Free | Scope::Cell, _) => {
                let op = match access {
                    Load if kind == ScopeKind::Class => LoadClassderef,
                    Load => LoadDeref,
                    Store => StoreDeref,
                    Delete => DeleteDeref,
                };
                self.unit().emit_deref(op, name);
            }
            (Scope::Local, ScopeKind::Function) => {
                let index = self.unit().varname(name);
                let op = match access {
                    Load => LoadFast,
                    Store => StoreFast,
                    Delete => DeleteFast,
                };
                self.emit(op, index);
            }
            (Scope::GlobalExplicit, _) | (Scope::GlobalImplicit, ScopeKind::Function) => {
                let index = self.unit().add_name(name);
                match access {
                    Load => self.emit(LoadGlobal, index << 1),
                    Store => self.emit(StoreGlobal, index),
                    Delete => self.emit(DeleteGlobal, index),
                }
            }
            (Scope::Local | Scope::GlobalImplicit, _) => {
                let index = self.unit().add_name(name);
                let op = match access {
                    Load => LoadName,
                    Store => StoreName,
                    Delete => DeleteName,
                };
                self.emit(op, index);
            }
        }
        Ok(())
    }

    /// Loads a callable for a call: `LOAD_GLOBAL (NULL + name)` for a global in a function,
    /// otherwise `PUSH_NULL` and the expression.
    fn load_callable(&mut self, func: &'a Expr) -> Result<(), RawError> {
        if let pyc_parser::ast::ExprKind::Name(name) = &func.kind {
            let frame = self.frames.last().expect("a scope is open");
            let info = &self.table.scopes[frame.scope];
            let name = info.mangle(name);
            let global = match info.scope_of(&name) {
                Scope::GlobalExplicit => true,
                Scope::GlobalImplicit => info.kind == ScopeKind::Function,
                _ => false,
            };
            if global {
                let line = self.set_line(func.span);
                let index = self.unit().add_name(&name);
                self.emit(Opcode::LoadGlobal, (index << 1) | 1);
                self.unit().line = line;
                return Ok(());
            }
        }
        self.emit(Opcode::PushNull, 0);
        self.expr(func)
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        pyc_parser::ast::StmtKind::Expr(Expr {
            kind: pyc_parser::ast::ExprKind::Str(doc),
            ..
        }) => Some(doc),
        _ => None,
    }
}

/// What a name operation does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Load,
    Store,
    Delete,
}
