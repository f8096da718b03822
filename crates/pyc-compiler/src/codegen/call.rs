//! Calls and class definitions, as CPython 3.11's `compiler_call`,
//! `maybe_optimize_method_call`, `compiler_call_helper` and `compiler_class`.
//!
//! A call without `*` or `**` pushes its arguments and names its keywords with
//! `KW_NAMES`; one with them (or with too many arguments for the stack) builds a tuple
//! of positional arguments and a dict of keyword arguments for `CALL_FUNCTION_EX`.
//! `obj.method(...)` loads the method with `LOAD_METHOD` unless `obj` is a module
//! imported at module level or the call needs `CALL_FUNCTION_EX`. A class definition is
//! a call of `__build_class__(body, name, *bases, **keywords)` through the same helper.

use pyc_bytecode::{Constant, Opcode};
use pyc_parser::ast::{ClassDef, Expr, ExprKind, Keyword, Span, Stmt};

use super::expr::{Display, STACK_USE_GUIDELINE};
use super::fold::tuple;
use super::{Access, Compiler};
use crate::error::RawError;

impl<'a> Compiler<'a> {
    /// `func(args, keywords)`; `span` is the whole call's.
    pub(super) fn call(
        &mut self,
        span: Span,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), RawError> {
        validate_keywords(keywords, span)?;
        if self.method_call(span, func, args, keywords)? {
            return Ok(());
        }
        let loc = self.set_expr_loc(func);
        self.emit(Opcode::PushNull, 0);
        self.unit().loc = loc;
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `obj.name(args, keywords)` through `LOAD_METHOD`, when CPython uses it; returns
    /// whether it did.
    fn method_call(
        &mut self,
        span: Span,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<bool, RawError> {
        let ExprKind::Attribute { value, attr } = &func.kind else {
            return Ok(false);
        };
        let imported = matches!(&value.kind, ExprKind::Name(n) if self.is_module_import(n));
        let nkw = keywords.len();
        let too_many = args.len() + nkw + usize::from(nkw != 0) >= STACK_USE_GUIDELINE;
        if imported || too_many || needs_call_ex(args, keywords) {
            return Ok(false);
        }
        self.expr(value)?;
        // `LOAD_METHOD` has the attribute's location, the call the call's, both
        // starting at the method's name when the attribute spans lines.
        self.set_expr_loc(func);
        self.match_attr_loc(func);
        let index = self.add_mangled_name(&attr.name);
        self.emit(Opcode::LoadMethod, index);
        self.exprs_of(args)?;
        for kw in keywords {
            self.expr(&kw.value)?;
        }
        self.kw_names(keywords);
        self.set_loc(span);
        self.match_attr_loc(func);
        self.emit(Opcode::Call, (args.len() + nkw) as u32);
        Ok(true)
    }

    fn exprs_of(&mut self, es: &'a [Expr]) -> Result<(), RawError> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    /// The arguments and the call, for a callable (and `pushed` more arguments) already
    /// on the stack.
    pub(super) fn call_helper(
        &mut self,
        pushed: usize,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), RawError> {
        let too_many = args.len() + keywords.len() * 2 > STACK_USE_GUIDELINE;
        if !too_many && !needs_call_ex(args, keywords) {
            self.exprs_of(args)?;
            for kw in keywords {
                self.expr(&kw.value)?;
            }
            self.kw_names(keywords);
            self.emit(Opcode::Call, (pushed + args.len() + keywords.len()) as u32);
            return Ok(());
        }
        match args {
            [Expr {
                kind: ExprKind::Starred(inner),
                ..
            }] if pushed == 0 => self.expr(inner)?,
            _ => self.sequence(args, pushed, Display::Tuple)?,
        }
        if !keywords.is_empty() {
            self.keyword_dict(keywords)?;
        }
        self.emit(Opcode::CallFunctionEx, u32::from(!keywords.is_empty()));
        Ok(())
    }

    /// The keyword arguments of a `CALL_FUNCTION_EX` as one dict: each run of `name=value`
    /// is a map, merged in order with each `**mapping`.
    fn keyword_dict(&mut self, keywords: &'a [Keyword]) -> Result<(), RawError> {
        let mut have_dict = false;
        let mut pending = 0;
        for (i, kw) in keywords.iter().enumerate() {
            if kw.arg.is_some() {
                pending += 1;
                continue;
            }
            if pending > 0 {
                self.subkwargs(&keywords[i - pending..i])?;
                if have_dict {
                    self.emit(Opcode::DictMerge, 1);
                }
                have_dict = true;
                pending = 0;
            }
            if !have_dict {
                self.emit(Opcode::BuildMap, 0);
                have_dict = true;
            }
            self.expr(&kw.value)?;
            self.emit(Opcode::DictMerge, 1);
        }
        if pending > 0 {
            self.subkwargs(&keywords[keywords.len() - pending..])?;
            if have_dict {
                self.emit(Opcode::DictMerge, 1);
            }
        }
        Ok(())
    }

    /// A run of `name=value` keyword arguments as one map.
    fn subkwargs(&mut self, run: &'a [Keyword]) -> Result<(), RawError> {
        let n = run.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for kw in run {
                self.expr(&kw.value)?;
            }
            self.load_const(tuple(keyword_names(run)));
            self.emit(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.unit().emit_noline(Opcode::BuildMap, 0);
        }
        for (kw, name) in run.iter().zip(keyword_names(run)) {
            self.load_const(name);
            self.expr(&kw.value)?;
            if big {
                self.unit().emit_noline(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    /// `KW_NAMES` with the names of the keyword arguments just pushed, if any.
    fn kw_names(&mut self, keywords: &[Keyword]) {
        if keywords.is_empty() {
            return;
        }
        let index = self.unit().add_const(tuple(keyword_names(keywords)));
        self.emit(Opcode::KwNames, index);
    }

    /// `class name(bases, keywords): body`: `__build_class__` called with the body as a
    /// function, the name, the bases and the keywords; then decorators and the store.
    pub(super) fn class_def(
        &mut self,
        stmt: &'a Stmt,
        class: &'a ClassDef,
    ) -> Result<(), RawError> {
        self.exprs_of(&class.decorators)?;
        let firstlineno = match class.decorators.first() {
            Some(d) => self.line_of(d.span),
            None => self.line_of(stmt.span),
        };
        validate_keywords(&class.keywords, stmt.span)?;
        let code = self.class_body(stmt, class, firstlineno)?;
        self.emit(Opcode::PushNull, 0);
        self.emit(Opcode::LoadBuildClass, 0);
        self.make_function(self.table.scope_of_node(stmt), code, 0);
        self.load_const(Constant::Str(class.name.name.as_str().into()));
        self.call_helper(2, &class.bases, &class.keywords)?;
        self.apply_decorators(&class.decorators);
        self.set_loc(stmt.span);
        self.name_op(&class.name.name, Access::Store, class.name.span)
    }

    /// The class body's code: it records `__module__` and `__qualname__`, runs the body,
    /// and returns the `__class__` cell if a method needs one.
    fn class_body(
        &mut self,
        stmt: &'a Stmt,
        class: &'a ClassDef,
        firstlineno: u32,
    ) -> Result<pyc_bytecode::CodeObject, RawError> {
        let scope = self.table.scope_of_node(stmt);
        let qualname = self.qualname_for(&class.name.name);
        self.enter_scope(scope, qualname.clone(), firstlineno);
        self.unit().emit_prologue();
        self.name_op("__name__", Access::Load, stmt.span)?;
        self.name_op("__module__", Access::Store, stmt.span)?;
        self.load_const(Constant::Str(qualname.as_str().into()));
        self.name_op("__qualname__", Access::Store, stmt.span)?;
        self.body_with_docstring(&class.body)?;
        self.unset_line();
        if self.table.scopes[scope].needs_class_closure {
            self.unit().emit_deref(Opcode::LoadClosure, "__class__");
            self.emit(Opcode::Copy, 1);
            let index = self.unit().add_name("__classcell__");
            self.emit(Opcode::StoreName, index);
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        Ok(self.leave_scope(true))
    }
}

/// CPython's `validate_keywords`: a keyword may be given once (the error points at the
/// repetition), and never as `__debug__` (the error points at the call, `span`).
fn validate_keywords(keywords: &[Keyword], span: Span) -> Result<(), RawError> {
    for (i, kw) in keywords.iter().enumerate() {
        let Some(name) = &kw.arg else {
            continue;
        };
        if name.name == "__debug__" {
            return Err(RawError::syntax("cannot assign to __debug__", span));
        }
        let repeated = keywords[i + 1..]
            .iter()
            .find(|other| other.arg.as_ref().is_some_and(|o| o.name == name.name));
        if let Some(other) = repeated {
            return Err(RawError::syntax(
                format!("keyword argument repeated: {}", name.name),
                other.span,
            ));
        }
    }
    Ok(())
}

/// Whether a call has `*iterable` or `**mapping` arguments.
fn needs_call_ex(args: &[Expr], keywords: &[Keyword]) -> bool {
    args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
        || keywords.iter().any(|k| k.arg.is_none())
}

/// The names of `name=value` keyword arguments, as string constants.
fn keyword_names(keywords: &[Keyword]) -> Vec<Constant> {
    keywords
        .iter()
        .filter_map(|k| k.arg.as_ref())
        .map(|a| Constant::Str(a.name.as_str().into()))
        .collect()
}
