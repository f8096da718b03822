//! The `with` statement, as CPython 3.11's `compiler_with`: each item is a `BEFORE_WITH`
//! protected by a `SETUP_WITH` handler, the next item (or the body) nested inside it.
//! Leaving the body normally calls `__exit__(None, None, None)`; an exception calls
//! `__exit__` with it (`WITH_EXCEPT_START`) and is re-raised unless that returns true.
//! `async with` (`compiler_async_with`) is the same with `BEFORE_ASYNC_WITH` and each
//! result of `__aenter__` and `__aexit__` awaited.

use pyc_bytecode::{Constant, Opcode};
use pyc_parser::ast::{Stmt, WithItem};

use super::cfg::Op;
use super::{Compiler, FBlock};
use crate::error::RawError;

impl<'a> Compiler<'a> {
    /// `[async] with items[0], items[1:]: body`, the first item entered here.
    pub(super) fn with_stmt(
        &mut self,
        stmt: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> Result<(), RawError> {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        let block = self.new_label();
        let fin = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        if is_async {
            self.emit(Opcode::BeforeAsyncWith, 0);
            self.await_top(1);
        } else {
            self.emit(Opcode::BeforeWith, 0);
        }
        self.emit_jump(Op::SetupWith, fin);
        self.bind(block);
        let fblock = FBlock::With {
            span: stmt.span,
            is_async,
        };
        self.push_fblock(fblock, stmt.span)?;
        match &item.optional_vars {
            Some(target) => self.store(target)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        if rest.is_empty() {
            self.body(body)?;
        } else {
            self.with_stmt(stmt, rest, body, is_async)?;
        }
        self.unset_line();
        self.unit().emit_pop_block();
        self.frame().fblocks.pop();
        self.set_loc(stmt.span);
        self.call_exit_with_nones();
        if is_async {
            self.await_top(2);
        }
        self.emit(Opcode::PopTop, 0);
        self.emit_jump(Op::Jump, exit);
        self.bind(fin);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        if is_async {
            self.await_top(2);
        }
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    /// `__exit__(None, None, None)`: the bound `__exit__` below the three `None`s is
    /// called as a method whose first argument is the first `None`.
    pub(super) fn call_exit_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::Call, 2);
    }

    /// After `WITH_EXCEPT_START`: a true result swallows the exception, anything else
    /// re-raises it; `cleanup` restores the previous exception if `__exit__` raised.
    fn with_except_finish(&mut self, cleanup: super::Label) {
        self.unset_line();
        let suppress = self.new_label();
        self.emit_jump(Op::PopJumpIfTrue, suppress);
        self.emit(Opcode::Reraise, 2);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(suppress);
        self.emit(Opcode::PopTop, 0);
        self.unit().emit_pop_block();
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopTop, 0);
    }
}
