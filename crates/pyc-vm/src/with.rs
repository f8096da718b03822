//! The context manager protocol of the `with` statement: `BEFORE_WITH` and
//! `WITH_EXCEPT_START`, as CPython 3.11 runs them. Both call their method through
//! [`Vm::invoke`], so a Python `__enter__` or `__exit__` runs as a frame of the same
//! dispatch loop.

use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `BEFORE_WITH`: `manager` -> `exit result`. `__enter__` and then `__exit__` are
    /// looked up on the manager's type and bound to it; `__enter__` is called.
    /// `Ok(true)` when its Python frame was pushed. `BEFORE_ASYNC_WITH` (`is_async`) is
    /// the same with `__aenter__` and `__aexit__`.
    pub(crate) fn before_with(&mut self, is_async: bool) -> PyResult<bool> {
        let manager = self.top();
        let (enter, exit, protocol) = if is_async {
            ("__aenter__", "__aexit__", "asynchronous context manager")
        } else {
            ("__enter__", "__exit__", "context manager")
        };
        let enter = self.special_of(manager, enter, protocol, "")?;
        let missing = format!(" (missed {exit} method)");
        let exit = self.special_of(manager, exit, protocol, &missing)?;
        let at = self.sp - 1;
        self.stack[at] = exit;
        self.push(enter);
        self.invoke(at + 1, at + 1, 0, None)
    }

    /// `WITH_EXCEPT_START`: `exit lasti prev_exc exc` -> `... exc result`, calling
    /// `exit(type(exc), exc, exc.__traceback__)`. `Ok(true)` when a Python frame was
    /// pushed.
    pub(crate) fn with_except_start(&mut self) -> PyResult<bool> {
        let exc = self.top();
        let exit = self.stack[self.sp - 4];
        let typ = Value::Obj(self.type_of(exc));
        let tb = match exc.as_obj() {
            Some(r) => self.traceback_of(r),
            None => Value::None,
        };
        let at = self.sp;
        self.extend_stack([exit, typ, exc, tb]);
        self.invoke(at, at, 3, None)
    }

    /// The special method `name` of `manager`, found on its type and bound to it
    /// (`_PyObject_LookupSpecial`); a missing one is CPython's `TypeError` naming the
    /// `protocol`, `missing` appended to its message.
    fn special_of(
        &mut self,
        manager: Value,
        name: &str,
        protocol: &str,
        missing: &str,
    ) -> PyResult<Value> {
        let typ = self.type_of(manager);
        match self.lookup_in_type(typ, name) {
            Some(method) => self.bind_attr(method, Some(manager), typ, name),
            None => {
                let msg = format!(
                    "'{}' object does not support the {protocol} protocol{missing}",
                    self.type_name(manager)
                );
                Err(self.type_error(msg))
            }
        }
    }
}
