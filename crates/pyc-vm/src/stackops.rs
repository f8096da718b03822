//! Opcodes that build, extend and unpack containers (`BUILD_*`, `*_APPEND`, `*_UPDATE`,
//! `UNPACK_*`), and the set operators.

use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// Appends to a list value.
    pub(crate) fn list_append(&mut self, list: Value, v: Value) {
        if let Value::Obj(r) = list {
            if let Object::List(items) = self.heap.get_mut(r) {
                items.push(v);
            }
        }
    }

    /// `list.extend(iterable)`.
    pub(crate) fn list_extend(&mut self, list: ObjRef, it: Value) -> PyResult<()> {
        let items = self.collect_iterable(it)?;
        if let Object::List(l) = self.heap.get_mut(list) {
            l.extend(items);
        }
        Ok(())
    }

    /// `LIST_EXTEND`: [`Vm::list_extend`] with CPython's message for a `*` operand
    /// that is not iterable.
    pub(crate) fn list_extend_star(&mut self, list: ObjRef, it: Value) -> PyResult<()> {
        self.list_extend(list, it)
            .map_err(|e| self.not_iterable_after_star(e, it, None))
    }

    /// What a failure `e` to iterate a `*` operand `v` raises: CPython's `Value after *
    /// must be an iterable` (or, for the one `*` argument of `call`, `f() argument after *
    /// must be an iterable`) when `v` does not even claim to be iterable, else `e` itself.
    pub(crate) fn not_iterable_after_star(
        &mut self,
        e: ObjRef,
        v: Value,
        call: Option<Value>,
    ) -> ObjRef {
        let type_error = self.exc_class(crate::exceptions::ExcKind::TypeError);
        if !self.exc_matches(e, type_error) || self.claims_iterable(v) {
            return e;
        }
        let tname = self.type_name(v);
        let msg = match call {
            Some(f) => format!(
                "{} argument after * must be an iterable, not {tname}",
                self.function_str(f)
            ),
            None => format!("Value after * must be an iterable, not {tname}"),
        };
        self.type_error(msg)
    }

    /// Whether `v`'s type can be iterated at all (has `__iter__`, or `__getitem__` for
    /// the sequence protocol), whether or not iterating it then succeeds.
    fn claims_iterable(&self, v: Value) -> bool {
        if self.is_user_value(v) {
            let t = self.type_of(v);
            return self.lookup_in_type(t, "__iter__").is_some()
                || self.lookup_in_type(t, "__getitem__").is_some();
        }
        v.as_obj().is_some_and(|r| {
            matches!(
                self.heap.get(r),
                Object::List(_)
                    | Object::Tuple(_)
                    | Object::Str(_)
                    | Object::Dict(_)
                    | Object::Set(_)
                    | Object::DictView(..)
                    | Object::Range(..)
                    | Object::Iter(_)
                    | Object::Generator(_)
                    | Object::CoroWrapper(_)
            )
        })
    }

    /// `set.add(v)`.
    pub(crate) fn set_add(&mut self, set: Value, v: Value) -> PyResult<()> {
        let r = self.obj_of(set);
        self.dict_set(r, v, Value::None)
    }

    /// `set.update(iterable)`.
    pub(crate) fn set_update(&mut self, set: Value, it: Value) -> PyResult<()> {
        for v in self.collect_iterable(it)? {
            self.set_add(set, v)?;
        }
        Ok(())
    }

    /// `DICT_UPDATE` / `DICT_MERGE`: adds the items of the mapping `m` to the dict `d`.
    /// `call` is the function being called, for `DICT_MERGE` (a call's `**` argument),
    /// which rejects repeated keys and names the function in its errors.
    pub(crate) fn dict_update(&mut self, d: Value, m: Value, call: Option<Value>) -> PyResult<()> {
        let d = self.obj_of(d);
        let items: Vec<(Value, Value)> = match m.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Dict(t)) => t.iter().collect(),
            _ => self.mapping_items(m, call)?,
        };
        for (k, v) in items {
            if let Some(func) = call {
                if self.dict_get(d, k)?.is_some() {
                    let msg = format!(
                        "{} got multiple values for keyword argument '{}'",
                        self.function_str(func),
                        self.to_str(k)
                    );
                    return Err(self.type_error(msg));
                }
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// The items of a mapping that is not a dict, through its `keys()` and
    /// `__getitem__`.
    fn mapping_items(&mut self, m: Value, call: Option<Value>) -> PyResult<Vec<(Value, Value)>> {
        let Ok(keys) = self.get_attr(m, "keys") else {
            let tname = self.type_name(m);
            let msg = match call {
                Some(func) => format!(
                    "{} argument after ** must be a mapping, not {tname}",
                    self.function_str(func)
                ),
                None => format!("'{tname}' object is not a mapping"),
            };
            return Err(self.type_error(msg));
        };
        let keys = self.call_value(keys, &[])?;
        let keys = self.collect_iterable(keys)?;
        let mut items = Vec::with_capacity(keys.len());
        for k in keys {
            let v = self.get_item(m, k)?;
            items.push((k, v));
        }
        Ok(items)
    }

    /// How CPython names a callable in call errors: `module.qualname()`, or just
    /// `qualname()` for builtins, or `str(func)` when it has no `__qualname__`.
    fn function_str(&mut self, func: Value) -> String {
        let Ok(qualname) = self.get_attr(func, "__qualname__") else {
            return self.to_str(func);
        };
        let qualname = self.to_str(qualname);
        match self.get_attr(func, "__module__").map(|m| self.to_str(m)) {
            Ok(module) if module != "builtins" && module != "None" => {
                format!("{module}.{qualname}()")
            }
            _ => format!("{qualname}()"),
        }
    }

    /// `BUILD_TUPLE n` on a stack whose top is `sp`; returns the new top.
    // Kept out of line, as the allocating fast paths are, so the dispatch loop stays small.
    #[inline(never)]
    pub(crate) fn build_tuple(&mut self, sp: usize, n: usize) -> usize {
        let start = sp - n;
        let items = self.heap.tuple_box(&self.stack[start..sp]);
        let t = self.heap.alloc(Object::Tuple(items));
        self.stack[start] = Value::Obj(t);
        start + 1
    }

    /// `BUILD_MAP 0`: a new empty dict in `stack[at]`, which must exist.
    #[inline(never)]
    pub(crate) fn put_empty_dict(&mut self, at: usize) {
        let d = self.new_dict();
        self.stack[at] = Value::Obj(d);
    }

    /// `BUILD_MAP n`.
    pub(crate) fn build_map(&mut self, n: usize) -> PyResult<()> {
        let items = self.split_stack(self.sp - 2 * n);
        let d = self.new_dict();
        self.push(Value::Obj(d));
        for pair in items.chunks(2) {
            self.dict_set(d, pair[0], pair[1])?;
        }
        Ok(())
    }

    /// `BUILD_CONST_KEY_MAP n`: `n` values under a tuple of their `n` keys.
    pub(crate) fn build_const_key_map(&mut self, n: usize) -> PyResult<()> {
        let keys = self.pop();
        let keys = self
            .seq_items(keys)
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        let values = self.split_stack(self.sp - n);
        let d = self.new_dict();
        self.push(Value::Obj(d));
        for (k, v) in keys.into_iter().zip(values) {
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// `BUILD_SET n`.
    pub(crate) fn build_set(&mut self, n: usize) -> PyResult<()> {
        let items = self.split_stack(self.sp - n);
        let s = Value::Obj(self.new_set());
        self.push(s);
        for v in items {
            self.set_add(s, v)?;
        }
        Ok(())
    }

    /// `BUILD_STRING n`: concatenates `n` strings.
    pub(crate) fn build_string(&mut self, n: usize) -> PyResult<()> {
        let parts = self.split_stack(self.sp - n);
        let mut out = String::new();
        for p in parts {
            out.push_str(self.as_str(p).unwrap_or(""));
        }
        let s = self.new_str(out);
        self.push(s);
        Ok(())
    }

    fn unpack_items(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Some(items) = self.seq_items(v) {
            return Ok(items.to_vec());
        }
        match self.get_iter(v) {
            Ok(_) => self.collect_iterable(v),
            Err(_) => {
                let msg = format!("cannot unpack non-iterable {} object", self.type_name(v));
                Err(self.type_error(msg))
            }
        }
    }

    /// `UNPACK_SEQUENCE n`: pushes exactly `n` items, the first on top.
    pub(crate) fn unpack_sequence(&mut self, n: usize) -> PyResult<()> {
        let v = self.pop();
        let items = self.unpack_items(v)?;
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        self.extend_stack(items.into_iter().rev());
        Ok(())
    }

    /// `UNPACK_EX`: `before` items, a list of the rest, then `after` items.
    pub(crate) fn unpack_ex(&mut self, before: usize, after: usize) -> PyResult<()> {
        let v = self.pop();
        let mut items = self.unpack_items(v)?;
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        self.extend_stack(tail.into_iter().rev());
        let l = self.new_list(middle);
        self.push(l);
        self.extend_stack(items.into_iter().rev());
        Ok(())
    }

    /// `|`, `&`, `-`, `^` on sets (`None` when `b` is not a set).
    pub(crate) fn set_binop(&mut self, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (Some(ra), Some(rb)) = (a.as_obj(), b.as_obj()) else {
            return Ok(None);
        };
        if !matches!(self.heap.get(rb), Object::Set(_)) {
            return Ok(None);
        }
        let left: Vec<Value> = self.dict_ref(ra).iter().map(|(k, _)| k).collect();
        let right: Vec<Value> = self.dict_ref(rb).iter().map(|(k, _)| k).collect();
        let out = Value::Obj(self.new_set());
        for &k in &left {
            let in_b = self.dict_get(rb, k)?.is_some();
            let keep = match op {
                1 => in_b,
                10 | 12 => !in_b,
                _ => true,
            };
            if keep {
                self.set_add(out, k)?;
            }
        }
        if op == 7 || op == 12 {
            for &k in &right {
                if op == 7 || self.dict_get(ra, k)?.is_none() {
                    self.set_add(out, k)?;
                }
            }
        }
        Ok(Some(out))
    }
}
