//! The deepest tree CPython's compiler accepts, checked before a tree leaves the parser.
//!
//! CPython 3.11's compiler walks the tree recursively (the AST optimizer first) and raises
//! `RecursionError: maximum recursion depth exceeded during compilation` when a path from
//! the module holds more than [`MAX_DEPTH`] statements and expressions (handlers,
//! arguments, keywords and comprehension clauses do not count). Long operator chains
//! (`x+x+...`) and trailer chains (`f()()...`, `a.b.c...`) reach such depths without deep
//! parser recursion, so the parser accepts them and this check refuses them. Trees that
//! pass are at most [`MAX_DEPTH`] deep, so every later recursive pass over them is
//! bounded; trees that fail are taken apart node by node rather than dropped recursively.

use crate::ast::{
    Comprehension, Expr, ExprKind, FStringPart, Keyword, Module, Parameters, Stmt, StmtKind,
};
use crate::ParseError;

/// CPython's limit: its recursion limit (1000) times the compiler's frame scale (3).
const MAX_DEPTH: usize = 3000;

/// Passes `module` on, or refuses it with CPython's `RecursionError` when it nests
/// deeper than [`MAX_DEPTH`].
pub(crate) fn refuse_too_deep(module: Module) -> Result<Module, ParseError> {
    match stmts(&module.body, 0) {
        Ok(()) => Ok(module),
        Err(TooDeep) => {
            dismantle(module.body);
            Err(ParseError::recursion())
        }
    }
}

/// A path of the tree is longer than [`MAX_DEPTH`].
struct TooDeep;

/// The depth of a node whose parent is at `depth`.
fn enter(depth: usize) -> Result<usize, TooDeep> {
    if depth < MAX_DEPTH {
        Ok(depth + 1)
    } else {
        Err(TooDeep)
    }
}

/// Checks statements whose parent is at `depth`.
fn stmts(body: &[Stmt], depth: usize) -> Result<(), TooDeep> {
    body.iter().try_for_each(|s| stmt(s, depth))
}

/// Checks expressions whose parent is at `depth`.
fn exprs<'a>(list: impl IntoIterator<Item = &'a Expr>, depth: usize) -> Result<(), TooDeep> {
    list.into_iter().try_for_each(|e| expr(e, depth))
}

/// Checks a statement whose parent is at `depth`.
fn stmt(s: &Stmt, depth: usize) -> Result<(), TooDeep> {
    let depth = enter(depth)?;
    match &s.kind {
        StmtKind::Expr(value) => expr(value, depth),
        StmtKind::Assign { targets, value } => {
            exprs(targets, depth)?;
            expr(value, depth)
        }
        StmtKind::AugAssign { target, value, .. } => exprs([target, value], depth),
        StmtKind::FunctionDef(def) => {
            params(&def.params, depth)?;
            exprs(&def.decorators, depth)?;
            stmts(&def.body, depth)
        }
        StmtKind::ClassDef(class) => {
            exprs(&class.bases, depth)?;
            keywords(&class.keywords, depth)?;
            exprs(&class.decorators, depth)?;
            stmts(&class.body, depth)
        }
        StmtKind::Return(value) => exprs(value, depth),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            expr(test, depth)?;
            stmts(body, depth)?;
            stmts(orelse, depth)
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            exprs([target, iter], depth)?;
            stmts(body, depth)?;
            stmts(orelse, depth)
        }
        StmtKind::Delete(targets) => exprs(targets, depth),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            stmts(body, depth)?;
            for handler in handlers {
                exprs(&handler.typ, depth)?;
                stmts(&handler.body, depth)?;
            }
            stmts(orelse, depth)?;
            stmts(finalbody, depth)
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                exprs(
                    std::iter::once(&item.context_expr).chain(&item.optional_vars),
                    depth,
                )?;
            }
            stmts(body, depth)
        }
        StmtKind::Raise { exc, cause } => exprs(exc.iter().chain(cause), depth),
        StmtKind::Assert { test, msg } => exprs(std::iter::once(test).chain(msg), depth),
        StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => Ok(()),
    }
}

/// Stack kept free below a recursive step of the check.
const RED_ZONE: usize = 64 * 1024;

/// Size of each stack segment the check grows when it runs low.
const SEGMENT: usize = 4 * 1024 * 1024;

/// Checks an expression whose parent is at `depth`.
fn expr(e: &Expr, depth: usize) -> Result<(), TooDeep> {
    stacker::maybe_grow(RED_ZONE, SEGMENT, || expr_here(e, depth))
}

/// [`expr`] on the current stack segment.
fn expr_here(e: &Expr, depth: usize) -> Result<(), TooDeep> {
    let depth = enter(depth)?;
    match &e.kind {
        ExprKind::Name(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Ellipsis => Ok(()),
        ExprKind::FString(parts) => fstring_parts(parts, depth),
        ExprKind::BinOp { left, right, .. } => exprs([&**left, &**right], depth),
        ExprKind::UnaryOp { operand, .. } => expr(operand, depth),
        ExprKind::BoolOp { values, .. } => exprs(values, depth),
        ExprKind::Compare {
            left, comparators, ..
        } => exprs(std::iter::once(&**left).chain(comparators), depth),
        ExprKind::IfExp { test, body, orelse } => exprs([&**test, &**body, &**orelse], depth),
        ExprKind::Call {
            func,
            args,
            keywords: kw,
        } => {
            expr(func, depth)?;
            exprs(args, depth)?;
            keywords(kw, depth)
        }
        ExprKind::Attribute { value, .. } => expr(value, depth),
        ExprKind::Subscript { value, index } => exprs([&**value, &**index], depth),
        ExprKind::Slice { lower, upper, step } => exprs(
            [lower, upper, step].into_iter().flatten().map(|b| &**b),
            depth,
        ),
        ExprKind::Starred(value) | ExprKind::YieldFrom(value) | ExprKind::Await(value) => {
            expr(value, depth)
        }
        ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => exprs(elts, depth),
        ExprKind::Dict { keys, values } => {
            exprs(keys.iter().flatten(), depth)?;
            exprs(values, depth)
        }
        ExprKind::Lambda { params: p, body } => {
            params(p, depth)?;
            expr(body, depth)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            expr(elt, depth)?;
            comprehensions(generators, depth)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            exprs([&**key, &**value], depth)?;
            comprehensions(generators, depth)
        }
        ExprKind::Yield(value) => exprs(value.iter().map(|b| &**b), depth),
        ExprKind::NamedExpr { target, value } => exprs([&**target, &**value], depth),
    }
}

/// Checks the fields of an f-string (a `JoinedStr` at `depth`): each is a
/// `FormattedValue` (or a constant) holding the value and a `JoinedStr` format spec.
fn fstring_parts(parts: &[FStringPart], depth: usize) -> Result<(), TooDeep> {
    for part in parts {
        let part_depth = enter(depth)?;
        if let FStringPart::Formatted {
            value, format_spec, ..
        } = part
        {
            expr(value, part_depth)?;
            if let Some(spec) = format_spec {
                fstring_parts(spec, enter(part_depth)?)?;
            }
        }
    }
    Ok(())
}

/// Checks the default values of parameters (the `arguments` node does not count).
fn params(p: &Parameters, depth: usize) -> Result<(), TooDeep> {
    let all = p.args.iter().chain(&p.kwonlyargs);
    exprs(all.filter_map(|a| a.default.as_ref()), depth)
}

/// Checks keyword argument values (the `keyword` nodes do not count).
fn keywords(list: &[Keyword], depth: usize) -> Result<(), TooDeep> {
    exprs(list.iter().map(|k| &k.value), depth)
}

/// Checks comprehension clauses (the `comprehension` nodes do not count).
fn comprehensions(list: &[Comprehension], depth: usize) -> Result<(), TooDeep> {
    for c in list {
        exprs([&c.target, &c.iter], depth)?;
        exprs(&c.ifs, depth)?;
    }
    Ok(())
}

/// Drops a tree one node at a time: dropping it whole would recurse once per level.
fn dismantle(body: Vec<Stmt>) {
    let mut pile = Pile {
        stmts: body,
        exprs: Vec::new(),
    };
    loop {
        if let Some(s) = pile.stmts.pop() {
            pile.take_stmt(s);
        } else if let Some(e) = pile.exprs.pop() {
            pile.take_expr(e);
        } else {
            break;
        }
    }
}

/// Nodes waiting to be taken apart.
struct Pile {
    stmts: Vec<Stmt>,
    exprs: Vec<Expr>,
}

impl Pile {
    /// Moves the children of `s` onto the pile (`s` itself is then dropped childless).
    fn take_stmt(&mut self, s: Stmt) {
        match s.kind {
            StmtKind::Expr(value) => self.exprs.push(value),
            StmtKind::Assign { targets, value } => {
                self.exprs.extend(targets);
                self.exprs.push(value);
            }
            StmtKind::AugAssign { target, value, .. } => self.exprs.extend([target, value]),
            StmtKind::FunctionDef(def) => {
                let def = *def;
                self.take_params(def.params);
                self.exprs.extend(def.decorators);
                self.stmts.extend(def.body);
            }
            StmtKind::ClassDef(class) => {
                let class = *class;
                self.exprs.extend(class.bases);
                self.take_keywords(class.keywords);
                self.exprs.extend(class.decorators);
                self.stmts.extend(class.body);
            }
            StmtKind::Return(value) => self.exprs.extend(value),
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.exprs.push(test);
                self.stmts.extend(body.into_iter().chain(orelse));
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.exprs.extend([target, iter]);
                self.stmts.extend(body.into_iter().chain(orelse));
            }
            StmtKind::Delete(targets) => self.exprs.extend(targets),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                for handler in handlers {
                    self.exprs.extend(handler.typ);
                    self.stmts.extend(handler.body);
                }
                self.stmts
                    .extend(body.into_iter().chain(orelse).chain(finalbody));
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.exprs.push(item.context_expr);
                    self.exprs.extend(item.optional_vars);
                }
                self.stmts.extend(body);
            }
            StmtKind::Raise { exc, cause } => self.exprs.extend(exc.into_iter().chain(cause)),
            StmtKind::Assert { test, msg } => {
                self.exprs.push(test);
                self.exprs.extend(msg);
            }
            StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Pass
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Import(_)
            | StmtKind::ImportFrom { .. } => {}
        }
    }

    /// Moves the children of `e` onto the pile (`e` itself is then dropped childless).
    fn take_expr(&mut self, e: Expr) {
        match e.kind {
            ExprKind::Name(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Ellipsis => {}
            ExprKind::FString(parts) => self.take_fstring_parts(parts),
            ExprKind::BinOp { left, right, .. } => self.exprs.extend([*left, *right]),
            ExprKind::UnaryOp { operand, .. } => self.exprs.push(*operand),
            ExprKind::BoolOp { values, .. } => self.exprs.extend(values),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.exprs.push(*left);
                self.exprs.extend(comparators);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.exprs.extend([*test, *body, *orelse]);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.exprs.push(*func);
                self.exprs.extend(args);
                self.take_keywords(keywords);
            }
            ExprKind::Attribute { value, .. }
            | ExprKind::Starred(value)
            | ExprKind::YieldFrom(value)
            | ExprKind::Await(value) => self.exprs.push(*value),
            ExprKind::Subscript { value, index } => self.exprs.extend([*value, *index]),
            ExprKind::Slice { lower, upper, step } => {
                self.exprs
                    .extend([lower, upper, step].into_iter().flatten().map(|b| *b));
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                self.exprs.extend(elts)
            }
            ExprKind::Dict { keys, values } => {
                self.exprs.extend(keys.into_iter().flatten().chain(values));
            }
            ExprKind::Lambda { params, body } => {
                self.take_params(*params);
                self.exprs.push(*body);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.exprs.push(*elt);
                self.take_comprehensions(generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.exprs.extend([*key, *value]);
                self.take_comprehensions(generators);
            }
            ExprKind::Yield(value) => self.exprs.extend(value.map(|b| *b)),
            ExprKind::NamedExpr { target, value } => self.exprs.extend([*target, *value]),
        }
    }

    /// Moves the field values of f-string parts (and of their format specs, which nest
    /// at most two deep) onto the pile.
    fn take_fstring_parts(&mut self, parts: Vec<FStringPart>) {
        for part in parts {
            if let FStringPart::Formatted {
                value, format_spec, ..
            } = part
            {
                self.exprs.push(*value);
                self.take_fstring_parts(format_spec.unwrap_or_default());
            }
        }
    }

    /// Moves parameter defaults onto the pile.
    fn take_params(&mut self, p: Parameters) {
        let all = p.args.into_iter().chain(p.kwonlyargs);
        self.exprs.extend(all.filter_map(|a| a.default));
    }

    /// Moves keyword argument values onto the pile.
    fn take_keywords(&mut self, list: Vec<Keyword>) {
        self.exprs.extend(list.into_iter().map(|k| k.value));
    }

    /// Moves comprehension targets, iterables and conditions onto the pile.
    fn take_comprehensions(&mut self, list: Vec<Comprehension>) {
        for c in list {
            self.exprs.extend([c.target, c.iter]);
            self.exprs.extend(c.ifs);
        }
    }
}
