//! Special methods of user classes: one place that looks a dunder up on the type of a
//! value and calls it, and the protocols built on it (repr/str, truth, rich comparison,
//! binary and unary operators, `len`, items, `in`, `hash`, iteration).
//!
//! Builtin values never reach these paths: each entry point first checks
//! [`Vm::is_user_value`], so the builtin fast paths are unchanged.

use std::collections::{HashMap, HashSet};

use pyc_bytecode::opcode::COMPARE_OPS;

use crate::exceptions::ExcKind;
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Dunder names of `BINARY_OP` operators, in `BINARY_OPS` order: `(name, reflected, in-place)`.
const BINARY_DUNDERS: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

/// Dunder names of `COMPARE_OP` operators, in `COMPARE_OPS` order: `(name, reflected)`.
const COMPARE_DUNDERS: [(&str, &str); 6] = [
    ("__lt__", "__gt__"),
    ("__le__", "__ge__"),
    ("__eq__", "__eq__"),
    ("__ne__", "__ne__"),
    ("__gt__", "__lt__"),
    ("__ge__", "__le__"),
];

impl Vm {
    /// Whether `v` is an instance of a user class, or a class of a user metaclass (so
    /// its class may define special methods).
    #[inline]
    pub(crate) fn is_user_value(&self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Instance(_) => true,
                Object::Exception(e) => self.is_user_type(e.class),
                // A class whose metaclass is a user class.
                Object::Type(t) => t.meta.is_some(),
                _ => false,
            },
            _ => false,
        }
    }

    /// Calls the special method `name` of a user-class instance `v` with `args`;
    /// `Ok(None)` when `v` is not such an instance or its class lacks the method.
    pub(crate) fn call_special(
        &mut self,
        v: Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        if !self.is_user_value(v) {
            return Ok(None);
        }
        let Some(m) = self.lookup_in_type(self.type_of(v), name) else {
            return Ok(None);
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(v);
        all.extend_from_slice(args);
        self.call_value(m, &all).map(Some)
    }

    /// [`Vm::call_special`], treating a `NotImplemented` result as no method.
    fn call_special_ni(&mut self, v: Value, name: &str, arg: Value) -> PyResult<Option<Value>> {
        let r = self.call_special(v, name, &[arg])?;
        Ok(r.filter(|r| r.as_obj() != Some(self.types.not_implemented_obj)))
    }

    /// The text of a `__repr__`/`__str__` result, which must be a str.
    fn special_text(&mut self, r: Value, name: &str) -> PyResult<String> {
        match self.as_str(r) {
            Some(s) => Ok(s.to_string()),
            None => {
                let msg = format!("{name} returned non-string (type {})", self.type_name(r));
                Err(self.type_error(msg))
            }
        }
    }

    /// `repr(v)`, honouring the `__repr__` of user objects (inside containers too).
    pub fn repr_of(&mut self, v: Value) -> PyResult<String> {
        if let Some(r) = self.call_special(v, "__repr__", &[])? {
            return self.special_text(r, "__repr__");
        }
        self.builtin_repr_of(v)
    }

    /// `repr(v)` by the builtin rules for `v` itself, with the user objects inside it
    /// shown by their `__repr__` (what `BaseException.__repr__` gives, say).
    pub(crate) fn builtin_repr_of(&mut self, v: Value) -> PyResult<String> {
        let mut user = self.user_objects_in(v);
        user.retain(|&u| v.as_obj() != Some(u));
        let mut texts = HashMap::with_capacity(user.len());
        for u in user {
            let text = self.repr_of(Value::Obj(u))?;
            texts.insert(u, text);
        }
        self.repr_with(v, texts).map_err(|f| self.repr_failure(f))
    }

    /// The user objects inside the containers reachable from `v` (what `repr(v)` would
    /// print with their `__repr__`).
    fn user_objects_in(&self, v: Value) -> Vec<ObjRef> {
        let mut found = Vec::new();
        let mut seen = HashSet::new();
        let mut work = vec![v];
        while let Some(v) = work.pop() {
            let Value::Obj(r) = v else { continue };
            if !seen.insert(r) {
                continue;
            }
            match self.heap.get(r) {
                Object::Tuple(items) => work.extend_from_slice(items),
                Object::List(items) => work.extend_from_slice(items),
                Object::Dict(d) | Object::Set(d) => work.extend(d.iter().flat_map(|(k, v)| [k, v])),
                &Object::DictView(_, d) => work.push(Value::Obj(d)),
                Object::Instance(_) => found.push(r),
                Object::Type(t) if t.meta.is_some() => found.push(r),
                Object::Exception(e) => {
                    if self.is_user_type(e.class) {
                        found.push(r);
                    }
                    work.push(Value::Obj(e.args));
                }
                _ => {}
            }
        }
        found
    }

    /// `str(v)`, honouring a user `__str__` (then `__repr__`).
    pub fn str_of(&mut self, v: Value) -> PyResult<String> {
        if !self.is_user_value(v) {
            return match v.as_obj().map(|r| self.heap.get(r)) {
                Some(Object::Str(_) | Object::Exception(_)) | None => Ok(self.to_str(v)),
                Some(_) => self.repr_of(v),
            };
        }
        let t = self.type_of(v);
        let own_str = self.lookup_in_type(t, "__str__").is_some();
        let is_exc = matches!(
            v.as_obj().map(|r| self.heap.get(r)),
            Some(Object::Exception(_))
        );
        if !own_str && is_exc {
            return Ok(self.to_str(v));
        }
        match self.call_special(v, "__str__", &[])? {
            Some(r) => self.special_text(r, "__str__"),
            None => self.repr_of(v),
        }
    }

    /// Python truth, honouring `__bool__` and `__len__` of user classes.
    #[inline]
    pub fn truth(&mut self, v: Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(b),
            Value::Obj(r) if matches!(self.heap.get(r), Object::Instance(_)) => {
                self.instance_truth(v)
            }
            _ => Ok(self.is_true(v)),
        }
    }

    fn instance_truth(&mut self, v: Value) -> PyResult<bool> {
        if let Some(r) = self.call_special(v, "__bool__", &[])? {
            return match r {
                Value::Bool(b) => Ok(b),
                _ => {
                    let msg = format!(
                        "__bool__ should return bool, returned {}",
                        self.type_name(r)
                    );
                    Err(self.type_error(msg))
                }
            };
        }
        match self.user_len(v)? {
            Some(n) => Ok(n > 0),
            None => Ok(true),
        }
    }

    /// `len(v)` through a user `__len__`; `Ok(None)` without one.
    pub(crate) fn user_len(&mut self, v: Value) -> PyResult<Option<usize>> {
        let Some(r) = self.call_special(v, "__len__", &[])? else {
            return Ok(None);
        };
        if !self.is_int(r) {
            let msg = format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(r)
            );
            return Err(self.type_error(msg));
        }
        let n = self.int_to_i64(r)?;
        if n < 0 {
            return Err(self.value_error("__len__() should return >= 0"));
        }
        Ok(Some(n as usize))
    }

    /// `a <op> b` when either side is a user instance: the method, then the reflected one;
    /// `==`/`!=` fall back to identity. `Ok(None)` means no method applied.
    pub(crate) fn user_compare(&mut self, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
        if !self.is_user_value(a) && !self.is_user_value(b) {
            return Ok(None);
        }
        let (name, reflected) = COMPARE_DUNDERS[op as usize];
        if let Some(r) = self.call_special_ni(a, name, b)? {
            return Ok(Some(r));
        }
        if let Some(r) = self.call_special_ni(b, reflected, a)? {
            return Ok(Some(r));
        }
        match COMPARE_OPS[op as usize] {
            "==" => Ok(Some(Value::Bool(a.is_same(b)))),
            "!=" => match self.user_compare(2, a, b)? {
                Some(r) => Ok(Some(Value::Bool(!self.truth(r)?))),
                None => Ok(Some(Value::Bool(!a.is_same(b)))),
            },
            _ => Ok(None),
        }
    }

    /// `a <op> b` (`BINARY_OP` numbering) when either side is a user instance.
    pub(crate) fn user_binop(
        &mut self,
        op: u32,
        inplace: bool,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        if !self.is_user_value(a) && !self.is_user_value(b) {
            return Ok(None);
        }
        let (name, reflected, iname) = BINARY_DUNDERS[op as usize];
        if inplace {
            if let Some(r) = self.call_special_ni(a, iname, b)? {
                return Ok(Some(r));
            }
        }
        if let Some(r) = self.call_special_ni(a, name, b)? {
            return Ok(Some(r));
        }
        self.call_special_ni(b, reflected, a)
    }

    /// `-v`, `+v`, `~v` for a user instance.
    pub(crate) fn user_unary(&mut self, kind: char, v: Value) -> PyResult<Option<Value>> {
        let name = match kind {
            '-' => "__neg__",
            '+' => "__pos__",
            _ => "__invert__",
        };
        self.call_special(v, name, &[])
    }

    /// `hash(v)` through a user `__hash__` (`None` when the class has no own hash).
    /// A class defining `__eq__` without `__hash__` is unhashable, as in CPython.
    pub(crate) fn user_hash(&mut self, v: Value) -> PyResult<Option<i64>> {
        if !self.is_user_value(v) {
            return Ok(None);
        }
        let t = self.type_of(v);
        let has_eq = self.lookup_in_type(t, "__eq__").is_some();
        match self.call_special(v, "__hash__", &[])? {
            Some(h) if self.is_int(h) => self.int_to_i64(h).map(Some),
            Some(_) => Err(self.type_error("__hash__ method should return an integer")),
            None if has_eq => {
                let msg = format!("unhashable type: '{}'", self.type_qualname(t));
                Err(self.type_error(msg))
            }
            None => Ok(None),
        }
    }

    /// `iter(v)` for a user instance with `__iter__`.
    pub(crate) fn user_iter(&mut self, v: Value) -> PyResult<Option<Value>> {
        let Some(it) = self.call_special(v, "__iter__", &[])? else {
            return Ok(None);
        };
        let is_iter = match it.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Iter(_) | Object::Generator(_) | Object::CoroWrapper(_)) => true,
            _ => {
                self.is_user_value(it)
                    && self.lookup_in_type(self.type_of(it), "__next__").is_some()
            }
        };
        if !is_iter {
            let msg = format!(
                "iter() returned non-iterator of type '{}'",
                self.type_name(it)
            );
            return Err(self.type_error(msg));
        }
        Ok(Some(it))
    }

    /// `next(it)` for a user iterator: `Ok(None)` when its `__next__` raises
    /// `StopIteration`.
    pub(crate) fn user_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        match self.call_special(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => {
                let msg = format!("'{}' object is not an iterator", self.type_name(it));
                Err(self.type_error(msg))
            }
            Err(e) => {
                let stop = self.exc_class(ExcKind::StopIteration);
                if self.exc_matches(e, stop) {
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// The value a `StopIteration` carries (`None` without args).
    pub(crate) fn stop_iteration_value(&self, e: ObjRef) -> Value {
        match self.heap.get(e) {
            Object::Exception(x) if !x.payload.is_null() => x.payload,
            Object::Exception(x) => match self.heap.get(x.args) {
                Object::Tuple(items) => items.first().copied().unwrap_or(Value::None),
                _ => Value::None,
            },
            _ => Value::None,
        }
    }
}
