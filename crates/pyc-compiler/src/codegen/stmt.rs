//! Statements: assignment, control flow, `try`, imports, and unwinding for `break`,
//! `continue` and `return` through the enclosing statement contexts. Each function
//! follows its namesake in CPython 3.11's `Python/compile.c`, block for block.

use pyc_bytecode::{Constant, Opcode};
use pyc_parser::ast::{Alias, ExceptHandler, Expr, ExprKind, Span, Stmt, StmtKind};

use super::cfg::Op;
use super::fold::Iterable;
use super::{Access, Compiler, FBlock};
use crate::error::RawError;
use crate::symtable::ScopeKind;

/// How many statement contexts may nest in one code object (CPython's `CO_MAXBLOCKS`).
const MAX_BLOCKS: usize = 20;

impl<'a> Compiler<'a> {
    /// Compiles one statement.
    pub(super) fn stmt(&mut self, stmt: &'a Stmt) -> Result<(), RawError> {
        self.set_loc(stmt.span);
        crate::depth::deep(|| self.stmt_kind(stmt))
    }

    /// Compiles statements in order.
    pub(super) fn body(&mut self, body: &'a [Stmt]) -> Result<(), RawError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt_kind(&mut self, stmt: &'a Stmt) -> Result<(), RawError> {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr_stmt(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.store(target)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::FunctionDef(def) => self.function_def(stmt, def)?,
            StmtKind::ClassDef(class) => self.class_def(stmt, class)?,
            StmtKind::Return(value) => self.return_stmt(stmt, value.as_ref())?,
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(stmt, test, body, orelse)?,
            StmtKind::For {
                is_async: true,
                target,
                iter,
                body,
                orelse,
            } => {
                self.require_async(stmt, "'async for' outside async function")?;
                self.async_for_stmt(stmt, target, iter, body, orelse)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.for_stmt(stmt, target, iter, body, orelse)?,
            StmtKind::Break => self.break_stmt(stmt)?,
            StmtKind::Continue => self.continue_stmt(stmt)?,
            StmtKind::Pass => self.emit(Opcode::Nop, 0),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Delete(targets) => {
                for target in targets {
                    self.delete(target)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(stmt, body, handlers, orelse)?;
                } else {
                    self.try_finally(stmt, body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.require_async(stmt, "'async with' outside async function")?;
                }
                self.with_stmt(stmt, items, body, *is_async)?;
            }
            StmtKind::Raise { exc, cause } => {
                let mut argc = 0;
                if let Some(exc) = exc {
                    self.expr(exc)?;
                    argc = 1;
                    if let Some(cause) = cause {
                        self.expr(cause)?;
                        argc = 2;
                    }
                }
                self.emit(Opcode::RaiseVarargs, argc);
            }
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_ref())?,
            StmtKind::Import(aliases) => aliases.iter().try_for_each(|a| self.import(a))?,
            StmtKind::ImportFrom { module, names } => self.import_from(module, names)?,
        }
        Ok(())
    }

    /// An expression statement: a constant one leaves only a `NOP` for its line.
    fn expr_stmt(&mut self, e: &'a Expr) -> Result<(), RawError> {
        if self.interactive && self.frames.len() == 1 {
            self.expr(e)?;
            self.emit(Opcode::PrintExpr, 0);
            return Ok(());
        }
        if self.folder.constant(e).is_some() {
            self.emit(Opcode::Nop, 0);
            return Ok(());
        }
        self.expr(e)?;
        self.unset_line();
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn if_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), RawError> {
        let end = self.new_label();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(test, next, false)?;
        self.body(body)?;
        if !orelse.is_empty() {
            self.emit_jump_noline(Op::Jump, end);
            self.bind(next);
            self.body(orelse)?;
        }
        self.bind(end);
        Ok(())
    }

    /// As CPython 3.11: the test runs once on entry and again at the bottom, jumping
    /// back into the body while it holds.
    fn while_stmt(
        &mut self,
        stmt: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), RawError> {
        let start = self.new_label();
        let body_start = self.new_label();
        let anchor = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.push_fblock(FBlock::While { start, exit }, stmt.span)?;
        self.jump_if(test, anchor, false)?;
        self.bind(body_start);
        self.body(body)?;
        self.set_loc(stmt.span);
        self.jump_if(test, body_start, true)?;
        self.frame().fblocks.pop();
        self.bind(anchor);
        self.body(orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        stmt: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), RawError> {
        let start = self.new_label();
        let body_start = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        self.push_fblock(FBlock::For { start, exit }, stmt.span)?;
        self.iterable(iter)?;
        self.emit(Opcode::GetIter, 0);
        self.bind(start);
        self.emit_jump(Op::Real(Opcode::ForIter), cleanup);
        self.bind(body_start);
        self.store(target)?;
        self.body(body)?;
        // The back edge has no line of its own: it takes the body's last.
        self.unset_line();
        self.emit_jump(Op::Jump, start);
        self.bind(cleanup);
        self.frame().fblocks.pop();
        self.body(orelse)?;
        self.bind(exit);
        Ok(())
    }

    /// `async for target in iter: body else: orelse`, as CPython's `compiler_async_for`:
    /// each `__anext__()` is awaited under a handler that ends the loop on
    /// `StopAsyncIteration` (`END_ASYNC_FOR`, on the iterable's line).
    fn async_for_stmt(
        &mut self,
        stmt: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), RawError> {
        let start = self.new_label();
        let except = self.new_label();
        let exit = self.new_label();
        self.expr(iter)?;
        self.emit(Opcode::GetAiter, 0);
        self.bind(start);
        self.push_fblock(FBlock::For { start, exit }, stmt.span)?;
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.yield_from(3);
        self.unit().emit_pop_block();
        self.store(target)?;
        self.body(body)?;
        self.unset_line();
        self.emit_jump(Op::Jump, start);
        self.frame().fblocks.pop();
        self.bind(except);
        self.set_expr_loc(iter);
        self.emit(Opcode::EndAsyncFor, 0);
        self.body(orelse)?;
        self.bind(exit);
        Ok(())
    }

    /// An expression whose items are only iterated or searched: a list becomes a tuple,
    /// a set of constants a frozenset (CPython's `fold_iter`).
    pub(super) fn iterable(&mut self, e: &'a Expr) -> Result<(), RawError> {
        match self.folder.iterable(e) {
            Iterable::Constant(constant) => {
                let loc = self.set_expr_loc(e);
                self.load_const(constant);
                self.unit().loc = loc;
                Ok(())
            }
            Iterable::Tuple(items) => {
                let loc = self.set_expr_loc(e);
                self.sequence(items, 0, super::expr::Display::Tuple)?;
                self.unit().loc = loc;
                Ok(())
            }
            Iterable::Unchanged => self.expr(e),
        }
    }

    /// Enters a statement context, failing as CPython does past 20 nested ones.
    pub(super) fn push_fblock(&mut self, block: FBlock<'a>, span: Span) -> Result<(), RawError> {
        if self.frame().fblocks.len() >= MAX_BLOCKS {
            return Err(RawError::syntax("too many statically nested blocks", span));
        }
        self.frame().fblocks.push(block);
        Ok(())
    }

    /// Stores the value on top of the stack into an assignment target, on the target's
    /// line.
    pub(super) fn store(&mut self, target: &'a Expr) -> Result<(), RawError> {
        let loc = self.set_expr_loc(target);
        let result = self.store_kind(target);
        self.unit().loc = loc;
        result
    }

    fn store_kind(&mut self, target: &'a Expr) -> Result<(), RawError> {
        match &target.kind {
            ExprKind::Name(name) => self.name_op(name, Access::Store, target.span),
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                self.member_op(target, Access::Store)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self.unpack(target, items),
            ExprKind::Starred(_) => Err(RawError::syntax(
                "starred assignment target must be in a list or tuple",
                target.span,
            )),
            _ => Err(RawError::syntax(
                format!("cannot assign to {}", describe(target)),
                target.span,
            )),
        }
    }

    /// Stores into or deletes an attribute (`obj.name`) or subscript (`obj[key]`) target.
    fn member_op(&mut self, target: &'a Expr, access: Access) -> Result<(), RawError> {
        let store = access == Access::Store;
        let loc = self.set_expr_loc(target);
        match &target.kind {
            ExprKind::Attribute { value, attr } => {
                if store && attr.name == "__debug__" {
                    return Err(RawError::syntax("cannot assign to __debug__", attr.span));
                }
                self.expr(value)?;
                self.match_attr_loc(target);
                let index = self.add_mangled_name(&attr.name);
                let op = if store {
                    Opcode::StoreAttr
                } else {
                    Opcode::DeleteAttr
                };
                self.emit(op, index);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                let op = if store {
                    Opcode::StoreSubscr
                } else {
                    Opcode::DeleteSubscr
                };
                self.emit(op, 0);
            }
            _ => unreachable!("only attribute and subscript targets reach member_op"),
        }
        self.unit().loc = loc;
        Ok(())
    }

    /// `a, *b, c = value`: `UNPACK_SEQUENCE` or `UNPACK_EX`, then each target.
    fn unpack(&mut self, target: &'a Expr, items: &'a [Expr]) -> Result<(), RawError> {
        let loc = self.set_expr_loc(target);
        let starred: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, ExprKind::Starred(_)))
            .map(|(i, _)| i)
            .collect();
        match starred.as_slice() {
            [] => self.emit(Opcode::UnpackSequence, items.len() as u32),
            [i] => {
                let after = items.len() - i - 1;
                if *i >= 1 << 8 || after >= (i32::MAX >> 8) as usize {
                    return Err(RawError::syntax(
                        "too many expressions in star-unpacking assignment",
                        target.span,
                    ));
                }
                self.emit(Opcode::UnpackEx, (*i as u32) | ((after as u32) << 8));
            }
            _ => {
                return Err(RawError::syntax(
                    "multiple starred expressions in assignment",
                    target.span,
                ))
            }
        }
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => self.store(inner)?,
                _ => self.store(item)?,
            }
        }
        self.unit().loc = loc;
        Ok(())
    }

    /// Deletes one target, at the target's location (CPython visits it as an
    /// expression).
    fn delete(&mut self, target: &'a Expr) -> Result<(), RawError> {
        let loc = self.set_expr_loc(target);
        let result = self.delete_kind(target);
        self.unit().loc = loc;
        result
    }

    fn delete_kind(&mut self, target: &'a Expr) -> Result<(), RawError> {
        match &target.kind {
            ExprKind::Name(name) => self.name_op(name, Access::Delete, target.span),
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                self.member_op(target, Access::Delete)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|t| self.delete(t))
            }
            _ => Err(RawError::syntax(
                format!("cannot delete {}", describe(target)),
                target.span,
            )),
        }
    }

    /// `target op= value`: the target is read and written on its own line, the
    /// operation happens on the statement's.
    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: pyc_parser::ast::BinOp,
        value: &'a Expr,
    ) -> Result<(), RawError> {
        let inplace = super::expr::binop_arg(op) + pyc_bytecode::opcode::INPLACE_OFFSET;
        let loc = self.set_expr_loc(target);
        match &target.kind {
            ExprKind::Name(name) => self.name_op(name, Access::Load, target.span)?,
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Opcode::Copy, 1);
                self.match_attr_loc(target);
                let index = self.add_mangled_name(&attr.name);
                self.emit(Opcode::LoadAttr, index);
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
            }
            _ => {
                return Err(RawError::syntax(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        describe(target)
                    ),
                    target.span,
                ))
            }
        }
        self.unit().loc = loc;
        self.expr(value)?;
        self.emit(Opcode::BinaryOp, inplace);
        self.set_expr_loc(target);
        match &target.kind {
            ExprKind::Name(name) => self.name_op(name, Access::Store, target.span)?,
            ExprKind::Attribute { attr, .. } => {
                self.match_attr_loc(target);
                self.emit(Opcode::Swap, 2);
                let index = self.add_mangled_name(&attr.name);
                self.emit(Opcode::StoreAttr, index);
            }
            _ => {
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
            }
        }
        Ok(())
    }

    /// Refuses an `async for`/`async with` outside an `async def` with `message`.
    fn require_async(&self, stmt: &Stmt, message: &str) -> Result<(), RawError> {
        if self.scope_kind() == ScopeKind::Function && self.current_scope().is_async_def {
            Ok(())
        } else {
            Err(RawError::syntax(message, stmt.span))
        }
    }

    fn return_stmt(&mut self, stmt: &'a Stmt, value: Option<&'a Expr>) -> Result<(), RawError> {
        // A constant return value is loaded after unwinding, so nothing has to be kept
        // on the stack while `finally` bodies run.
        let constant = value.and_then(|v| self.folder.constant(v));
        let preserve_tos = value.is_some() && constant.is_none();
        if self.scope_kind() != ScopeKind::Function {
            return Err(RawError::syntax("'return' outside function", stmt.span));
        }
        let scope = self.current_scope();
        if value.is_some() && scope.is_coroutine && scope.is_generator {
            return Err(RawError::syntax(
                "'return' with value in async generator",
                stmt.span,
            ));
        }
        match value {
            Some(v) if preserve_tos => self.expr(v)?,
            Some(v) => {
                self.set_expr_loc(v);
                self.emit(Opcode::Nop, 0);
            }
            None => {}
        }
        if value.is_none_or(|v| self.line_of(v.span) != self.line_of(stmt.span)) {
            self.set_loc(stmt.span);
            self.emit(Opcode::Nop, 0);
        }
        self.unwind_all(preserve_tos)?;
        match (value, constant) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(constant)) => self.load_const(constant),
            _ => {}
        }
        self.emit(Opcode::ReturnValue, 0);
        Ok(())
    }

    fn break_stmt(&mut self, stmt: &'a Stmt) -> Result<(), RawError> {
        self.emit(Opcode::Nop, 0);
        let Some(loop_block) = self.unwind_to_loop()? else {
            return Err(RawError::syntax("'break' outside loop", stmt.span));
        };
        self.unwind_block(&loop_block, false)?;
        if let FBlock::While { exit, .. } | FBlock::For { exit, .. } = loop_block {
            self.emit_jump(Op::Jump, exit);
        }
        Ok(())
    }

    fn continue_stmt(&mut self, stmt: &'a Stmt) -> Result<(), RawError> {
        self.emit(Opcode::Nop, 0);
        let Some(loop_block) = self.unwind_to_loop()? else {
            return Err(RawError::syntax(
                "'continue' not properly in loop",
                stmt.span,
            ));
        };
        if let FBlock::While { start, .. } | FBlock::For { start, .. } = loop_block {
            self.emit_jump(Op::Jump, start);
        }
        Ok(())
    }

    /// Unwinds the contexts inside the innermost loop and returns that loop; `None` if
    /// there is no loop in this scope. The contexts are restored afterwards: the code
    /// that follows is still inside them.
    fn unwind_to_loop(&mut self) -> Result<Option<FBlock<'a>>, RawError> {
        let saved = self.frame().fblocks.clone();
        let mut found = None;
        while let Some(block) = self.frame().fblocks.last().copied() {
            if matches!(block, FBlock::While { .. } | FBlock::For { .. }) {
                found = Some(block);
                break;
            }
            self.frame().fblocks.pop();
            self.unwind_block(&block, false)?;
        }
        self.frame().fblocks = saved;
        Ok(found)
    }

    /// Unwinds every context of this scope (for `return`), restoring them afterwards.
    fn unwind_all(&mut self, preserve_tos: bool) -> Result<(), RawError> {
        let saved = self.frame().fblocks.clone();
        while let Some(block) = self.frame().fblocks.pop() {
            self.unwind_block(&block, preserve_tos)?;
        }
        self.frame().fblocks = saved;
        Ok(())
    }

    /// Emits what leaving `block` early requires; `preserve_tos` keeps a return value on top.
    fn unwind_block(&mut self, block: &FBlock<'a>, preserve_tos: bool) -> Result<(), RawError> {
        match block {
            FBlock::While { .. } | FBlock::ExceptHandler => {}
            FBlock::For { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlock::TryExcept => self.unit().emit_pop_block(),
            FBlock::With { span, is_async } => {
                // On the `with` line; what follows seems to run after the statement that
                // unwinds, so it has no line of its own.
                self.set_loc(*span);
                self.unit().emit_pop_block();
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.await_top(2);
                }
                self.emit(Opcode::PopTop, 0);
                self.unset_line();
            }
            FBlock::FinallyTry { body } => {
                // The POP_BLOCK takes the line of the statement that unwinds.
                self.unit().emit_pop_block();
                if preserve_tos {
                    self.frame().fblocks.push(FBlock::PopValue);
                }
                self.body(body)?;
                if preserve_tos {
                    self.frame().fblocks.pop();
                }
                // What follows seems to run after the final body: no line of its own.
                self.unset_line();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.unit().emit_pop_block();
                self.emit(Opcode::PopExcept, 0);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.unit().emit_pop_block();
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.unit().emit_pop_block();
                self.emit(Opcode::PopExcept, 0);
                if let Some(name) = name {
                    self.clear_name(name)?;
                }
            }
        }
        Ok(())
    }

    /// `name = None; del name`: how an `except ... as name` binding ends.
    fn clear_name(&mut self, name: &str) -> Result<(), RawError> {
        self.load_const(Constant::None);
        self.name_op(name, Access::Store, Span::default())?;
        self.name_op(name, Access::Delete, Span::default())
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1`: restores the previous exception and re-raises.
    pub(super) fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::Copy, 3);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 1);
    }

    fn try_except(
        &mut self,
        stmt: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<(), RawError> {
        let body_start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Op::SetupFinally, except);
        self.bind(body_start);
        self.push_fblock(FBlock::TryExcept, stmt.span)?;
        self.body(body)?;
        self.frame().fblocks.pop();
        self.unit().emit_pop_block_noline();
        self.body(orelse)?;
        self.emit_jump_noline(Op::Jump, end);
        self.bind(except);
        self.unset_line();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlock::ExceptHandler, stmt.span)?;
        for (i, handler) in handlers.iter().enumerate() {
            self.set_loc(handler.span);
            if handler.typ.is_none() && i + 1 < handlers.len() {
                return Err(RawError::syntax(
                    "default 'except:' must be last",
                    handler.span,
                ));
            }
            let next = self.new_label();
            if let Some(typ) = &handler.typ {
                self.expr(typ)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.emit_jump(Op::PopJumpIfFalse, next);
            }
            match &handler.name {
                Some(name) => self.named_handler(handler, &name.name, name.span, end)?,
                None => self.anonymous_handler(handler, end)?,
            }
            self.bind(next);
        }
        self.unset_line();
        self.frame().fblocks.pop();
        self.emit(Opcode::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `except T as name:` — the body runs as `try: body finally: name = None; del name`.
    fn named_handler(
        &mut self,
        handler: &'a ExceptHandler,
        name: &'a str,
        name_span: Span,
        end: super::Label,
    ) -> Result<(), RawError> {
        let cleanup_end = self.new_label();
        let cleanup_body = self.new_label();
        self.name_op(name, Access::Store, name_span)?;
        self.emit_jump(Op::SetupCleanup, cleanup_end);
        self.bind(cleanup_body);
        self.push_fblock(FBlock::HandlerCleanup { name: Some(name) }, handler.span)?;
        self.body(&handler.body)?;
        self.frame().fblocks.pop();
        self.unset_line();
        self.unit().emit_pop_block();
        self.unit().emit_pop_block();
        self.emit(Opcode::PopExcept, 0);
        self.clear_name(name)?;
        self.emit_jump(Op::Jump, end);
        self.bind(cleanup_end);
        self.unset_line();
        self.clear_name(name)?;
        self.emit(Opcode::Reraise, 1);
        Ok(())
    }

    /// `except T:` or a bare `except:` — the exception is dropped, the body runs.
    fn anonymous_handler(
        &mut self,
        handler: &'a ExceptHandler,
        end: super::Label,
    ) -> Result<(), RawError> {
        let cleanup_body = self.new_label();
        self.emit(Opcode::PopTop, 0);
        self.bind(cleanup_body);
        self.push_fblock(FBlock::HandlerCleanup { name: None }, handler.span)?;
        self.body(&handler.body)?;
        self.frame().fblocks.pop();
        self.unset_line();
        self.unit().emit_pop_block();
        self.emit(Opcode::PopExcept, 0);
        self.emit_jump(Op::Jump, end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        stmt: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<(), RawError> {
        let body_start = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Op::SetupFinally, end);
        self.bind(body_start);
        self.push_fblock(FBlock::FinallyTry { body: finalbody }, stmt.span)?;
        if handlers.is_empty() {
            self.body(body)?;
        } else {
            self.try_except(stmt, body, handlers, orelse)?;
        }
        self.unit().emit_pop_block_noline();
        self.frame().fblocks.pop();
        self.body(finalbody)?;
        self.emit_jump_noline(Op::Jump, exit);
        self.bind(end);
        self.unset_line();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlock::FinallyEnd, stmt.span)?;
        self.body(finalbody)?;
        self.frame().fblocks.pop();
        self.emit(Opcode::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> Result<(), RawError> {
        let end = self.new_label();
        self.jump_if(test, end, true)?;
        self.emit(Opcode::LoadAssertionError, 0);
        if let Some(msg) = msg {
            self.expr(msg)?;
            self.emit(Opcode::Call, 0);
        }
        self.emit(Opcode::RaiseVarargs, 1);
        self.bind(end);
        Ok(())
    }

    /// `import a.b.c` binds `a`; `import a.b.c as d` binds `d` to the submodule, reached
    /// with `IMPORT_FROM` for each component after the first.
    fn import(&mut self, alias: &'a Alias) -> Result<(), RawError> {
        self.load_const(Constant::Int(0));
        self.load_const(Constant::None);
        let dotted = &alias.name.name;
        let index = self.add_mangled_name(dotted);
        self.emit(Opcode::ImportName, index);
        let Some(asname) = &alias.asname else {
            let first = dotted.split('.').next().unwrap_or_default();
            return self.name_op(first, Access::Store, alias.name.span);
        };
        let components: Vec<&str> = dotted.split('.').skip(1).collect();
        for (i, component) in components.iter().enumerate() {
            let index = self.unit().add_name(component);
            self.emit(Opcode::ImportFrom, index);
            if i + 1 < components.len() {
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::PopTop, 0);
            }
        }
        self.name_op(&asname.name, Access::Store, asname.span)?;
        if !components.is_empty() {
            self.emit(Opcode::PopTop, 0);
        }
        Ok(())
    }

    /// `from .module import a as b, c`: the leading dots are the import's level;
    /// `from module import *` binds every public name with `IMPORT_STAR`.
    fn import_from(&mut self, module: &'a str, names: &'a [Alias]) -> Result<(), RawError> {
        let name = module.trim_start_matches('.');
        let level = (module.len() - name.len()) as i64;
        self.load_const(Constant::Int(level));
        let fromlist: Vec<Constant> = names
            .iter()
            .map(|a| Constant::Str(a.name.name.as_str().into()))
            .collect();
        self.load_const(Constant::Tuple(fromlist.into()));
        let index = self.add_mangled_name(name);
        self.emit(Opcode::ImportName, index);
        for alias in names {
            if alias.name.name == "*" {
                self.emit(Opcode::ImportStar, 0);
                return Ok(());
            }
            let index = self.add_mangled_name(&alias.name.name);
            self.emit(Opcode::ImportFrom, index);
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(&bound.name, Access::Store, bound.span)?;
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }
}

/// How CPython names an expression that cannot be assigned to or deleted.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Ellipsis => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::NamedExpr { .. } => "named expression",
        _ => "expression",
    }
}
