//! Lowering statement pairs, simple and compound.

use super::expr::binop;
use super::targets::TargetCtx;
use super::{kids, one, Lowerer, Res, P};
use crate::ast::{
    Alias, ClassDef, ExceptHandler, Expr, FunctionDef, Ident, Parameters, Span, Stmt, StmtKind,
    WithItem,
};
use crate::grammar::Rule;
use crate::ParseError;

impl Lowerer<'_> {
    /// Lowers one statement pair.
    pub(super) fn stmt(&self, p: P) -> Res<Stmt> {
        let span = self.span(&p);
        let kind = match p.as_rule() {
            Rule::pass_stmt => StmtKind::Pass,
            Rule::break_stmt => StmtKind::Break,
            Rule::continue_stmt => StmtKind::Continue,
            Rule::return_stmt => StmtKind::Return(self.opt_expr(kids(p).next())?),
            Rule::raise_stmt => {
                let mut k = kids(p);
                let exc = self.opt_expr(k.next())?;
                let cause = self.opt_expr(k.next())?;
                StmtKind::Raise { exc, cause }
            }
            Rule::global_stmt => StmtKind::Global(kids(p).map(|k| self.ident(&k)).collect()),
            Rule::nonlocal_stmt => StmtKind::Nonlocal(kids(p).map(|k| self.ident(&k)).collect()),
            Rule::del_stmt => {
                let targets = kids(p).map(|k| self.expr(k)).collect::<Res<Vec<_>>>()?;
                for t in &targets {
                    self.check_target(t, TargetCtx::Del)?;
                }
                StmtKind::Delete(targets)
            }
            Rule::assert_stmt => {
                let mut k = kids(p);
                let test = self.expr(k.next().expect("assert has a test"))?;
                let msg = self.opt_expr(k.next())?;
                StmtKind::Assert { test, msg }
            }
            Rule::import_name => StmtKind::Import(kids(p).map(|a| self.alias(a)).collect()),
            Rule::import_from => {
                let mut k = kids(p);
                let module: String = k
                    .next()
                    .expect("from has a module")
                    .as_str()
                    .split_whitespace()
                    .collect();
                let names = k.map(|a| self.alias(a)).collect();
                StmtKind::ImportFrom { module, names }
            }
            Rule::expr_stmt => self.expr_stmt(p)?,
            Rule::decorated => return self.decorated(p),
            Rule::funcdef => self.funcdef(p)?,
            Rule::classdef => self.classdef(p)?,
            Rule::if_stmt => return self.if_chain(p),
            Rule::while_stmt => {
                let mut k = kids(p);
                let test = self.expr(k.next().expect("while has a test"))?;
                let body = self.block(k.next().expect("while has a body"))?;
                let orelse = self.opt_clause(k.next())?;
                StmtKind::While { test, body, orelse }
            }
            Rule::for_stmt => {
                let mut k = kids(p).peekable();
                let is_async = k.next_if(|c| c.as_rule() == Rule::kw_async).is_some();
                let target = self.expr(k.next().expect("for has a target"))?;
                self.check_target(&target, TargetCtx::For)?;
                let iter = self.expr(k.next().expect("for has an iterable"))?;
                let body = self.block(k.next().expect("for has a body"))?;
                let orelse = self.opt_clause(k.next())?;
                StmtKind::For {
                    is_async,
                    target,
                    iter,
                    body,
                    orelse,
                }
            }
            Rule::try_stmt => self.try_stmt(p)?,
            Rule::with_stmt => self.with_stmt(p)?,
            rule => unreachable!("not a statement rule: {rule:?}"),
        };
        Ok(Stmt { kind, span })
    }

    /// The statements of a `block` pair.
    fn block(&self, p: P) -> Res<Vec<Stmt>> {
        kids(p).map(|s| self.stmt(s)).collect()
    }

    /// The block of an optional `else`/`finally` clause.
    fn opt_clause(&self, p: Option<P>) -> Res<Vec<Stmt>> {
        match p {
            Some(clause) => self.block(one(clause)),
            None => Ok(Vec::new()),
        }
    }

    /// An optional expression.
    fn opt_expr(&self, p: Option<P>) -> Res<Option<Expr>> {
        p.map(|e| self.expr(e)).transpose()
    }

    /// `name [as asname]` of an import (`*` is a name too).
    fn alias(&self, p: P) -> Alias {
        if p.as_rule() == Rule::import_star {
            return Alias {
                name: self.ident(&p),
                asname: None,
            };
        }
        let mut k = kids(p);
        let name = self.ident(&k.next().expect("alias has a name"));
        let asname = k.next().map(|a| self.ident(&a));
        Alias { name, asname }
    }

    /// The target of an assignment (`ctx` is `Assign` or `Aug`): unlike other expressions,
    /// a lone starred target of `op=` and a bare yield expression get target-specific
    /// messages.
    fn target_expr(&self, p: P, ctx: TargetCtx) -> Res<Expr> {
        match (p.as_rule(), ctx) {
            (Rule::star_expressions, TargetCtx::Aug) => self.tuple_or_single(
                p,
                Some("'starred' is an illegal expression for augmented assignment"),
            ),
            (Rule::yield_plain | Rule::yield_from, TargetCtx::Assign) => {
                let span = self.span(&p);
                let msg = "assignment to yield expression not possible";
                Err(ParseError::syntax(
                    msg,
                    span.start as usize,
                    span.end as usize,
                ))
            }
            _ => self.expr(p),
        }
    }

    /// Expression statements and all assignment forms.
    fn expr_stmt(&self, p: P) -> Res<StmtKind> {
        let mut k = kids(p);
        let first = k.next().expect("statement has an expression");
        let rest: Vec<P> = k.collect();
        let Some(part) = rest.first() else {
            return Ok(StmtKind::Expr(self.expr(first)?));
        };
        let first = match part.as_rule() {
            Rule::augassign_part => self.target_expr(first, TargetCtx::Aug)?,
            Rule::assign_part => self.target_expr(first, TargetCtx::Assign)?,
            _ => self.expr(first)?,
        };
        match part.as_rule() {
            Rule::assign_part => {
                let mut exprs = vec![first];
                let value = rest.last().cloned().map(one);
                for r in &rest[..rest.len() - 1] {
                    exprs.push(self.target_expr(one(r.clone()), TargetCtx::Assign)?);
                }
                let value = self.expr(value.expect("an assignment has a value"))?;
                let ctx = if exprs.len() == 1 {
                    TargetCtx::SoleAssign
                } else {
                    TargetCtx::Assign
                };
                for t in &exprs {
                    self.check_target(t, ctx)?;
                }
                Ok(StmtKind::Assign {
                    targets: exprs,
                    value,
                })
            }
            Rule::augassign_part => {
                self.check_target(&first, TargetCtx::Aug)?;
                let mut k = kids(part.clone());
                let op_text = k
                    .next()
                    .expect("augmented assignment has an operator")
                    .as_str();
                let op = binop(op_text.trim_end_matches('='));
                let value = self.expr(k.next().expect("augmented assignment has a value"))?;
                Ok(StmtKind::AugAssign {
                    target: first,
                    op,
                    value,
                })
            }
            _ => {
                // `target: annotation [= value]`: the annotation is parsed and dropped.
                self.check_target(&first, TargetCtx::SoleAssign)?;
                match kids(part.clone()).nth(1) {
                    Some(value) => Ok(StmtKind::Assign {
                        targets: vec![first],
                        value: self.expr(value)?,
                    }),
                    None => Ok(StmtKind::Pass),
                }
            }
        }
    }

    /// Decorators followed by a `def` or `class` (whose span the statement keeps).
    fn decorated(&self, p: P) -> Res<Stmt> {
        let mut decorators = Vec::new();
        let mut def = None;
        for k in kids(p) {
            if k.as_rule() == Rule::decorator {
                decorators.push(self.expr(one(k))?);
            } else {
                def = Some(k);
            }
        }
        let mut stmt = self.stmt(def.expect("decorators precede a definition"))?;
        match &mut stmt.kind {
            StmtKind::FunctionDef(f) => f.decorators = decorators,
            StmtKind::ClassDef(c) => c.decorators = decorators,
            _ => unreachable!("only definitions are decorated"),
        }
        Ok(stmt)
    }

    /// `def name(params) [-> annotation]: body`.
    fn funcdef(&self, p: P) -> Res<StmtKind> {
        let mut k = kids(p).peekable();
        let is_async = k.next_if(|c| c.as_rule() == Rule::kw_async).is_some();
        let name = self.ident(&k.next().expect("def has a name"));
        let mut params = Parameters::default();
        let mut body = Vec::new();
        for c in k {
            match c.as_rule() {
                Rule::params => params = self.params(c)?,
                Rule::block => body = self.block(c)?,
                _ => {}
            }
        }
        Ok(StmtKind::FunctionDef(Box::new(FunctionDef {
            name,
            params,
            body,
            decorators: Vec::new(),
            is_async,
        })))
    }

    /// `class name[(bases, keywords)]: body`.
    fn classdef(&self, p: P) -> Res<StmtKind> {
        let mut k = kids(p);
        let name = self.ident(&k.next().expect("class has a name"));
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        let mut body = Vec::new();
        for c in k {
            if c.as_rule() == Rule::arguments {
                let span = self.span(&c);
                (bases, keywords) = self.arguments(Some(c), span)?;
            } else {
                body = self.block(c)?;
            }
        }
        Ok(StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators: Vec::new(),
        })))
    }

    /// `if`/`elif`/`else`: each `elif` becomes an `If` alone in the previous `orelse`.
    fn if_chain(&self, p: P) -> Res<Stmt> {
        let span = self.span(&p);
        let mut clauses: Vec<(Span, Expr, Vec<Stmt>)> = Vec::new();
        let mut k = kids(p);
        let test = self.expr(k.next().expect("if has a test"))?;
        let body = self.block(k.next().expect("if has a body"))?;
        clauses.push((span, test, body));
        let mut orelse = Vec::new();
        for c in k {
            if c.as_rule() == Rule::elif_clause {
                let start = self.span(&c).start;
                let mut e = kids(c);
                let test = self.expr(e.next().expect("elif has a test"))?;
                let body = self.block(e.next().expect("elif has a body"))?;
                clauses.push((
                    Span {
                        start,
                        end: span.end,
                    },
                    test,
                    body,
                ));
            } else {
                orelse = self.block(one(c))?;
            }
        }
        let mut stmt = None;
        for (span, test, body) in clauses.into_iter().rev() {
            let orelse = match stmt.take() {
                Some(inner) => vec![inner],
                None => std::mem::take(&mut orelse),
            };
            stmt = Some(Stmt {
                kind: StmtKind::If { test, body, orelse },
                span,
            });
        }
        Ok(stmt.expect("an if has a first clause"))
    }

    /// `try` with handlers, `else` and `finally`.
    fn try_stmt(&self, p: P) -> Res<StmtKind> {
        let mut k = kids(p);
        let body = self.block(k.next().expect("try has a body"))?;
        let mut handlers = Vec::new();
        let mut orelse = Vec::new();
        let mut finalbody = Vec::new();
        for c in k {
            match c.as_rule() {
                Rule::except_clause => handlers.push(self.handler(c)?),
                Rule::else_clause => orelse = self.block(one(c))?,
                _ => finalbody = self.block(one(c))?,
            }
        }
        Ok(StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        })
    }

    /// `except [type [as name]]: body`.
    fn handler(&self, p: P) -> Res<ExceptHandler> {
        let span = self.span(&p);
        let mut typ = None;
        let mut name: Option<Ident> = None;
        let mut body = Vec::new();
        for c in kids(p) {
            match c.as_rule() {
                Rule::identifier => name = Some(self.ident(&c)),
                Rule::block => body = self.block(c)?,
                _ => typ = Some(self.expr(c)?),
            }
        }
        Ok(ExceptHandler {
            typ,
            name,
            body,
            span,
        })
    }

    /// `[async] with item, ...: body`, each item `expression [as target]`.
    fn with_stmt(&self, p: P) -> Res<StmtKind> {
        let mut items = Vec::new();
        let mut body = Vec::new();
        let mut is_async = false;
        for c in kids(p) {
            match c.as_rule() {
                Rule::kw_async => {
                    is_async = true;
                    continue;
                }
                Rule::block => {
                    body = self.block(c)?;
                    continue;
                }
                _ => {}
            }
            let mut k = kids(c);
            let context_expr = self.expr(k.next().expect("a with item has an expression"))?;
            let optional_vars = self.opt_expr(k.next())?;
            if let Some(target) = &optional_vars {
                self.check_target(target, TargetCtx::With)?;
            }
            items.push(WithItem {
                context_expr,
                optional_vars,
            });
        }
        Ok(StmtKind::With {
            items,
            body,
            is_async,
        })
    }
}
