//! Expressions, and the code that creates functions, closures and comprehensions.
//! Each function follows its namesake in CPython 3.11's `Python/compile.c`.

use std::rc::Rc;

use pyc_bytecode::opcode::{
    FVC_ASCII, FVC_NONE, FVC_REPR, FVC_STR, FVS_HAVE_SPEC, MAKE_FUNCTION_CLOSURE,
    MAKE_FUNCTION_DEFAULTS, MAKE_FUNCTION_KWDEFAULTS,
};
use pyc_bytecode::{Constant, Opcode};
use pyc_parser::ast::{
    BinOp, BoolOp, CmpOp, Comprehension, Expr, ExprKind, FStringPart, FunctionDef, Parameters,
    Stmt, UnaryOp,
};

use super::cfg::Op;
use super::fold::{self, frozenset, tuple, Iterable, Piece};
use super::unit::Label;
use super::{Access, Compiler};
use crate::error::RawError;
use crate::symtable::{ScopeId, ScopeKind};

/// How many values CPython lets one display, call or f-string push before it builds
/// the result piece by piece (`STACK_USE_GUIDELINE`).
pub(super) const STACK_USE_GUIDELINE: usize = 30;

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

/// The kind of display a sequence of items builds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Display {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    /// Compiles an expression, leaving its value on the stack.
    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<(), RawError> {
        let loc = self.set_expr_loc(e);
        crate::depth::deep(|| self.expr_kind(e))?;
        self.unit().loc = loc;
        Ok(())
    }

    fn exprs(&mut self, es: &'a [Expr]) -> Result<(), RawError> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn expr_kind(&mut self, e: &'a Expr) -> Result<(), RawError> {
        if let Some(constant) = self.folder.constant(e) {
            self.load_const(constant);
            return Ok(());
        }
        if let Some((left, op, right)) = fold::inverted(e) {
            // The folded comparison keeps the location of the one inside the `not`.
            self.set_loc(fold::inverted_span(e));
            return self.compare(left, &[op], std::slice::from_ref(right));
        }
        match &e.kind {
            ExprKind::Name(name) => self.name_op(name, Access::Load, e.span)?,
            ExprKind::FString(parts) => self.joined_str(parts)?,
            ExprKind::BinOp { left, op, right } => {
                if *op == BinOp::Mod {
                    if let Some(pieces) = self.folder.percent_format(left, right) {
                        return self.joined(pieces.len(), |this, i| this.format_piece(&pieces[i]));
                    }
                }
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
            ExprKind::BoolOp { op, values } => self.bool_op(*op, values)?,
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let otherwise = self.new_label();
                self.jump_if(test, otherwise, false)?;
                self.expr(body)?;
                self.emit_jump_noline(Op::Jump, end);
                self.bind(otherwise);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e.span, func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.match_attr_loc(e);
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
            ExprKind::List(items) => self.sequence(items, 0, Display::List)?,
            ExprKind::Tuple(items) => self.sequence(items, 0, Display::Tuple)?,
            ExprKind::Set(items) => self.sequence(items, 0, Display::Set)?,
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
                if self.current_scope().is_async_def {
                    return Err(RawError::syntax(
                        "'yield from' inside async function",
                        e.span,
                    ));
                }
                self.expr(value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.yield_from(2);
            }
            ExprKind::Await(value) => {
                self.require_function(e, "'await' outside function")?;
                let scope = self.current_scope();
                if !scope.is_async_def && !scope.is_comprehension {
                    return Err(RawError::syntax("'await' outside async function", e.span));
                }
                self.expr(value)?;
                self.await_top(0);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Opcode::Copy, 1);
                self.store(target)?;
            }
            ExprKind::Int(_)
            | ExprKind::Bytes(_)
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

    /// Awaits the value on top of the stack: `GET_AWAITABLE where` (0 for `await`, 1
    /// after `__aenter__`, 2 after `__aexit__`) and the `SEND` loop.
    pub(super) fn await_top(&mut self, place: u32) {
        self.emit(Opcode::GetAwaitable, place);
        self.load_const(Constant::None);
        self.yield_from(3);
    }

    /// The `SEND` loop of `yield from` (`resume` 2) and `await` (3), with the iterator
    /// and the value to send pushed.
    pub(super) fn yield_from(&mut self, resume_arg: u32) {
        let start = self.new_label();
        let resume = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Op::Real(Opcode::Send), exit);
        self.bind(resume);
        self.emit(Opcode::YieldValue, 0);
        self.emit(Opcode::Resume, resume_arg);
        self.emit_jump(Op::JumpNoInterrupt, start);
        self.bind(exit);
    }

    /// `a and b or c` as a value: each operand but the last either decides the result
    /// (and stays on the stack) or is popped.
    fn bool_op(&mut self, op: BoolOp, values: &'a [Expr]) -> Result<(), RawError> {
        let end = self.new_label();
        let jump = match op {
            BoolOp::And => Opcode::JumpIfFalseOrPop,
            BoolOp::Or => Opcode::JumpIfTrueOrPop,
        };
        let (last, init) = values.split_last().expect("two or more operands");
        for value in init {
            self.expr(value)?;
            self.emit_jump(Op::Real(jump), end);
            let next = self.new_label();
            self.bind(next);
        }
        self.expr(last)?;
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` when `test` is `when`, falling through otherwise; `and`, `or`,
    /// `not`, conditional expressions and comparison chains become jumps, not values.
    pub(super) fn jump_if(
        &mut self,
        test: &'a Expr,
        target: Label,
        when: bool,
    ) -> Result<(), RawError> {
        let folded = self.folder.constant(test).is_some();
        match &test.kind {
            _ if folded => {}
            // A comparison, `not (a is b)` folded into `a is not b` included, makes its
            // line current for the jump and for what follows.
            _ if fold::inverted(test).is_some() => {
                self.set_loc(fold::inverted_span(test));
            }
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, target, !when),
            ExprKind::BoolOp { op, values } => {
                let (last, init) = values.split_last().expect("two or more operands");
                let or = *op == BoolOp::Or;
                let next = if or == when { target } else { self.new_label() };
                for value in init {
                    self.jump_if(value, next, or)?;
                }
                self.jump_if(last, target, when)?;
                if next != target {
                    self.bind(next);
                }
                return Ok(());
            }
            ExprKind::IfExp {
                test: cond,
                body,
                orelse,
            } => {
                let end = self.new_label();
                let otherwise = self.new_label();
                self.jump_if(cond, otherwise, false)?;
                self.jump_if(body, target, when)?;
                self.emit_jump_noline(Op::Jump, end);
                self.bind(otherwise);
                self.jump_if(orelse, target, when)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                return self.jump_if_chain(test, left, ops, comparators, target, when)
            }
            ExprKind::Compare { .. } => {
                self.set_expr_loc(test);
            }
            _ => {}
        }
        self.expr(test)?;
        let op = if when {
            Op::PopJumpIfTrue
        } else {
            Op::PopJumpIfFalse
        };
        self.emit_jump(op, target);
        Ok(())
    }

    /// `a < b < c` as a condition: every link but the last jumps to a cleanup that pops
    /// the middle operand when it fails.
    fn jump_if_chain(
        &mut self,
        test: &'a Expr,
        left: &'a Expr,
        ops: &'a [CmpOp],
        comparators: &'a [Expr],
        target: Label,
        when: bool,
    ) -> Result<(), RawError> {
        self.set_expr_loc(test);
        let cleanup = self.new_label();
        let n = ops.len() - 1;
        self.expr(left)?;
        for (op, comparator) in ops.iter().zip(comparators).take(n) {
            self.expr(comparator)?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.compare_op(*op);
            self.emit_jump(Op::PopJumpIfFalse, cleanup);
        }
        self.compared(ops[n], &comparators[n])?;
        self.compare_op(ops[n]);
        let jump = if when {
            Op::PopJumpIfTrue
        } else {
            Op::PopJumpIfFalse
        };
        self.emit_jump(jump, target);
        let end = self.new_label();
        self.emit_jump_noline(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Opcode::PopTop, 0);
        if !when {
            self.emit_jump_noline(Op::Jump, target);
        }
        self.bind(end);
        Ok(())
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

    /// The right operand of the last comparison: after `in` or `not in` a list or set
    /// display is only searched, so it becomes a tuple or frozenset.
    fn compared(&mut self, op: CmpOp, comparator: &'a Expr) -> Result<(), RawError> {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.iterable(comparator)
        } else {
            self.expr(comparator)
        }
    }

    /// `a < b < c`: each middle operand is compared twice but evaluated once.
    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
    ) -> Result<(), RawError> {
        self.expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.compared(ops[0], &comparators[0])?;
            self.compare_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for (op, comparator) in ops.iter().zip(comparators).take(n) {
            self.expr(comparator)?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.compare_op(*op);
            self.emit_jump(Op::Real(Opcode::JumpIfFalseOrPop), cleanup);
        }
        self.compared(ops[n], &comparators[n])?;
        self.compare_op(ops[n]);
        let end = self.new_label();
        self.emit_jump_noline(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// A list, tuple or set display (CPython's `starunpack_helper`), `pushed` items
    /// already on the stack: three or more constants are one constant merged in, a
    /// display with `*iterable` or with too many items is built up item by item.
    pub(super) fn sequence(
        &mut self,
        items: &'a [Expr],
        pushed: usize,
        display: Display,
    ) -> Result<(), RawError> {
        let (build, add, extend) = match display {
            Display::Set => (Opcode::BuildSet, Opcode::SetAdd, Opcode::SetUpdate),
            _ => (Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend),
        };
        let is_tuple = display == Display::Tuple;
        if items.len() > 2 {
            if let Some(constants) = self.folder.constant_items(items) {
                let folded = match display {
                    Display::Set => frozenset(constants),
                    _ => tuple(constants),
                };
                if is_tuple && pushed == 0 {
                    self.load_const(folded);
                } else {
                    self.emit(build, pushed as u32);
                    self.load_const(folded);
                    self.emit(extend, 1);
                    if is_tuple {
                        self.emit(Opcode::ListToTuple, 0);
                    }
                }
                return Ok(());
            }
        }
        let big = items.len() + pushed > STACK_USE_GUIDELINE;
        if !fold::has_starred(items) && !big {
            self.exprs(items)?;
            let build = if is_tuple { Opcode::BuildTuple } else { build };
            self.emit(build, (items.len() + pushed) as u32);
            return Ok(());
        }
        let mut built = big;
        if big {
            self.emit(build, pushed as u32);
        }
        for (i, item) in items.iter().enumerate() {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    if !built {
                        self.emit(build, (i + pushed) as u32);
                        built = true;
                    }
                    self.expr(inner)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(item)?;
                    if built {
                        self.emit(add, 1);
                    }
                }
            }
        }
        if is_tuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    /// A dict display: runs of `key: value` pairs become maps (`BUILD_CONST_KEY_MAP`
    /// when the keys are constants), merged with each `**mapping` in order.
    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> Result<(), RawError> {
        let n = values.len();
        let mut have_dict = false;
        let mut pending = 0;
        for i in 0..n {
            match &keys[i] {
                None => {
                    if pending > 0 {
                        self.subdict(keys, values, i - pending, i)?;
                        if have_dict {
                            self.emit(Opcode::DictUpdate, 1);
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(&values[i])?;
                    self.emit(Opcode::DictUpdate, 1);
                }
                Some(_) if pending * 2 > STACK_USE_GUIDELINE => {
                    self.subdict(keys, values, i - pending, i + 1)?;
                    if have_dict {
                        self.emit(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                    pending = 0;
                }
                Some(_) => pending += 1,
            }
        }
        if pending > 0 {
            self.subdict(keys, values, n - pending, n)?;
            if have_dict {
                self.emit(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    /// The pairs `begin..end` of a dict display as one map.
    fn subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> Result<(), RawError> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let keys = &keys[begin..end];
        let values = &values[begin..end];
        let key = |k: &'a Option<Expr>| k.as_ref().expect("no `**` inside a run of pairs");
        if n > 1 && !big {
            let constants: Option<Vec<Constant>> =
                keys.iter().map(|k| self.folder.constant(key(k))).collect();
            if let Some(constants) = constants {
                self.exprs(values)?;
                self.load_const(tuple(constants));
                self.emit(Opcode::BuildConstKeyMap, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Opcode::BuildMap, 0);
        }
        for (k, value) in keys.iter().zip(values) {
            self.expr(key(k))?;
            self.expr(value)?;
            if big {
                self.emit(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    /// An f-string: its pieces, joined.
    fn joined_str(&mut self, parts: &'a [FStringPart]) -> Result<(), RawError> {
        self.joined(parts.len(), |this, i| this.fstring_part(&parts[i]))
    }

    /// `count` string pieces, each pushed by `piece`, joined by `BUILD_STRING` (or, past
    /// 30 pieces, by a call of `''.join` on a list of them).
    fn joined(
        &mut self,
        count: usize,
        mut piece: impl FnMut(&mut Self, usize) -> Result<(), RawError>,
    ) -> Result<(), RawError> {
        if count > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str("".into()));
            let join = self.unit().add_name("join");
            self.emit(Opcode::LoadMethod, join);
            self.emit(Opcode::BuildList, 0);
            for i in 0..count {
                piece(self, i)?;
                self.emit(Opcode::ListAppend, 1);
            }
            self.emit(Opcode::Call, 1);
            return Ok(());
        }
        for i in 0..count {
            piece(self, i)?;
        }
        if count != 1 {
            self.emit(Opcode::BuildString, count as u32);
        }
        Ok(())
    }

    /// One piece of a `%` format rewritten as an f-string: as in CPython, the literal
    /// text has no line of its own and the formatting has the value's.
    fn format_piece(&mut self, piece: &Piece<'a>) -> Result<(), RawError> {
        match piece {
            Piece::Literal(text) => self.load_const_noline(text),
            Piece::Value {
                value,
                conversion,
                spec,
            } => {
                self.expr(value)?;
                let mut flags = conversion_flags(Some(*conversion));
                if let Some(spec) = spec {
                    self.load_const_noline(spec);
                    flags |= FVS_HAVE_SPEC;
                }
                let loc = self.set_expr_loc(value);
                self.emit(Opcode::FormatValue, flags);
                self.unit().loc = loc;
            }
        }
        Ok(())
    }

    fn load_const_noline(&mut self, text: &str) {
        let index = self.unit().add_const(Constant::Str(text.into()));
        self.unit().emit_noline(Opcode::LoadConst, index);
    }

    fn fstring_part(&mut self, part: &'a FStringPart) -> Result<(), RawError> {
        match part {
            FStringPart::Literal(text) => self.load_const(Constant::Str(text.as_str().into())),
            FStringPart::Formatted {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut flags = conversion_flags(*conversion);
                if let Some(spec) = format_spec {
                    self.joined_str(spec)?;
                    flags |= FVS_HAVE_SPEC;
                }
                self.emit(Opcode::FormatValue, flags);
            }
        }
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
        let mut names = Vec::new();
        for param in &params.kwonlyargs {
            if let Some(default) = &param.default {
                let name = self.mangle(&param.name.name).into_owned();
                names.push(Constant::Str(name.into()));
                self.expr(default)?;
            }
        }
        if !names.is_empty() {
            let count = names.len() as u32;
            self.load_const(tuple(names));
            self.emit(Opcode::BuildConstKeyMap, count);
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the closure tuple for a child scope's free variables (`LOAD_CLOSURE` of
    /// this scope's cells and free variables, in the child's `co_freevars` order) and the
    /// code, then emits `MAKE_FUNCTION`. A scope compiled twice (in a `while` test or a
    /// `finally` body) gives equal code, which CPython keeps once in `co_consts`.
    pub(super) fn make_function(
        &mut self,
        scope: ScopeId,
        code: pyc_bytecode::CodeObject,
        mut flags: u32,
    ) {
        let free: Vec<Rc<str>> = code.freevars();
        if !free.is_empty() {
            for name in &free {
                self.unit().emit_deref(Opcode::LoadClosure, name);
            }
            self.emit(Opcode::BuildTuple, free.len() as u32);
            flags |= MAKE_FUNCTION_CLOSURE;
        }
        let index = match self.frame().code_consts.get(&scope) {
            Some(&index) => index,
            None => {
                let index = self.unit().add_const(Constant::Code(Rc::new(code)));
                self.frame().code_consts.insert(scope, index);
                index
            }
        };
        self.emit(Opcode::LoadConst, index);
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
                self.body(&stmts[skip..])?;
                Ok(self.leave_scope(true))
            }
            FunctionBody::Expression(e) => {
                self.unit().add_const(Constant::None);
                self.expr(e)?;
                let generator = self.table.scopes[scope].is_generator;
                if !generator {
                    self.emit(Opcode::ReturnValue, 0);
                }
                Ok(self.leave_scope(!generator))
            }
        }
    }

    /// `def name(params): body`: decorators, defaults, the function, decorator calls and
    /// the store, as CPython's `compiler_function`.
    pub(super) fn function_def(
        &mut self,
        stmt: &'a Stmt,
        def: &'a FunctionDef,
    ) -> Result<(), RawError> {
        self.exprs(&def.decorators)?;
        let firstlineno = match def.decorators.first() {
            Some(d) => self.line_of(d.span),
            None => self.line_of(stmt.span),
        };
        let flags = self.defaults(&def.params)?;
        let scope = self.table.scope_of_node(stmt);
        let code = self.function_body(
            scope,
            &def.name.name,
            &def.params,
            firstlineno,
            FunctionBody::Statements(&def.body),
        )?;
        let info = &self.table.scopes[scope];
        if info.is_coroutine && info.is_generator {
            return Err(RawError::syntax(
                "asynchronous generators are not supported",
                stmt.span,
            ));
        }
        self.make_function(scope, code, flags);
        self.apply_decorators(&def.decorators);
        self.set_loc(stmt.span);
        self.name_op(&def.name.name, Access::Store, def.name.span)
    }

    /// Calls the decorators already on the stack, innermost (last written) first, each
    /// call on its decorator's line. The stack holds `decorator ... function`, so each
    /// `CALL 0` passes the function below it as the argument.
    pub(super) fn apply_decorators(&mut self, decorators: &[Expr]) {
        for decorator in decorators.iter().rev() {
            self.set_expr_loc(decorator);
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
        self.make_function(scope, code, flags);
        Ok(())
    }

    /// A comprehension: its own code object called at once with the iterator of the
    /// outermost iterable, as CPython 3.11 compiles it.
    fn comprehension(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
    ) -> Result<(), RawError> {
        let scope = self.table.scope_of_node(e);
        let is_genexp = matches!(e.kind, ExprKind::GeneratorExp { .. });
        let is_async = self.table.scopes[scope].is_coroutine;
        if is_async {
            let outer = self.current_scope();
            if !is_genexp && !outer.is_async_def && !outer.is_comprehension {
                return Err(RawError::syntax(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.span,
                ));
            }
            if is_genexp {
                return Err(RawError::syntax(
                    "asynchronous generators are not supported",
                    e.span,
                ));
            }
        }
        let name = self.table.scopes[scope].name.clone();
        let qualname = self.qualname_for(&name);
        let firstlineno = self.line_of(e.span);
        self.enter_scope(scope, qualname, firstlineno);
        self.unit().emit_prologue();
        self.set_expr_loc(e);
        let build = match &e.kind {
            ExprKind::ListComp { .. } => Some(Opcode::BuildList),
            ExprKind::SetComp { .. } => Some(Opcode::BuildSet),
            ExprKind::DictComp { .. } => Some(Opcode::BuildMap),
            _ => None,
        };
        if let Some(build) = build {
            self.emit(build, 0);
        }
        self.comprehension_loop(e, generators, 0, 0)?;
        if build.is_some() {
            self.emit(Opcode::ReturnValue, 0);
        }
        let code = self.leave_scope(true);
        self.make_function(scope, code, 0);
        if generators[0].is_async {
            self.expr(&generators[0].iter)?;
            self.emit(Opcode::GetAiter, 0);
        } else {
            self.iterable(&generators[0].iter)?;
            self.emit(Opcode::GetIter, 0);
        }
        self.emit(Opcode::Call, 0);
        if is_async {
            self.await_top(0);
        }
        Ok(())
    }

    /// One `for` of a comprehension (CPython's `compiler_sync_comprehension_generator`);
    /// `depth` counts the iterators the enclosing `for`s keep on the stack.
    fn comprehension_loop(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
    ) -> Result<(), RawError> {
        let generator = &generators[index];
        if generator.is_async {
            return self.async_comprehension_loop(e, generators, index, depth);
        }
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            let slot = self.unit().varname(".0");
            self.emit(Opcode::LoadFast, slot);
        } else {
            // `for y in [x]` binds `y` without a loop.
            let single = match self.folder.iterable(&generator.iter) {
                Iterable::Tuple([only]) => Some(only),
                Iterable::Unchanged => match &generator.iter.kind {
                    ExprKind::Tuple(items) if self.folder.constant(&generator.iter).is_none() => {
                        match items.as_slice() {
                            [only] => Some(only),
                            _ => None,
                        }
                    }
                    _ => None,
                },
                _ => None,
            };
            match single {
                Some(only) if !matches!(only.kind, ExprKind::Starred(_)) => {
                    self.expr(only)?;
                    start = None;
                }
                _ => {
                    self.iterable(&generator.iter)?;
                    self.emit(Opcode::GetIter, 0);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.bind(start);
            self.emit_jump(Op::Real(Opcode::ForIter), anchor);
        }
        self.store(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_loop(e, generators, index + 1, depth)?;
        } else {
            self.comprehension_element(e, depth + 1)?;
        }
        self.bind(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Op::Jump, start);
            self.bind(anchor);
        }
        Ok(())
    }

    /// One `async for` of a comprehension (CPython's
    /// `compiler_async_comprehension_generator`): each `__anext__()` is awaited under a
    /// handler whose `END_ASYNC_FOR` ends the loop.
    fn async_comprehension_loop(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
    ) -> Result<(), RawError> {
        let generator = &generators[index];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if index == 0 {
            let slot = self.unit().varname(".0");
            self.emit(Opcode::LoadFast, slot);
        } else {
            self.expr(&generator.iter)?;
            self.emit(Opcode::GetAiter, 0);
        }
        self.bind(start);
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.yield_from(3);
        self.unit().emit_pop_block();
        self.store(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let depth = depth + 1;
        if index + 1 < generators.len() {
            self.comprehension_loop(e, generators, index + 1, depth)?;
        } else {
            self.comprehension_element(e, depth + 1)?;
        }
        self.bind(if_cleanup);
        self.emit_jump(Op::Jump, start);
        self.bind(except);
        self.emit(Opcode::EndAsyncFor, 0);
        Ok(())
    }

    /// Adds the element to the result (or yields it), the result `depth` items down.
    fn comprehension_element(&mut self, e: &'a Expr, depth: u32) -> Result<(), RawError> {
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
            _ => unreachable!("only comprehensions reach comprehension_element"),
        }
        Ok(())
    }
}

/// `FORMAT_VALUE`'s conversion bits for `!s`, `!r`, `!a` or none.
fn conversion_flags(conversion: Option<char>) -> u32 {
    match conversion {
        Some('s') => FVC_STR,
        Some('r') => FVC_REPR,
        Some('a') => FVC_ASCII,
        _ => FVC_NONE,
    }
}

/// The body of a function being compiled.
enum FunctionBody<'a> {
    /// A `def` body.
    Statements(&'a [Stmt]),
    /// A lambda's expression.
    Expression(&'a Expr),
}
