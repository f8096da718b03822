//! The symbol table: which names of each scope are local, global, cell or free.
//!
//! Built in CPython's two passes (see `Python/symtable.c`). Pass 1 (`Builder`) walks the
//! AST and records raw flags per name and scope (assigned, parameter, used, `global`,
//! `nonlocal`), raising the directive errors on the spot. Pass 2 (`analyze`) walks the
//! scope tree top-down with the set of names bound by enclosing functions, decides each
//! name's [`Scope`], turns locals that a child needs into cells, and adds pass-through
//! free variables to the functions in between. Code generation only reads the result.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use pyc_parser::ast::{
    Comprehension, Expr, ExprKind, FStringPart, Parameters, Span, Stmt, StmtKind,
};

use crate::error::RawError;

/// The flag bits recorded in pass 1.
mod flag {
    /// Explicit `global` declaration.
    pub const GLOBAL: u16 = 1;
    /// Assigned (or deleted, or bound by `def`, `for`, `except as`).
    pub const LOCAL: u16 = 2;
    /// A parameter.
    pub const PARAM: u16 = 4;
    /// `nonlocal` declaration.
    pub const NONLOCAL: u16 = 8;
    /// Read.
    pub const USE: u16 = 16;
    /// Bound by an import.
    pub const IMPORT: u16 = 32;
    /// A free variable of a method that the class body also binds.
    pub const FREE_CLASS: u16 = 64;
    /// An iteration variable of a comprehension.
    pub const COMP_ITER: u16 = 128;
    /// Any binding.
    pub const BOUND: u16 = LOCAL | PARAM | IMPORT;
}

/// What a name is in one scope, as CPython classifies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Bound in this scope and not captured: a fast local (or a name in a module/class).
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere enclosing: looked up in globals, then builtins.
    GlobalImplicit,
    /// Bound in an enclosing function: read through a cell of the closure.
    Free,
    /// Bound here and captured by an inner scope: stored in a cell.
    Cell,
}

/// The kind of block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module.
    Module,
    /// A class body.
    Class,
    /// A function, lambda or comprehension.
    Function,
}

/// One name in one scope.
#[derive(Clone, Debug)]
pub struct Symbol {
    /// The name.
    pub name: String,
    /// Pass-1 flags.
    flags: u16,
    /// Pass-2 result.
    pub scope: Scope,
}

impl Symbol {
    /// Whether the name is a parameter of its function.
    pub fn is_param(&self) -> bool {
        self.flags & flag::PARAM != 0
    }

    /// Whether a method of this class uses the name as a free variable
    /// (the class body then reads it with `LOAD_CLASSDEREF`).
    pub fn is_free_class(&self) -> bool {
        self.flags & flag::FREE_CLASS != 0
    }
}

/// Index of a scope in [`SymbolTable::scopes`]; the module is 0.
pub type ScopeId = usize;

/// One scope: a module, class, function, lambda or comprehension.
#[derive(Clone, Debug)]
pub struct ScopeInfo {
    /// What kind of block it is.
    pub kind: ScopeKind,
    /// `co_name`: the function or class name, `<lambda>`, `<listcomp>`, ...
    pub name: String,
    /// Symbols in the order they were first seen.
    pub symbols: Vec<Symbol>,
    /// Name to position in `symbols`.
    index: HashMap<String, usize>,
    /// Parameters in `co_varnames` order: positional, keyword-only, `*args`, `**kwargs`.
    pub params: Vec<String>,
    /// Nested scopes in the order they appear.
    pub children: Vec<ScopeId>,
    /// The scope this one is nested in.
    pub parent: Option<ScopeId>,
    /// Whether the scope is inside a function.
    pub nested: bool,
    /// Whether the body contains `yield` (or it is a generator expression).
    pub is_generator: bool,
    /// Whether the scope is a comprehension.
    pub is_comprehension: bool,
    /// Whether the scope is an `async def`.
    pub is_async_def: bool,
    /// CPython's `ste_coroutine`: an `async def`, or a scope holding `await` or an
    /// `async for` clause of a comprehension.
    pub is_coroutine: bool,
    /// Whether a class body must provide the implicit `__class__` cell.
    pub needs_class_closure: bool,
    /// The innermost enclosing class (the scope's own name for a class body): private
    /// names `__x` are mangled with it.
    pub private: Option<String>,
    /// Where each `global`/`nonlocal` directive is, for errors found in pass 2.
    directives: HashMap<String, Span>,
    /// Pass 1: visiting the iteration targets of a comprehension.
    comp_iter_target: bool,
    /// Pass 1: how many comprehension iterable expressions are being visited (inherited
    /// by scopes opened inside one, as in CPython).
    comp_iter_expr: u32,
}

impl ScopeInfo {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>, nested: bool) -> ScopeInfo {
        ScopeInfo {
            private: None,
            comp_iter_target: false,
            comp_iter_expr: 0,
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            parent,
            nested,
            is_generator: false,
            is_comprehension: false,
            is_async_def: false,
            is_coroutine: false,
            needs_class_closure: false,
            directives: HashMap::new(),
        }
    }

    /// `name` as this scope's symbols spell it: mangled if private (see [`mangle`]).
    pub fn mangle<'n>(&self, name: &'n str) -> Cow<'n, str> {
        mangle(self.private.as_deref(), name)
    }

    /// The symbol named `name` (already mangled), if this scope mentions it.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// The scope of `name` here; names the scope never mentions are implicit globals.
    pub fn scope_of(&self, name: &str) -> Scope {
        self.lookup(name).map_or(Scope::GlobalImplicit, |s| s.scope)
    }

    fn flags(&self, name: &str) -> u16 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    /// Whether an import statement in this scope binds `name`.
    pub fn is_imported(&self, name: &str) -> bool {
        self.flags(name) & flag::IMPORT != 0
    }

    fn add_flags(&mut self, name: &str, bits: u16) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].flags |= bits,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: bits,
                    scope: Scope::GlobalImplicit,
                });
            }
        }
    }

    /// Names whose scope is `scope`, sorted (CPython orders cell and free names so).
    pub fn sorted_names(&self, scope: Scope) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == scope)
            .map(|s| s.name.clone())
            .collect();
        names.sort();
        names
    }
}

/// The analysed scopes of a module, keyed by the AST node that opens each scope.
#[derive(Debug)]
pub struct SymbolTable {
    /// Every scope; index 0 is the module.
    pub scopes: Vec<ScopeInfo>,
    /// The scope opened by each `def`, `class`, `lambda` or comprehension node.
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// Builds and analyses the symbol table of a module.
    pub(crate) fn build(body: &[Stmt]) -> Result<SymbolTable, RawError> {
        let mut builder = Builder {
            table: SymbolTable {
                scopes: vec![ScopeInfo::new(ScopeKind::Module, "top", None, false)],
                by_node: HashMap::new(),
            },
            current: 0,
        };
        builder.visit_body(body)?;
        let mut table = builder.table;
        analyze(&mut table)?;
        Ok(table)
    }

    /// The scope that `node` (a `def`/`class` statement or a lambda/comprehension
    /// expression) opens.
    pub fn scope_of_node<T>(&self, node: &T) -> ScopeId {
        self.by_node[&node_key(node)]
    }
}

/// The identity of an AST node: its address, stable while the AST is borrowed.
fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's `_Py_Mangle`: inside class `private`, a name `__x` becomes `_private__x`
/// with the class name's leading underscores stripped. Names ending in `__` or holding
/// a dot are left alone, and so is everything in a class named only with underscores.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    let stripped = class.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || stripped.is_empty()
    {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// How CPython names a comprehension kind in its errors, from the scope's name.
fn comprehension_kind(scope_name: &str) -> &'static str {
    match scope_name {
        "<listcomp>" => "list comprehension",
        "<setcomp>" => "set comprehension",
        "<dictcomp>" => "dict comprehension",
        _ => "generator expression",
    }
}

/// Pass 1: records what each scope does with each name.
struct Builder {
    table: SymbolTable,
    current: ScopeId,
}

impl Builder {
    fn scope(&mut self) -> &mut ScopeInfo {
        &mut self.table.scopes[self.current]
    }

    /// Records `bits` for `name` (mangled) in the current scope.
    fn add_def(&mut self, name: &str, bits: u16) {
        let name = self.scope().mangle(name).into_owned();
        self.add_flags_in(self.current, &name, bits);
    }

    /// Records `bits` for the (mangled) `name` in scope `id`. As in CPython, a name
    /// declared global anywhere is marked global in the module too, so the module body
    /// also reaches it with `LOAD_GLOBAL`/`STORE_GLOBAL`.
    fn add_flags_in(&mut self, id: ScopeId, name: &str, bits: u16) {
        self.table.scopes[id].add_flags(name, bits);
        if bits & flag::GLOBAL != 0 {
            self.table.scopes[0].add_flags(name, flag::GLOBAL);
        }
    }

    /// Records `bits` for a name written in the program at `span`. While the targets of a
    /// comprehension's `for` are visited, the name is marked as an iteration variable,
    /// which an assignment expression's target may not be.
    fn add_name_def(&mut self, name: &str, bits: u16, span: Span) -> Result<(), RawError> {
        if self.scope().comp_iter_target {
            let mangled = self.scope().mangle(name).into_owned();
            if self.scope().flags(&mangled) & (flag::GLOBAL | flag::NONLOCAL) != 0 {
                return Err(RawError::syntax(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    span,
                ));
            }
            self.add_def(name, bits | flag::COMP_ITER);
            return Ok(());
        }
        self.add_def(name, bits);
        Ok(())
    }

    /// Opens a new scope for `node` inside the current one and makes it current.
    fn enter<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> ScopeId {
        let parent = self.current;
        let nested = self.table.scopes[parent].nested
            || self.table.scopes[parent].kind == ScopeKind::Function;
        let id = self.table.scopes.len();
        let mut info = ScopeInfo::new(kind, name, Some(parent), nested);
        info.private = match kind {
            ScopeKind::Class => Some(name.to_string()),
            _ => self.table.scopes[parent].private.clone(),
        };
        info.comp_iter_expr = self.table.scopes[parent].comp_iter_expr;
        self.table.scopes.push(info);
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(node_key(node), id);
        self.current = id;
        id
    }

    fn leave(&mut self) {
        self.current = self.table.scopes[self.current]
            .parent
            .expect("the module scope is never left");
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), RawError> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Result<(), RawError> {
        crate::depth::deep(|| self.visit_stmt_kind(stmt))
    }

    fn visit_stmt_kind(&mut self, stmt: &Stmt) -> Result<(), RawError> {
        match &stmt.kind {
            StmtKind::Expr(e) => self.visit_expr(e),
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                targets.iter().try_for_each(|t| self.visit_target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                if let ExprKind::Name(name) = &target.kind {
                    self.add_def(name, flag::USE | flag::LOCAL);
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_expr(value)
            }
            StmtKind::FunctionDef(def) => {
                self.add_def(&def.name.name, flag::LOCAL);
                self.visit_exprs(&def.decorators)?;
                self.visit_defaults(&def.params)?;
                let id = self.enter(stmt, ScopeKind::Function, &def.name.name);
                self.table.scopes[id].is_async_def = def.is_async;
                self.table.scopes[id].is_coroutine = def.is_async;
                self.visit_params(&def.params)?;
                self.visit_body(&def.body)?;
                self.leave();
                Ok(())
            }
            StmtKind::ClassDef(class) => {
                self.add_def(&class.name.name, flag::LOCAL);
                self.visit_exprs(&class.decorators)?;
                self.visit_exprs(&class.bases)?;
                for kw in &class.keywords {
                    self.visit_expr(&kw.value)?;
                }
                self.enter(stmt, ScopeKind::Class, &class.name.name);
                self.visit_body(&class.body)?;
                self.leave();
                Ok(())
            }
            StmtKind::Return(value) => self.visit_opt(value.as_ref()),
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_target(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => Ok(()),
            StmtKind::Global(names) => {
                for name in names {
                    self.declare(&name.name, stmt.span, flag::GLOBAL, "global")?;
                }
                Ok(())
            }
            StmtKind::Nonlocal(names) => {
                for name in names {
                    self.declare(&name.name, stmt.span, flag::NONLOCAL, "nonlocal")?;
                }
                Ok(())
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.visit_target(t)),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.visit_body(body)?;
                for handler in handlers {
                    self.visit_opt(handler.typ.as_ref())?;
                    if let Some(name) = &handler.name {
                        self.add_def(&name.name, flag::LOCAL);
                    }
                    self.visit_body(&handler.body)?;
                }
                self.visit_body(orelse)?;
                self.visit_body(finalbody)
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(target) = &item.optional_vars {
                        self.visit_target(target)?;
                    }
                }
                self.visit_body(body)
            }
            StmtKind::Raise { exc, cause } => {
                self.visit_opt(exc.as_ref())?;
                self.visit_opt(cause.as_ref())
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                self.visit_opt(msg.as_ref())
            }
            StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                for alias in aliases {
                    if alias.name.name == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            return Err(RawError::syntax(
                                "import * only allowed at module level",
                                alias.name.span,
                            ));
                        }
                        continue;
                    }
                    let bound = match &alias.asname {
                        Some(asname) => asname.name.as_str(),
                        None => alias.name.name.split('.').next().unwrap_or_default(),
                    };
                    self.add_def(bound, flag::IMPORT);
                }
                Ok(())
            }
        }
    }

    /// Records a `global` or `nonlocal` directive, with CPython's errors for a name the
    /// scope already used, assigned or took as a parameter.
    fn declare(&mut self, name: &str, span: Span, bits: u16, what: &str) -> Result<(), RawError> {
        let mangled = self.scope().mangle(name).into_owned();
        let cur = self.scope().flags(&mangled);
        let problem = if cur & flag::PARAM != 0 {
            Some(format!("name '{name}' is parameter and {what}"))
        } else if cur & flag::USE != 0 {
            Some(format!("name '{name}' is used prior to {what} declaration"))
        } else if cur & (flag::LOCAL | flag::IMPORT) != 0 {
            Some(format!(
                "name '{name}' is assigned to before {what} declaration"
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            return Err(RawError::syntax(message, span));
        }
        self.add_def(name, bits);
        self.scope().directives.entry(mangled).or_insert(span);
        Ok(())
    }

    fn visit_defaults(&mut self, params: &Parameters) -> Result<(), RawError> {
        for p in params.args.iter().chain(&params.kwonlyargs) {
            self.visit_opt(p.default.as_ref())?;
        }
        Ok(())
    }

    /// Records the parameters (mangled) in `co_varnames` order; a name may be taken once.
    fn visit_params(&mut self, params: &Parameters) -> Result<(), RawError> {
        let names = params
            .args
            .iter()
            .chain(&params.kwonlyargs)
            .map(|p| &p.name)
            .chain(&params.vararg)
            .chain(&params.kwarg);
        for ident in names {
            let mangled = self.scope().mangle(&ident.name).into_owned();
            if self.scope().flags(&mangled) & flag::PARAM != 0 {
                return Err(RawError::syntax(
                    format!("duplicate argument '{}' in function definition", ident.name),
                    ident.span,
                ));
            }
            self.scope().add_flags(&mangled, flag::PARAM);
            self.scope().params.push(mangled);
        }
        Ok(())
    }

    fn visit_target(&mut self, target: &Expr) -> Result<(), RawError> {
        match &target.kind {
            ExprKind::Name(name) => self.add_name_def(name, flag::LOCAL, target.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|t| self.visit_target(t))
            }
            ExprKind::Starred(inner) => self.visit_target(inner),
            _ => self.visit_expr(target),
        }
    }

    fn visit_opt(&mut self, expr: Option<&Expr>) -> Result<(), RawError> {
        expr.map_or(Ok(()), |e| self.visit_expr(e))
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> Result<(), RawError> {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_expr(&mut self, expr: &Expr) -> Result<(), RawError> {
        crate::depth::deep(|| self.visit_expr_kind(expr))
    }

    fn visit_expr_kind(&mut self, expr: &Expr) -> Result<(), RawError> {
        match &expr.kind {
            ExprKind::Name(name) => {
                self.add_name_def(name, flag::USE, expr.span)?;
                // `super()` needs the implicit `__class__` cell of the enclosing class.
                if name == "super" && self.scope().kind == ScopeKind::Function {
                    self.add_def("__class__", flag::USE);
                }
                Ok(())
            }
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Ellipsis => Ok(()),
            ExprKind::FString(parts) => self.visit_fstring(parts),
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand),
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                keywords.iter().try_for_each(|k| self.visit_expr(&k.value))
            }
            ExprKind::Attribute { value, .. } => self.visit_expr(value),
            ExprKind::Subscript { value, index } => {
                self.visit_expr(value)?;
                self.visit_expr(index)
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.visit_expr(inner),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                self.visit_exprs(items)
            }
            ExprKind::Dict { keys, values } => {
                for key in keys.iter().flatten() {
                    self.visit_expr(key)?;
                }
                self.visit_exprs(values)
            }
            ExprKind::Lambda { params, body } => {
                self.visit_defaults(params)?;
                self.enter(expr, ScopeKind::Function, "<lambda>");
                self.visit_params(params)?;
                self.visit_expr(body)?;
                self.leave();
                Ok(())
            }
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(expr, "<listcomp>", generators, &[elt])
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(expr, "<setcomp>", generators, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(expr, "<dictcomp>", generators, &[value, key]),
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(expr, "<genexpr>", generators, &[elt])
            }
            ExprKind::Yield(value) => {
                self.visit_opt(value.as_deref())?;
                self.note_yield(expr)
            }
            ExprKind::YieldFrom(value) => {
                self.visit_expr(value)?;
                self.note_yield(expr)
            }
            ExprKind::Await(value) => {
                self.visit_expr(value)?;
                self.scope().is_coroutine = true;
                Ok(())
            }
            ExprKind::NamedExpr { target, value } => {
                if self.scope().comp_iter_expr > 0 {
                    return Err(RawError::syntax(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        expr.span,
                    ));
                }
                if self.scope().is_comprehension {
                    self.bind_in_enclosing_scope(target)?;
                }
                self.visit_expr(value)?;
                self.visit_target(target)
            }
        }
    }

    /// A `yield` makes its scope a generator; a comprehension may not contain one.
    fn note_yield(&mut self, expr: &Expr) -> Result<(), RawError> {
        let scope = self.scope();
        scope.is_generator = true;
        if scope.is_comprehension {
            let kind = comprehension_kind(&scope.name);
            return Err(RawError::syntax(
                format!("'yield' inside {kind}"),
                expr.span,
            ));
        }
        Ok(())
    }

    /// CPython's `symtable_extend_namedexpr_scope`: the target of an assignment
    /// expression in a comprehension binds in the nearest enclosing function (the
    /// comprehensions in between see it as free) or the module (everything sees a
    /// global); it may not rebind an iteration variable or appear in a class body.
    fn bind_in_enclosing_scope(&mut self, target: &Expr) -> Result<(), RawError> {
        let ExprKind::Name(name) = &target.kind else {
            return Ok(());
        };
        let mangled = self.scope().mangle(name).into_owned();
        let mut id = self.current;
        loop {
            let scope = &self.table.scopes[id];
            if scope.is_comprehension {
                if scope.flags(&mangled) & flag::COMP_ITER != 0 {
                    return Err(RawError::syntax(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        target.span,
                    ));
                }
                id = scope
                    .parent
                    .expect("a comprehension has an enclosing scope");
                continue;
            }
            let (here, there) = match scope.kind {
                ScopeKind::Function if scope.flags(&mangled) & flag::GLOBAL != 0 => {
                    (flag::GLOBAL, flag::LOCAL)
                }
                ScopeKind::Function => (flag::NONLOCAL, flag::LOCAL),
                ScopeKind::Module => (flag::GLOBAL, flag::GLOBAL),
                ScopeKind::Class => return Err(RawError::syntax(
                    "assignment expression within a comprehension cannot be used in a class body",
                    target.span,
                )),
            };
            self.add_flags_in(self.current, &mangled, here);
            self.scope()
                .directives
                .entry(mangled.clone())
                .or_insert(target.span);
            self.add_flags_in(id, &mangled, there);
            return Ok(());
        }
    }

    fn visit_fstring(&mut self, parts: &[FStringPart]) -> Result<(), RawError> {
        for part in parts {
            if let FStringPart::Formatted {
                value, format_spec, ..
            } = part
            {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    /// A comprehension is a function scope whose one parameter, `.0`, is the iterator of
    /// the outermost `for`; that iterable is evaluated in the enclosing scope.
    fn visit_comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        generators: &[Comprehension],
        elements: &[&Expr],
    ) -> Result<(), RawError> {
        let (first, rest) = generators
            .split_first()
            .expect("a comprehension has at least one `for`");
        self.visit_iterable(&first.iter)?;
        let id = self.enter(node, ScopeKind::Function, name);
        self.table.scopes[id].is_comprehension = true;
        self.table.scopes[id].is_generator = name == "<genexpr>";
        self.table.scopes[id].is_coroutine = generators.iter().any(|g| g.is_async);
        self.add_def(".0", flag::PARAM);
        self.scope().params.push(".0".to_string());
        self.visit_iteration_target(&first.target)?;
        self.visit_exprs(&first.ifs)?;
        for generator in rest {
            self.visit_iteration_target(&generator.target)?;
            self.visit_iterable(&generator.iter)?;
            self.visit_exprs(&generator.ifs)?;
        }
        elements.iter().try_for_each(|e| self.visit_expr(e))?;
        self.leave();
        Ok(())
    }

    /// The target of a comprehension's `for`, whose names become iteration variables.
    fn visit_iteration_target(&mut self, target: &Expr) -> Result<(), RawError> {
        self.scope().comp_iter_target = true;
        let result = self.visit_target(target);
        self.scope().comp_iter_target = false;
        result
    }

    /// The iterable of a comprehension's `for`, where no assignment expression may be.
    fn visit_iterable(&mut self, iter: &Expr) -> Result<(), RawError> {
        self.scope().comp_iter_expr += 1;
        let result = self.visit_expr(iter);
        self.scope().comp_iter_expr -= 1;
        result
    }
}

/// Pass 2: decides the scope of every name, top-down from the module.
fn analyze(table: &mut SymbolTable) -> Result<(), RawError> {
    let mut free = HashSet::new();
    analyze_block(table, 0, None, &mut free, &HashSet::new())
}

/// Analyses scope `id` given the names bound by enclosing functions (`bound`, `None` at
/// module level) and declared global (`global`); adds the names it needs from outside
/// to `free`.
fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &HashSet<String>,
) -> Result<(), RawError> {
    let kind = table.scopes[id].kind;
    let mut local = HashSet::new();
    // A class body's `global` declarations do not reach its methods.
    let inherited_global = global.clone();
    let mut global = global.clone();
    let mut scopes = HashMap::new();
    let mut my_free = HashSet::new();
    for sym in &table.scopes[id].symbols {
        let scope = analyze_name(&table.scopes[id], sym, bound, &mut local, &mut global)?;
        if scope == Scope::Free {
            my_free.insert(sym.name.clone());
        }
        scopes.insert(sym.name.clone(), scope);
    }

    // What the children see as bound by enclosing functions. A class body's own names
    // are not visible to its methods.
    let mut child_bound: HashSet<String> = bound.cloned().unwrap_or_default();
    match kind {
        ScopeKind::Function => child_bound.extend(local.iter().cloned()),
        ScopeKind::Class => {
            child_bound.insert("__class__".to_string());
        }
        ScopeKind::Module => {}
    }
    // A function's `global` declaration hides any enclosing function's binding of the
    // name from its children too (CPython discards it from `bound`); a class body's
    // children see what the class saw, as their global set.
    if kind != ScopeKind::Class {
        for (name, scope) in &scopes {
            if *scope == Scope::GlobalExplicit {
                child_bound.remove(name);
            }
        }
    }
    let child_global = if kind == ScopeKind::Class {
        &inherited_global
    } else {
        &global
    };

    let mut children_free = HashSet::new();
    for child in table.scopes[id].children.clone() {
        let mut child_free = HashSet::new();
        crate::depth::deep(|| {
            analyze_block(
                table,
                child,
                Some(&child_bound),
                &mut child_free,
                child_global,
            )
        })?;
        children_free.extend(child_free);
    }

    match kind {
        ScopeKind::Function => {
            // A local that a child needs becomes a cell; the child's need is met here.
            for name in children_free.clone() {
                if scopes.get(&name) == Some(&Scope::Local) {
                    scopes.insert(name.clone(), Scope::Cell);
                    children_free.remove(&name);
                }
            }
        }
        ScopeKind::Class => {
            if children_free.remove("__class__") {
                table.scopes[id].needs_class_closure = true;
            }
        }
        ScopeKind::Module => {}
    }

    let info = &mut table.scopes[id];
    for sym in &mut info.symbols {
        sym.scope = scopes[&sym.name];
    }
    let mut pass_through: Vec<&String> = children_free.iter().collect();
    pass_through.sort();
    for name in pass_through {
        if let Some(&i) = info.index.get(name) {
            if kind == ScopeKind::Class {
                info.symbols[i].flags |= flag::FREE_CLASS;
            }
            continue;
        }
        // Only names some enclosing function binds pass through; the rest are global.
        if bound.is_some_and(|b| b.contains(name)) {
            info.add_flags(name, 0);
            let i = info.index[name];
            info.symbols[i].scope = Scope::Free;
        }
    }
    free.extend(my_free);
    free.extend(children_free);
    Ok(())
}

/// CPython's `analyze_name`: the scope of one symbol.
fn analyze_name(
    info: &ScopeInfo,
    sym: &Symbol,
    bound: Option<&HashSet<String>>,
    local: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> Result<Scope, RawError> {
    let name = &sym.name;
    let directive = || info.directives.get(name).copied().unwrap_or_default();
    if sym.flags & flag::GLOBAL != 0 {
        if sym.flags & flag::NONLOCAL != 0 {
            return Err(RawError::syntax(
                format!("name '{name}' is nonlocal and global"),
                directive(),
            ));
        }
        global.insert(name.clone());
        return Ok(Scope::GlobalExplicit);
    }
    if sym.flags & flag::NONLOCAL != 0 {
        return match bound {
            Some(b) if b.contains(name) => Ok(Scope::Free),
            None => Err(RawError::syntax(
                "nonlocal declaration not allowed at module level",
                directive(),
            )),
            Some(_) => Err(RawError::syntax(
                format!("no binding for nonlocal '{name}' found"),
                directive(),
            )),
        };
    }
    if sym.flags & flag::BOUND != 0 {
        local.insert(name.clone());
        global.remove(name);
        return Ok(Scope::Local);
    }
    if bound.is_some_and(|b| b.contains(name)) {
        return Ok(Scope::Free);
    }
    Ok(Scope::GlobalImplicit)
}
