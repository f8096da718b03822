//! The value stack: one `Vec` of slots shared by every frame, and `sp`, its logical top.
//!
//! The vector's length is its physical size (every slot initialised, slots at and above
//! `sp` hold stale values that nothing reads); `sp` says how much of it is in use. Keeping
//! the top as a plain index lets the dispatch loop hold it in a register for the hottest
//! instructions and write it back only around the others (see `interp.rs`). Everything
//! else goes through the methods here.

use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Pushes `v` on top of the stack.
    #[inline]
    pub(crate) fn push(&mut self, v: Value) {
        self.reserve_stack(self.sp + 1);
        self.stack[self.sp] = v;
        self.sp += 1;
    }

    /// Pops the top of the stack (`None` on an empty stack, which correct code never sees).
    #[inline]
    pub(crate) fn pop(&mut self) -> Value {
        if self.sp == 0 {
            return Value::None;
        }
        self.sp -= 1;
        self.stack[self.sp]
    }

    /// The top of the stack.
    #[inline]
    pub(crate) fn top(&self) -> Value {
        match self.sp {
            0 => Value::None,
            sp => self.stack[sp - 1],
        }
    }

    /// Makes sure slots up to `top` exist, growing the vector if needed.
    #[inline]
    pub(crate) fn reserve_stack(&mut self, top: usize) {
        if top > self.stack.len() {
            self.grow_stack(top);
        }
    }

    #[cold]
    fn grow_stack(&mut self, top: usize) {
        let size = top.max(self.stack.len() * 2);
        self.stack.resize(size, Value::Null);
    }

    /// Cuts the stack back to `len` values (no effect if it is shorter).
    #[inline]
    pub(crate) fn truncate_stack(&mut self, len: usize) {
        self.sp = self.sp.min(len);
    }

    /// Sets the stack to exactly `len` values, new slots `Null` (a new frame's locals).
    #[inline]
    pub(crate) fn resize_stack(&mut self, len: usize) {
        if len > self.sp {
            self.reserve_stack(len);
            self.stack[self.sp..len].fill(Value::Null);
        }
        self.sp = len;
    }

    /// Pushes every value of `items`, in order.
    pub(crate) fn extend_stack(&mut self, items: impl IntoIterator<Item = Value>) {
        for v in items {
            self.push(v);
        }
    }

    /// Removes and returns the values from `at` to the top.
    pub(crate) fn split_stack(&mut self, at: usize) -> Vec<Value> {
        let out = self.stack[at..self.sp].to_vec();
        self.sp = at;
        out
    }

    /// Inserts `v` at `pos`, moving the values above it up by one.
    pub(crate) fn insert_stack(&mut self, pos: usize, v: Value) {
        self.reserve_stack(self.sp + 1);
        self.stack.copy_within(pos..self.sp, pos + 1);
        self.stack[pos] = v;
        self.sp += 1;
    }
}
