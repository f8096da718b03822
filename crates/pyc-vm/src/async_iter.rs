//! The asynchronous iteration protocol of `async for`: `GET_AITER` and `GET_ANEXT`, with
//! CPython 3.11's errors (`END_ASYNC_FOR` is in the dispatch loop).

use crate::objects::Object;
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `GET_AITER`: `v.__aiter__()`, which must have an `__anext__`.
    pub(crate) fn get_aiter(&mut self, v: Value) -> PyResult<Value> {
        let found = if self.is_user_value(v) {
            self.call_special(v, "__aiter__", &[])?
        } else {
            None
        };
        let Some(it) = found else {
            let msg = format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(v)
            );
            return Err(self.type_error(msg));
        };
        if !self.has_special(it, "__anext__") {
            let msg = format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(it)
            );
            return Err(self.type_error(msg));
        }
        Ok(it)
    }

    /// `GET_ANEXT`: the awaitable of `it.__anext__()`.
    pub(crate) fn get_anext(&mut self, it: Value) -> PyResult<Value> {
        let found = if self.is_user_value(it) {
            self.call_special(it, "__anext__", &[])?
        } else {
            None
        };
        let Some(next) = found else {
            let msg = format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(it)
            );
            return Err(self.type_error(msg));
        };
        self.awaitable_iter(next).map_err(|cause| {
            let msg = format!(
                "'async for' received an invalid object from __anext__: {}",
                self.type_name(next)
            );
            let e = self.type_error(msg);
            // `_PyErr_FormatFromCause`: the cause is shown, the context suppressed.
            if let Object::Exception(x) = self.heap.get_mut(e) {
                x.cause = Value::Obj(cause);
                x.context = Value::Obj(cause);
                x.suppress_context = true;
            }
            e
        })
    }

    /// Whether `v`'s class defines the special method `name`.
    pub(crate) fn has_special(&self, v: Value, name: &str) -> bool {
        self.is_user_value(v) && self.lookup_in_type(self.type_of(v), name).is_some()
    }
}
