//! Code generation: walks the AST with the finished symbol table and emits CPython
//! 3.11's instructions into one [`unit::Unit`] per scope, in the blocks CPython opens.
//!
//! Modules: [`unit`] (a code object under construction and its assembly), `cfg` (the
//! block graph and CPython's optimisation passes over it), `fold` (CPython's constant
//! folding), `stmt` (statements, loops, `try`), `expr` (expressions, functions,
//! comprehensions), `call` (calls and class definitions), `with` (the `with`
//! statement).

mod call;
mod cfg;
mod expr;
mod fold;
mod loc;
mod stmt;
pub mod unit;
mod with;

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use pyc_bytecode::{code_flags, CodeObject, Constant, Opcode};
use pyc_parser::ast::{Expr, ExprKind, Span, Stmt};
use pyc_parser::LineIndex;

use crate::error::RawError;
use crate::symtable::{Scope, ScopeId, ScopeInfo, ScopeKind, SymbolTable};
use cfg::Op;
use fold::Folder;
use loc::Loc;
use unit::{Label, Unit, UnitHeader};

/// A statement context that `break`, `continue` and `return` must unwind through
/// (CPython's frame blocks).
#[derive(Clone, Copy)]
enum FBlock<'a> {
    /// A `while` loop: `continue` goes to `start`, `break` to `exit`.
    While { start: Label, exit: Label },
    /// A `for` loop, whose iterator is on the stack.
    For { start: Label, exit: Label },
    /// The body of `try ... except`.
    TryExcept,
    /// The body of a `with` item (its bound `__exit__` is on the stack); `span` is the
    /// statement's; an `async with` awaits what `__aexit__` returns.
    With { span: Span, is_async: bool },
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
    /// The `co_consts` index of the code of each child scope made so far.
    code_consts: HashMap<ScopeId, u32>,
}

/// The code generator for one module.
pub(crate) struct Compiler<'a> {
    table: SymbolTable,
    frames: Vec<Frame<'a>>,
    lines: LineIndex,
    source: &'a str,
    filename: Rc<str>,
    folder: Folder,
    /// `compile(..., 'single')`: top-level expression statements print their value.
    interactive: bool,
}

impl<'a> Compiler<'a> {
    /// A compiler for a module whose symbol table is `table`.
    pub fn new(
        table: SymbolTable,
        source: &'a str,
        filename: &str,
        interactive: bool,
    ) -> Compiler<'a> {
        Compiler {
            table,
            frames: Vec::new(),
            lines: LineIndex::new(source),
            source,
            filename: filename.into(),
            folder: Folder::default(),
            interactive,
        }
    }

    /// Compiles an `eval` source: the expression's value is what the code returns.
    pub fn compile_expression(mut self, e: &'a Expr) -> Result<CodeObject, RawError> {
        self.enter_scope(0, "<module>".to_string(), 1);
        self.unit().loc = Loc::scope_start(0, 1);
        self.unit().emit_prologue();
        self.set_expr_loc(e);
        self.expr(e)?;
        self.emit(Opcode::ReturnValue, 0);
        Ok(self.leave_scope(false))
    }

    /// Compiles the module body.
    pub fn compile_module(mut self, body: &'a [Stmt]) -> Result<CodeObject, RawError> {
        self.enter_scope(0, "<module>".to_string(), 1);
        // CPython gives the module's `RESUME` line 0.
        self.unit().loc = Loc::scope_start(0, 1);
        self.unit().emit_prologue();
        self.unit().loc = Loc::scope_start(1, 1);
        self.body_with_docstring(body)?;
        Ok(self.leave_scope(true))
    }

    /// A module or class body, as CPython's `compiler_body`: a docstring is stored as
    /// `__doc__` instead of being compiled as a statement.
    fn body_with_docstring(&mut self, body: &'a [Stmt]) -> Result<(), RawError> {
        let mut rest = body;
        if let (Some(doc), Some((first, tail))) = (docstring(body), body.split_first()) {
            self.set_loc(first.span);
            self.load_const(Constant::Str(doc.into()));
            self.unset_line();
            self.name_op("__doc__", Access::Store, first.span)?;
            rest = tail;
        }
        self.body(rest)
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

    fn emit_jump(&mut self, op: Op, label: Label) {
        self.unit().emit_jump(op, label);
    }

    fn emit_jump_noline(&mut self, op: Op, label: Label) {
        self.unit().emit_jump_noline(op, label);
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

    /// The 1-based line of a byte offset.
    fn line_of(&self, span: Span) -> u32 {
        self.lines.line(span.start)
    }

    /// The location of a node spanning `span` (CPython's `SET_LOC`).
    fn loc_of(&self, span: Span) -> Loc {
        let (line, col) = self.lines.line_byte_col(span.start);
        let (end_line, end_col) = self.lines.line_byte_col(span.end);
        Loc {
            line: line as i32,
            end_line: end_line as i32,
            col: col as i32,
            end_col: end_col as i32,
            anchors: None,
        }
    }

    /// The location of expression `e`, with the anchors of a one-line binary operation
    /// or subscript.
    fn expr_loc(&self, e: &Expr) -> Loc {
        let mut loc = self.loc_of(e.span);
        if loc.line != loc.end_line {
            return loc;
        }
        let text = self.lines.line_text(self.source, loc.line as u32);
        let col_of = |offset: u32| self.lines.line_byte_col(offset).1 as usize;
        loc.anchors = match &e.kind {
            ExprKind::BinOp { left, .. } => loc::binop_anchors(text, col_of(left.span.end)),
            ExprKind::Subscript { value, .. } => {
                loc::subscript_anchors(text, col_of(value.span.end), loc.end_col as usize)
            }
            _ => None,
        };
        loc
    }

    /// Makes expression `e`'s location (with its anchors) current; returns the previous
    /// one to restore.
    fn set_expr_loc(&mut self, e: &Expr) -> Loc {
        let loc = self.expr_loc(e);
        std::mem::replace(&mut self.unit().loc, loc)
    }

    /// Makes `span`'s location current; returns the previous one to restore.
    fn set_loc(&mut self, span: Span) -> Loc {
        let loc = self.loc_of(span);
        std::mem::replace(&mut self.unit().loc, loc)
    }

    /// For an attribute expression `target` that spans lines, moves the start of the
    /// current location to the attribute's name (CPython's
    /// `update_location_to_match_attr`; it counts the name in characters).
    fn match_attr_loc(&mut self, target: &Expr) {
        let ExprKind::Attribute { attr, .. } = &target.kind else {
            return;
        };
        let loc = self.loc_of(target.span);
        if loc.line != loc.end_line {
            let unit = self.unit();
            unit.loc.line = loc.end_line;
            unit.loc.col = loc.end_col - attr.name.chars().count() as i32;
        }
    }

    /// Makes the following instructions artificial: they take their neighbours'
    /// locations (CPython's `UNSET_LOC`, which forgets only the line).
    fn unset_line(&mut self) {
        self.unit().loc.line = -1;
    }

    fn scope_kind(&self) -> ScopeKind {
        self.current_scope().kind
    }

    /// What the symbol table knows of the scope being compiled.
    fn current_scope(&self) -> &ScopeInfo {
        let frame = self.frames.last().expect("a scope is open");
        &self.table.scopes[frame.scope]
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
            if info.is_generator && !info.is_coroutine {
                flags |= code_flags::GENERATOR;
            }
            if info.is_coroutine && !info.is_generator {
                flags |= code_flags::COROUTINE;
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
            code_consts: HashMap::new(),
        });
    }

    /// Closes the current unit and assembles it; `add_none` makes falling off the end
    /// return `None` (otherwise it returns what is on the stack).
    fn leave_scope(&mut self, add_none: bool) -> CodeObject {
        let frame = self.frames.pop().expect("a scope is open");
        frame.unit.assemble(&self.filename, add_none)
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
                if scope == Scope::Free {
                    self.unit().emit_free_deref(op, name);
                } else {
                    self.unit().emit_deref(op, name);
                }
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

    /// Whether `name` is bound by an import at module level (CPython then calls methods
    /// on it through `LOAD_ATTR`, not `LOAD_METHOD`).
    fn is_module_import(&self, name: &str) -> bool {
        self.table.scopes[0].is_imported(name)
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        pyc_parser::ast::StmtKind::Expr(pyc_parser::ast::Expr {
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
