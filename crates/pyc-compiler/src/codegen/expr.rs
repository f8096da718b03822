//! Expressions, calls, and the code that creates functions, closures, classes and
//! comprehensions.

use std::rc::Rc;

use num_traits::ToPrimitive;
use pyc_bytecode::opcode::{
    FVC_ASCII, FVC_NONE, FVC_REPR, FVC_STR, FVS_HAVE_SPEC, MAKE_FUNCTION_CLOSURE,
    MAKE_FUNCTION_DEFAULTS, MAKE_FUNCTION_KWDEFAULTS,
};
use pyc_bytecode::{Constant, Opcode};
use pyc_parser::ast::{
    BinOp, BoolOp, ClassDef, CmpOp, Comprehension, Expr, ExprKind, FStringPart, FunctionDef,
    Keyword, Parameters, Stmt, UnaryOp,
};

use super::unit::Label;
use super::{Access, Compiler};
use crate::error::RawError;
use crate::symtable::{ScopeId, ScopeKind};

/// `BINARY_OP`'s argument for a binary operator.
pub(super) fn binop_arg(op: BinOp) -> u32 {
    match op {
        BinOp::Add => 0,
        BinOp::BitAnd => 1,
        BinOp::FloorDiv => 2,
        BinOp::LShift => 3,
        BinOp::MatMul => 4,
        BinOp::Mult => 5,
        BinOp::Mod => 6,
        BinOp::BitOr => 7,
        BinOp::Pow => 8,
        BinOp::RShift => 9,
        BinOp::Sub => 10,
        BinOp::Div => 11,
        BinOp::BitXor => 12,
    }
}

/// The constant an expression is, if it is a literal, a negated number literal, or a
/// tuple of those (CPython folds these at compile time too).
pub(super) fn literal(e: &Expr) -> Option<Constant> {
    Some(match &e.kind {
        ExprKind::Int(i) => match i.to_i64() {
            Some(small) => Constant::Int(small),
            None => Constant::BigInt(i.clone()),
        },
        ExprKind::Float(f) => Constant::Float(*f),
        ExprKind::Str(s) => Constant::Str(s.as_str().into()),
        ExprKind::Bool(b) => Constant::Bool(*b),
        ExprKind::None => Constant::None,
        ExprKind::Ellipsis => Constant::Ellipsis,
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match &operand.kind {
            ExprKind::Int(i) => match (-i).to_i64() {
                Some(small) => Constant::Int(small),
                None => Constant::BigInt(-i),
            },
            ExprKind::Float(f) => Constant::Float(-f),
            _ => return None,
        },
        ExprKind::Tuple(items) => Constant::Tuple(
            items
                .iter()
                .map(literal)
                .collect::<Option<Vec<_>>>()?
                .into(),
        ),
        _ => return None,
    })
}

impl<'a> Compiler<'a> {
    /// Compiles an expression, leaving its value on the stack.
    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<(), RawError> {
        let line = self.set_line(e.span);
        crate::depth::deep(|| self.expr_kind(e))?;
        self.unit().line = line;
        Ok(())
    }

    fn exprs(&mut self, es: &'a [Expr]) -> Result<(), RawError> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn expr_kind(&mut self, e: &'a Expr) -> Result<(), RawError> {
        if let Some(constant) = literal(e) {
            self.load_const(constant);
            return Ok(());
        }
        match &e.kind {
            ExprKind::Name(name) => self.name_op(name, Access::Load, e.span)?,
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Opcode::BinaryOp, binop_arg(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                let op = match op {
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::USub => Opcode::UnaryNegative,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::Invert => Opcode::UnaryInvert,
                };
                self.emit(op, 0);
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = match op {
                    BoolOp::And => Opcode::JumpIfFalseOrPop,
                    BoolOp::Or => Opcode::JumpIfTrueOrPop,
                };
                let (last, init) = values.split_last().expect("two or more operands");
                for value in init {
                    self.expr(value)?;
                    self.emit_jump(jump, end);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let otherwise = self.new_label();
                let end = self.new_label();
                self.jump_if(test, otherwise, false)?;
                self.expr(body)?;
                self.emit_jump(Opcode::JumpForward, end);
                self.bind(otherwise);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let index = self.add_mangled_name(&attr.name);
                self.emit(Opcode::LoadAttr, index);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Opcode::BinarySubscr, 0);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Constant::None),
                    }
                }
                let mut argc = 2;
                if let Some(step) = step {
                    self.expr(step)?;
                    argc = 3;
                }
                self.emit(Opcode::BuildSlice, argc);
            }
            ExprKind::Starred(_) => {
                return Err(RawError::syntax(
                    "can't use starred expression here",
                    e.span,
                ))
            }
            ExprKind::List(items) => self.sequence(items, Opcode::BuildList)?,
            ExprKind::Tuple(items) => self.sequence(items, Opcode::BuildTuple)?,
            ExprKind::Set(items) => self.sequence(items, Opcode::BuildSet)?,
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Lambda { params, body } => self.lambda(e, params, body)?,
            ExprKind::ListComp { generators, .. }
            | ExprKind::SetComp { generators, .. }
            | ExprKind::DictComp { generators, .. }
            | ExprKind::GeneratorExp { generators, .. } => self.comprehension(e, generators)?,
            ExprKind::Yield(value) => {
                self.require_function(e, "'yield' outside function")?;
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Opcode::YieldValue, 0);
                self.emit(Opcode::Resume, 1);
            }
            ExprKind::YieldFrom(value) => {
                self.require_function(e, "'yield' outside function")?;
                self.expr(value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                let start = self.new_label();
                let exit = self.new_label();
                self.bind(start);
                self.emit_jump(Opcode::Send, exit);
                self.emit(Opcode::YieldValue, 0);
                self.emit(Opcode::Resume, 2);
                self.emit_jump(Opcode::JumpBackward, start);
                self.bind(exit);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Opcode::Copy, 1);
                self.store(target)?;
            }
            // The VM has no bytes objects yet.
            ExprKind::Bytes(_) => {
                return Err(RawError::syntax("bytes literals are not supported", e.span))
            }
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Ellipsis => unreachable!("literals are loaded as constants above"),
        }
        Ok(())
    }

    fn require_function(&self, e: &Expr, message: &str) -> Result<(), RawError> {
        if self.scope_kind() == ScopeKind::Function {
            Ok(())
        } else {
            Err(RawError::syntax(message, e.span))
        }
    }

    /// Jumps to `target` when `test` is `when`, falling through otherwise; `and`, `or`
    /// and `not` become jumps instead of values.
    pub(super) fn jump_if(
        &mut self,
        test: &'a Expr,
        target: Label,
        when: bool,
    ) -> Result<(), RawError> {
        match &test.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand, target, !when),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                let (last, init) = values.split_last().expect("two or more operands");
                // `a and b` jumps on false as soon as one is false; on true only at the end.
                if is_and != when {
                    for value in init {
                        self.jump_if(value, target, when)?;
                    }
                    self.jump_if(last, target, when)
                } else {
                    let skip = self.new_label();
                    for value in init {
                        self.jump_if(value, skip, !when)?;
                    }
                    self.jump_if(last, target, when)?;
                    self.bind(skip);
                    Ok(())
                }
            }
            _ => {
                self.expr(test)?;
                let op = if when {
                    Opcode::PopJumpForwardIfTrue
                } else {
                    Opcode::PopJumpForwardIfFalse
                };
                self.emit_jump(op, target);
                Ok(())
            }
        }
    }

    fn compare_op(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Lt => (Opcode::CompareOp, 0),
            CmpOp::LtE => (Opcode::CompareOp, 1),
            CmpOp::Eq => (Opcode::CompareOp, 2),
            CmpOp::NotEq => (Opcode::CompareOp, 3),
            CmpOp::Gt => (Opcode::CompareOp, 4),
            CmpOp::GtE => (Opcode::CompareOp, 5),
            CmpOp::Is => (Opcode::IsOp, 0),
            CmpOp::IsNot => (Opcode::IsOp, 1),
            CmpOp::In => (Opcode::ContainsOp, 0),
            CmpOp::NotIn => (Opcode::ContainsOp, 1),
        };
        self.emit(opcode, arg);
    }

    /// `a < b < c`: each middle operand is compared twice but evaluated once.
    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
    ) -> Result<(), RawError> {
        self.expr(left)?;
        let cleanup = self.new_label();
        let n = ops.len();
        for (op, comparator) in ops.iter().zip(comparators).take(n - 1) {
            self.expr(comparator)?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.compare_op(*op);
            self.emit_jump(Opcode::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&comparators[n - 1])?;
        self.compare_op(ops[n - 1]);
        if n > 1 {
            let end = self.new_label();
            self.emit_jump(Opcode::JumpForward, end);
            self.bind(cleanup);
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::PopTop, 0);
            self.bind(end);
        }
        Ok(())
    }

    /// A list, tuple or set display, with `*iterable` items unpacked.
    fn sequence(&mut self, items: &'a [Expr], build: Opcode) -> Result<(), RawError> {
        if !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
            self.exprs(items)?;
            self.emit(build, items.len() as u32);
            return Ok(());
        }
        let (start, extend, add) = match build {
            Opcode::BuildSet => (Opcode::BuildSet, Opcode::SetUpdate, Opcode::SetAdd),
            _ => (Opcode::BuildList, Opcode::ListExtend, Opcode::ListAppend),
        };
        self.emit(start, 0);
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(item)?;
                    self.emit(add, 1);
                }
            }
        }
        if build == Opcode::BuildTuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> Result<(), RawError> {
        let mut pending = 0;
        let mut built = false;
        for (key, value) in keys.iter().zip(values) {
            match key {
                Some(key) => {
                    self.expr(key)?;
                    self.expr(value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !built {
                        self.emit(Opcode::BuildMap, pending);
                        if built {
                            self.emit(Opcode::DictUpdate, 1);
                        }
                        built = true;
                        pending = 0;
                    }
                    self.expr(value)?;
                    self.emit(Opcode::DictUpdate, 1);
                }
            }
        }
        if !built || pending > 0 {
            self.emit(Opcode::BuildMap, pending);
            if built {
                self.emit(Opcode::DictUpdate, 1);
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) -> Result<(), RawError> {
        if parts.is_empty() {
            self.load_const(Constant::Str("".into()));
            return Ok(());
        }
        for part in parts {
            match part {
                FStringPart::Literal(text) => self.load_const(Constant::Str(text.as_str().into())),
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                } => {
                    self.expr(value)?;
                    let mut flags = match conversion {
                        Some('s') => FVC_STR,
                        Some('r') => FVC_REPR,
                        Some('a') => FVC_ASCII,
                        _ => FVC_NONE,
                    };
                    if let Some(spec) = format_spec {
                        self.fstring(spec)?;
                        flags |= FVS_HAVE_SPEC;
                    }
                    self.emit(Opcode::FormatValue, flags);
                }
            }
        }
        if parts.len() > 1 {
            self.emit(Opcode::BuildString, parts.len() as u32);
        }
        Ok(())
    }

    fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), RawError> {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if starred {
            self.load_callable(func)?;
            return self.call_ex(args, keywords);
        }
        match &func.kind {
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let line = self.set_line(attr.span);
                let index = self.add_mangled_name(&attr.name);
                self.emit(Opcode::LoadMethod, index);
                self.unit().line = line;
            }
            _ => self.load_callable(func)?,
        }
        self.exprs(args)?;
        for kw in keywords {
            self.expr(&kw.value)?;
        }
        self.kw_names(keywords);
        self.emit(Opcode::Call, (args.len() + keywords.len()) as u32);
        Ok(())
    }

    fn kw_names(&mut self, keywords: &[Keyword]) {
        if keywords.is_empty() {
            return;
        }
        let names: Vec<Constant> = keywords
            .iter()
            .filter_map(|k| k.arg.as_ref())
            .map(|a| Constant::Str(a.name.as_str().into()))
            .collect();
        let index = self.unit().add_const(Constant::Tuple(names.into()));
        self.emit(Opcode::KwNames, index);
    }

    /// `f(*args, **kwargs)`: positional arguments as one tuple, keywords as one dict.
    fn call_ex(&mut self, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<(), RawError> {
        match args {
            // `f(*args)`: CALL_FUNCTION_EX turns any iterable into the argument tuple.
            [Expr {
                kind: ExprKind::Starred(inner),
                ..
            }] => self.expr(inner)?,
            _ => self.sequence(args, Opcode::BuildTuple)?,
        }
        if keywords.is_empty() {
            self.emit(Opcode::CallFunctionEx, 0);
            return Ok(());
        }
        let mut pending = 0;
        let mut built = false;
        for kw in keywords {
            match &kw.arg {
                Some(name) => {
                    self.load_const(Constant::Str(name.name.as_str().into()));
                    self.expr(&kw.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !built {
                        self.emit(Opcode::BuildMap, pending);
                        if built {
                            self.emit(Opcode::DictMerge, 1);
                        }
                        built = true;
                        pending = 0;
                    }
                    self.expr(&kw.value)?;
                    self.emit(Opcode::DictMerge, 1);
                }
            }
        }
        if pending > 0 {
            self.emit(Opcode::BuildMap, pending);
            self.emit(Opcode::DictMerge, 1);
        }
        self.emit(Opcode::CallFunctionEx, 1);
        Ok(())
    }

    /// Pushes the defaults a `def` or `lambda` needs and returns the `MAKE_FUNCTION` flags.
    fn defaults(&mut self, params: &'a Parameters) -> Result<u32, RawError> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = params
            .args
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Opcode::BuildTuple, defaults.len() as u32);
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        let kwdefaults: Vec<_> = params
            .kwonlyargs
            .iter()
            .filter_map(|p| p.default.as_ref().map(|d| (&p.name.name, d)))
            .collect();
        if !kwdefaults.is_empty() {
            for (name, default) in &kwdefaults {
                let name = self.mangle(name).into_owned();
                self.load_const(Constant::Str(name.into()));
                self.expr(default)?;
            }
            self.emit(Opcode::BuildMap, kwdefaults.len() as u32);
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the closure tuple for a child scope's free variables (`LOAD_CLOSURE` of
    /// this scope's cells and free variables, in the child's `co_freevars` order) and the
    /// code, then emits `MAKE_FUNCTION`.
    fn make_function(&mut self, code: pyc_bytecode::CodeObject, mut flags: u32) {
        let free: Vec<Rc<str>> = code.freevars();
        if !free.is_empty() {
            for name in &free {
                self.unit().emit_deref(Opcode::LoadClosure, name);
            }
            self.emit(Opcode::BuildTuple, free.len() as u32);
            flags |= MAKE_FUNCTION_CLOSURE;
        }
        self.load_const(Constant::Code(Rc::new(code)));
        self.emit(Opcode::MakeFunction, flags);
    }

    /// Compiles a function body (of a `def` or `lambda`) into its own code object.
    fn function_body(
        &mut self,
        scope: ScopeId,
        name: &str,
        params: &'a Parameters,
        firstlineno: u32,
        body: FunctionBody<'a>,
    ) -> Result<pyc_bytecode::CodeObject, RawError> {
        let qualname = self.qualname_for(name);
        self.enter_scope(scope, qualname, firstlineno);
        self.unit().set_signature(params);
        self.unit().emit_prologue();
        match body {
            FunctionBody::Statements(stmts) => {
                // The docstring is the first constant (`None` without one) and no statement.
                let doc = super::docstring(stmts);
                let constant = doc.map_or(Constant::None, |d| Constant::Str(d.into()));
                self.unit().add_const(constant);
                let skip = usize::from(doc.is_some());
                for stmt in &stmts[skip..] {
                    self.stmt(stmt)?;
                }
                self.emit_return_none();
            }
            FunctionBody::Expression(e) => {
                self.unit().add_const(Constant::None);
                self.expr(e)?;
                self.emit(Opcode::ReturnValue, 0);
            }
        }
        Ok(self.leave_scope())
    }

    pub(super) fn function_def(
        &mut self,
        stmt: &'a Stmt,
        def: &'a FunctionDef,
    ) -> Result<(), RawError> {
        self.exprs(&def.decorators)?;
        let flags = self.defaults(&def.params)?;
        let scope = self.table.scope_of_node(stmt);
        let firstlineno = match def.decorators.first() {
            Some(d) => self.line_of(d.span),
            None => self.line_of(stmt.span),
        };
        let code = self.function_body(
            scope,
            &def.name.name,
            &def.params,
            firstlineno,
            FunctionBody::Statements(&def.body),
        )?;
        self.make_function(code, flags);
        self.apply_decorators(&def.decorators);
        self.set_line(stmt.span);
        self.name_op(&def.name.name, Access::Store, def.name.span)
    }

    /// Calls the decorators already on the stack, innermost (last written) first, each
    /// call on its decorator's line. The stack holds `decorator ... function`, so each
    /// `CALL 0` passes the function below it as the argument.
    fn apply_decorators(&mut self, decorators: &[Expr]) {
        for decorator in decorators.iter().rev() {
            self.set_line(decorator.span);
            self.emit(Opcode::Call, 0);
        }
    }

    fn lambda(
        &mut self,
        e: &'a Expr,
        params: &'a Parameters,
        body: &'a Expr,
    ) -> Result<(), RawError> {
        let flags = self.defaults(params)?;
        let scope = self.table.scope_of_node(e);
        let firstlineno = self.line_of(e.span);
        let code = self.function_body(
            scope,
            "<lambda>",
            params,
            firstlineno,
            FunctionBody::Expression(body),
        )?;
        self.make_function(code, flags);
        Ok(())
    }

    pub(super) fn class_def(
        &mut self,
        stmt: &'a Stmt,
        class: &'a ClassDef,
    ) -> Result<(), RawError> {
        self.exprs(&class.decorators)?;
        self.emit(Opcode::PushNull, 0);
        self.emit(Opcode::LoadBuildClass, 0);
        let scope = self.table.scope_of_node(stmt);
        let firstlineno = match class.decorators.first() {
            Some(d) => self.line_of(d.span),
            None => self.line_of(stmt.span),
        };
        let qualname = self.qualname_for(&class.name.name);
        self.enter_scope(scope, qualname.clone(), firstlineno);
        self.unit().emit_prologue();
        self.name_op("__name__", Access::Load, stmt.span)?;
        self.name_op("__module__", Access::Store, stmt.span)?;
        self.load_const(Constant::Str(qualname.as_str().into()));
        self.name_op("__qualname__", Access::Store, stmt.span)?;
        self.body_with_docstring(&class.body)?;
        if self.table.scopes[scope].needs_class_closure {
            self.unit().emit_deref(Opcode::LoadClosure, "__class__");
            self.emit(Opcode::Copy, 1);
            let index = self.unit().add_name("__classcell__");
            self.emit(Opcode::StoreName, index);
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.leave_scope();
        self.make_function(code, 0);
        self.load_const(Constant::Str(class.name.name.as_str().into()));
        self.exprs(&class.bases)?;
        for kw in &class.keywords {
            self.expr(&kw.value)?;
        }
        self.kw_names(&class.keywords);
        self.emit(
            Opcode::Call,
            (2 + class.bases.len() + class.keywords.len()) as u32,
        );
        self.apply_decorators(&class.decorators);
        self.set_line(stmt.span);
        self.name_op(&class.name.name, Access::Store, class.name.span)
    }

    /// A comprehension: its own code object called at once with the iterator of the
    /// outermost iterable, as CPython 3.11 compiles it.
    fn comprehension(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
    ) -> Result<(), RawError> {
        let scope = self.table.scope_of_node(e);
        let name = self.table.scopes[scope].name.clone();
        let qualname = self.qualname_for(&name);
        let firstlineno = self.line_of(e.span);
        self.enter_scope(scope, qualname, firstlineno);
        self.unit().emit_prologue();
        let line = self.set_line(e.span);
        let (build, depth_base) = match &e.kind {
            ExprKind::ListComp { .. } => (Some(Opcode::BuildList), 1),
            ExprKind::SetComp { .. } => (Some(Opcode::BuildSet), 1),
            ExprKind::DictComp { .. } => (Some(Opcode::BuildMap), 1),
            _ => (None, 0),
        };
        if let Some(build) = build {
            self.emit(build, 0);
        }
        self.comprehension_loop(e, generators, 0, depth_base)?;
        if build.is_none() {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        self.unit().line = line;
        let code = self.leave_scope();
        self.make_function(code, 0);
        self.expr(&generators[0].iter)?;
        self.emit(Opcode::GetIter, 0);
        self.emit(Opcode::Call, 0);
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
        index: usize,
        depth_base: u32,
    ) -> Result<(), RawError> {
        let generator = &generators[index];
        let start = self.new_label();
        let exit = self.new_label();
        if index == 0 {
            let slot = self.unit().varname(".0");
            self.emit(Opcode::LoadFast, slot);
        } else {
            self.expr(&generator.iter)?;
            self.emit(Opcode::GetIter, 0);
        }
        self.bind(start);
        self.emit_jump(Opcode::ForIter, exit);
        self.store(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, start, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_loop(e, generators, index + 1, depth_base)?;
        } else {
            let depth = depth_base + generators.len() as u32;
            match &e.kind {
                ExprKind::ListComp { elt, .. } => {
                    self.expr(elt)?;
                    self.emit(Opcode::ListAppend, depth);
                }
                ExprKind::SetComp { elt, .. } => {
                    self.expr(elt)?;
                    self.emit(Opcode::SetAdd, depth);
                }
                ExprKind::DictComp { key, value, .. } => {
                    self.expr(key)?;
                    self.expr(value)?;
                    self.emit(Opcode::MapAdd, depth);
                }
                ExprKind::GeneratorExp { elt, .. } => {
                    self.expr(elt)?;
                    self.emit(Opcode::YieldValue, 0);
                    self.emit(Opcode::Resume, 1);
                    self.emit(Opcode::PopTop, 0);
                }
                _ => unreachable!("only comprehensions reach comprehension_loop"),
            }
        }
        self.emit_jump(Opcode::JumpBackward, start);
        self.bind(exit);
        Ok(())
    }
}

/// The body of a function being compiled.
enum FunctionBody<'a> {
    /// A `def` body.
    Statements(&'a [Stmt]),
    /// A lambda's expression.
    Expression(&'a Expr),
}
