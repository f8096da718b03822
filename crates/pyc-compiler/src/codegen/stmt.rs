//! Statements: assignment, control flow, `try`, and unwinding for `break`, `continue`
//! and `return` through the enclosing statement contexts.

use pyc_bytecode::{Constant, Opcode};
use pyc_parser::ast::{ExceptHandler, Expr, ExprKind, Stmt, StmtKind};

use super::unit::Label;
use super::{Access, Compiler, FBlock};
use crate::error::RawError;
use crate::symtable::ScopeKind;

impl<'a> Compiler<'a> {
    /// Compiles one statement.
    pub(super) fn stmt(&mut self, stmt: &'a Stmt) -> Result<(), RawError> {
        self.set_line(stmt.span);
        crate::depth::deep(|| self.stmt_kind(stmt))?;
        Ok(())
    }

    fn body(&mut self, body: &'a [Stmt]) -> Result<(), RawError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt_kind(&mut self, stmt: &'a Stmt) -> Result<(), RawError> {
        match &stmt.kind {
            // A constant statement (a string not in docstring position, say) is dropped;
            // its `NOP` keeps the line, as `pass`'s does.
            StmtKind::Expr(e) if super::expr::literal(e).is_some() => self.emit(Opcode::Nop, 0),
            StmtKind::Pass => self.emit(Opcode::Nop, 0),
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Opcode::PopTop, 0);
            }
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
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let otherwise = if orelse.is_empty() {
                    end
                } else {
                    self.new_label()
                };
                self.jump_if(test, otherwise, false)?;
                self.body(body)?;
                if !orelse.is_empty() {
                    self.emit_jump(Opcode::JumpForward, end);
                    self.bind(otherwise);
                    self.body(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                // As CPython 3.11: the test runs once on entry and again at the bottom,
                // jumping back into the body while it holds.
                let start = self.new_label();
                let body_start = self.new_label();
                let otherwise = self.new_label();
                let exit = self.new_label();
                self.bind(start);
                self.jump_if(test, otherwise, false)?;
                self.bind(body_start);
                self.frame().fblocks.push(FBlock::While { start, exit });
                self.body(body)?;
                self.frame().fblocks.pop();
                self.set_line(stmt.span);
                self.jump_if(test, body_start, true)?;
                self.bind(otherwise);
                self.body(orelse)?;
                self.bind(exit);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let start = self.new_label();
                let cleanup = self.new_label();
                let exit = self.new_label();
                self.expr(iter)?;
                self.emit(Opcode::GetIter, 0);
                self.bind(start);
                self.emit_jump(Opcode::ForIter, cleanup);
                self.unit().depth += 1;
                self.store(target)?;
                self.frame().fblocks.push(FBlock::For { start, exit });
                self.body(body)?;
                self.frame().fblocks.pop();
                // The back edge keeps the line of the body's last statement, as in CPython.
                self.emit_jump(Opcode::JumpBackward, start);
                self.unit().depth -= 1;
                self.bind(cleanup);
                self.body(orelse)?;
                self.bind(exit);
            }
            StmtKind::Break => self.break_stmt(stmt)?,
            StmtKind::Continue => self.continue_stmt(stmt)?,
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
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
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
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, end, true)?;
                self.emit(Opcode::LoadAssertionError, 0);
                if let Some(msg) = msg {
                    self.expr(msg)?;
                    self.emit(Opcode::Call, 0);
                }
                self.emit(Opcode::RaiseVarargs, 1);
                self.bind(end);
            }
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    let index = self.add_mangled_name(&alias.name.name);
                    self.emit(Opcode::ImportName, index);
                    let bound = match &alias.asname {
                        Some(asname) => asname.name.as_str(),
                        None => alias.name.name.split('.').next().unwrap_or_default(),
                    };
                    self.name_op(bound, Access::Store, alias.name.span)?;
                }
            }
            StmtKind::ImportFrom { module, names } => {
                self.load_const(Constant::Int(0));
                let fromlist: Vec<Constant> = names
                    .iter()
                    .map(|a| Constant::Str(a.name.name.as_str().into()))
                    .collect();
                self.load_const(Constant::Tuple(fromlist.into()));
                let index = self.add_mangled_name(module);
                self.emit(Opcode::ImportName, index);
                for alias in names {
                    let index = self.add_mangled_name(&alias.name.name);
                    self.emit(Opcode::ImportFrom, index);
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.name_op(&bound.name, Access::Store, bound.span)?;
                }
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }

    /// Stores the value on top of the stack into an assignment target.
    pub(super) fn store(&mut self, target: &'a Expr) -> Result<(), RawError> {
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
        match &target.kind {
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
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
        Ok(())
    }

    fn unpack(&mut self, target: &'a Expr, items: &'a [Expr]) -> Result<(), RawError> {
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
        Ok(())
    }

    fn delete(&mut self, target: &'a Expr) -> Result<(), RawError> {
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

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: pyc_parser::ast::BinOp,
        value: &'a Expr,
    ) -> Result<(), RawError> {
        let inplace = super::expr::binop_arg(op) + pyc_bytecode::opcode::INPLACE_OFFSET;
        match &target.kind {
            ExprKind::Name(name) => {
                self.name_op(name, Access::Load, target.span)?;
                self.expr(value)?;
                self.emit(Opcode::BinaryOp, inplace);
                self.name_op(name, Access::Store, target.span)
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Opcode::Copy, 1);
                let index = self.add_mangled_name(&attr.name);
                self.emit(Opcode::LoadAttr, index);
                self.expr(value)?;
                self.emit(Opcode::BinaryOp, inplace);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreAttr, index);
                Ok(())
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
                self.expr(value)?;
                self.emit(Opcode::BinaryOp, inplace);
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
                Ok(())
            }
            _ => Err(RawError::syntax(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(target)
                ),
                target.span,
            )),
        }
    }

    fn return_stmt(&mut self, stmt: &'a Stmt, value: Option<&'a Expr>) -> Result<(), RawError> {
        if self.scope_kind() != ScopeKind::Function {
            return Err(RawError::syntax("'return' outside function", stmt.span));
        }
        // A constant return value is loaded after unwinding, so nothing has to be kept
        // on the stack while `finally` bodies run (as CPython does).
        let constant = match value {
            None => Some(Constant::None),
            Some(v) => super::expr::literal(v),
        };
        if let (Some(v), None) = (value, &constant) {
            self.expr(v)?;
        }
        let saved = self.save_blocks();
        self.unwind_all(constant.is_none())?;
        self.set_line(stmt.span);
        if let Some(constant) = constant {
            self.load_const(constant);
        }
        self.emit(Opcode::ReturnValue, 0);
        self.restore_blocks(saved);
        Ok(())
    }

    fn break_stmt(&mut self, stmt: &'a Stmt) -> Result<(), RawError> {
        let saved = self.save_blocks();
        let Some(FBlock::While { exit, .. } | FBlock::For { exit, .. }) = self.unwind_to_loop()?
        else {
            return Err(RawError::syntax("'break' outside loop", stmt.span));
        };
        if let Some(FBlock::For { .. }) = self.frame().fblocks.last() {
            self.emit(Opcode::PopTop, 0);
        }
        self.emit_jump(Opcode::JumpForward, exit);
        self.restore_blocks(saved);
        Ok(())
    }

    fn continue_stmt(&mut self, stmt: &'a Stmt) -> Result<(), RawError> {
        let saved = self.save_blocks();
        let Some(FBlock::While { start, .. } | FBlock::For { start, .. }) =
            self.unwind_to_loop()?
        else {
            return Err(RawError::syntax(
                "'continue' not properly in loop",
                stmt.span,
            ));
        };
        self.emit_jump(Opcode::JumpBackward, start);
        self.restore_blocks(saved);
        Ok(())
    }

    /// The statement contexts and handlers, to restore after an unwinding jump.
    fn save_blocks(&mut self) -> (Vec<FBlock<'a>>, Vec<super::unit::Handler>, u32) {
        let frame = self.frame();
        (
            frame.fblocks.clone(),
            frame.unit.handlers.clone(),
            frame.unit.depth,
        )
    }

    fn restore_blocks(&mut self, saved: (Vec<FBlock<'a>>, Vec<super::unit::Handler>, u32)) {
        let frame = self.frame();
        frame.fblocks = saved.0;
        frame.unit.handlers = saved.1;
        frame.unit.depth = saved.2;
    }

    /// Unwinds the contexts inside the innermost loop and returns that loop (left on the
    /// context stack), or `None` if there is no loop in this scope.
    fn unwind_to_loop(&mut self) -> Result<Option<FBlock<'a>>, RawError> {
        while let Some(block) = self.frame().fblocks.last().cloned() {
            if matches!(block, FBlock::While { .. } | FBlock::For { .. }) {
                return Ok(Some(block));
            }
            self.frame().fblocks.pop();
            self.unwind_block(&block, false)?;
        }
        Ok(None)
    }

    fn unwind_all(&mut self, preserve_tos: bool) -> Result<(), RawError> {
        while let Some(block) = self.frame().fblocks.pop() {
            self.unwind_block(&block, preserve_tos)?;
        }
        Ok(())
    }

    /// Emits what leaving `block` early requires; `preserve_tos` keeps a return value on top.
    fn unwind_block(&mut self, block: &FBlock<'a>, preserve_tos: bool) -> Result<(), RawError> {
        match block {
            FBlock::While { .. } | FBlock::ExceptHandler => {}
            FBlock::For { .. } => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                self.unit().depth -= 1;
            }
            FBlock::TryExcept => self.unit().pop_handler(),
            FBlock::FinallyTry { body } => {
                self.unit().pop_handler();
                if preserve_tos {
                    self.frame().fblocks.push(FBlock::PopValue);
                    self.unit().depth += 1;
                }
                self.body(body)?;
                if preserve_tos {
                    self.frame().fblocks.pop();
                    self.unit().depth -= 1;
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.unit().pop_handler();
                self.emit(Opcode::PopExcept, 0);
                self.unit().depth -= 2;
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.unit().pop_handler();
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.unit().pop_handler();
                self.emit(Opcode::PopExcept, 0);
                self.unit().depth -= 1;
                if let Some(name) = name {
                    self.clear_name(name)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                self.unit().depth -= 1;
            }
        }
        Ok(())
    }

    /// `name = None; del name`: how an `except ... as name` binding ends.
    fn clear_name(&mut self, name: &str) -> Result<(), RawError> {
        self.load_const(Constant::None);
        self.name_op(name, Access::Store, Default::default())?;
        self.name_op(name, Access::Delete, Default::default())
    }

    /// Starts an exception handler at `label` for a `try` at stack `depth`: the handler's
    /// own errors go to `cleanup` (which restores the previous exception), and
    /// `PUSH_EXC_INFO` saves that previous exception under the one being handled.
    fn enter_handler(&mut self, label: Label, cleanup: Label, depth: u32) {
        self.bind(label);
        self.unit().push_handler(cleanup, depth + 1, true);
        self.emit(Opcode::PushExcInfo, 0);
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1`: restores the previous exception and re-raises.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::Copy, 3);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 1);
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<(), RawError> {
        let except = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let depth = self.unit().depth;
        // The `try` line gets an instruction of its own, as in CPython.
        self.emit(Opcode::Nop, 0);
        self.unit().push_handler(except, depth, false);
        self.frame().fblocks.push(FBlock::TryExcept);
        self.body(body)?;
        self.frame().fblocks.pop();
        self.unit().pop_handler();
        self.body(orelse)?;
        self.emit_jump(Opcode::JumpForward, end);

        self.enter_handler(except, cleanup, depth);
        self.unit().depth = depth + 1;
        self.frame().fblocks.push(FBlock::ExceptHandler);
        for handler in handlers {
            self.set_line(handler.span);
            let next = self.new_label();
            if let Some(typ) = &handler.typ {
                self.expr(typ)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.emit_jump(Opcode::PopJumpForwardIfFalse, next);
            } else if !std::ptr::eq(handler, handlers.last().expect("non-empty")) {
                return Err(RawError::syntax(
                    "default 'except:' must be last",
                    handler.span,
                ));
            }
            let saved = self.save_blocks();
            match &handler.name {
                Some(name) => {
                    self.name_op(&name.name, Access::Store, name.span)?;
                    let cleanup_end = self.new_label();
                    self.unit().push_handler(cleanup_end, depth + 1, true);
                    self.frame().fblocks.push(FBlock::HandlerCleanup {
                        name: Some(&name.name),
                    });
                    self.body(&handler.body)?;
                    self.frame().fblocks.pop();
                    self.unit().pop_handler();
                    self.unit().pop_handler();
                    self.emit(Opcode::PopExcept, 0);
                    self.clear_name(&name.name)?;
                    self.emit_jump(Opcode::JumpForward, end);
                    self.restore_blocks(saved);
                    self.bind(cleanup_end);
                    self.clear_name(&name.name)?;
                    self.emit(Opcode::Reraise, 1);
                }
                None => {
                    self.emit(Opcode::PopTop, 0);
                    self.frame()
                        .fblocks
                        .push(FBlock::HandlerCleanup { name: None });
                    self.body(&handler.body)?;
                    self.frame().fblocks.pop();
                    self.unit().pop_handler();
                    self.emit(Opcode::PopExcept, 0);
                    self.emit_jump(Opcode::JumpForward, end);
                    self.restore_blocks(saved);
                }
            }
            self.bind(next);
        }
        // No handler matched: re-raise, on the line of the last `except`.
        if let Some(last) = handlers.last() {
            self.set_line(last.span);
        }
        self.frame().fblocks.pop();
        self.emit(Opcode::Reraise, 0);
        self.unit().pop_handler();
        self.unit().depth = depth;
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<(), RawError> {
        let on_error = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        let depth = self.unit().depth;
        if handlers.is_empty() {
            self.emit(Opcode::Nop, 0);
        }
        self.unit().push_handler(on_error, depth, false);
        self.frame()
            .fblocks
            .push(FBlock::FinallyTry { body: finalbody });
        if handlers.is_empty() {
            self.body(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.frame().fblocks.pop();
        self.unit().pop_handler();
        self.body(finalbody)?;
        self.emit_jump(Opcode::JumpForward, exit);

        self.enter_handler(on_error, cleanup, depth);
        self.unit().depth = depth + 2;
        self.frame().fblocks.push(FBlock::FinallyEnd);
        self.body(finalbody)?;
        self.frame().fblocks.pop();
        self.emit(Opcode::Reraise, 0);
        self.unit().pop_handler();
        self.unit().depth = depth;
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
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
