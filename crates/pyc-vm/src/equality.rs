//! Equality and hashing where Python code may take part: `==` between containers whose
//! items define `__eq__`, membership tests, `list.index`, and dict and set keys with
//! their own `__hash__` and `__eq__`. Values made of builtin scalars only (numbers,
//! strs, `None`, ...) keep the non-raising fast paths of `ops.rs` (`py_eq`, `hash_of`);
//! everything else comes here, where every comparison may call into Python and fail.

use crate::depth::deep;
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// Whether `py_eq` and `hash_of` answer exactly for `v`: it holds no value that
    /// could define `__eq__` or `__hash__`.
    fn is_plain(&self, v: Value) -> bool {
        match v {
            Value::Obj(r) => matches!(
                self.heap.get(r),
                Object::Str(_) | Object::BigInt(_) | Object::Bytes(_) | Object::ByteArray(_)
            ),
            _ => true,
        }
    }

    /// CPython's `PyObject_RichCompareBool(a, b, Py_EQ)`, which containers use: the same
    /// object is always equal to itself, otherwise `a == b`.
    pub(crate) fn same_or_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is_same(b) && !a.is_null() {
            return Ok(true);
        }
        self.values_eq(a, b)
    }

    /// `a == b` as a truth value, calling `__eq__` where Python would.
    pub(crate) fn values_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.is_plain(a) && self.is_plain(b) {
            return Ok(self.py_eq(a, b));
        }
        if let Some(r) = self.user_compare(2, a, b)? {
            return self.truth(r);
        }
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
            return Ok(self.py_eq(a, b));
        };
        match (self.heap.get(x), self.heap.get(y)) {
            (Object::List(_), Object::List(_)) | (Object::Tuple(_), Object::Tuple(_)) => {
                deep(|| self.seqs_eq(a, b))
            }
            (Object::Dict(_), Object::Dict(_)) => deep(|| self.tables_eq(x, y, true)),
            (Object::Set(_), Object::Set(_)) => deep(|| self.tables_eq(x, y, false)),
            _ => Ok(self.py_eq(a, b)),
        }
    }

    /// Item-by-item equality of two lists or tuples. Items are read afresh at each step:
    /// an `__eq__` may change a list while it is compared.
    fn seqs_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let len = |vm: &Vm, v| vm.seq_items(v).map_or(0, <[Value]>::len);
        if len(self, a) != len(self, b) {
            return Ok(false);
        }
        let mut i = 0;
        loop {
            let item = |vm: &Vm, v| vm.seq_items(v).and_then(|s| s.get(i).copied());
            let (Some(x), Some(y)) = (item(self, a), item(self, b)) else {
                return Ok(len(self, a) == len(self, b));
            };
            if !self.same_or_eq(x, y)? {
                return Ok(false);
            }
            i += 1;
        }
    }

    /// `a <op> b` (an ordering) for two lists or two tuples, when an item may define its
    /// own comparisons: the first pair of items that differ decides, as in CPython.
    /// `None` when `a` and `b` are not such a pair.
    pub(crate) fn seq_order(&mut self, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
            return Ok(None);
        };
        let same_kind = matches!(
            (self.heap.get(x), self.heap.get(y)),
            (Object::List(_), Object::List(_)) | (Object::Tuple(_), Object::Tuple(_))
        );
        let all_plain = |vm: &Vm, v| {
            vm.seq_items(v)
                .is_some_and(|s| s.iter().all(|&i| vm.is_plain(i)))
        };
        if !same_kind || (all_plain(self, a) && all_plain(self, b)) {
            return Ok(None);
        }
        let mut i = 0;
        loop {
            let item = |vm: &Vm, v| vm.seq_items(v).and_then(|s| s.get(i).copied());
            let (Some(p), Some(q)) = (item(self, a), item(self, b)) else {
                let len = |vm: &Vm, v| vm.seq_items(v).map_or(0, <[Value]>::len) as i64;
                let (m, n) = (len(self, a), len(self, b));
                return self.compare(op, Value::Int(m), Value::Int(n)).map(Some);
            };
            if !self.same_or_eq(p, q)? {
                return deep(|| self.compare(op, p, q)).map(Some);
            }
            i += 1;
        }
    }

    /// Equality of two dicts (`values`) or two sets: the same keys, and for dicts equal
    /// values under each.
    fn tables_eq(&mut self, a: ObjRef, b: ObjRef, values: bool) -> PyResult<bool> {
        if self.dict_len(a) != self.dict_len(b) {
            return Ok(false);
        }
        let entries: Vec<(Value, Value)> = self.dict_ref(a).iter().collect();
        for (k, v) in entries {
            let Some(i) = self.dict_lookup(b, k)?.1 else {
                return Ok(false);
            };
            if values {
                let Some(other) = self.dict_ref(b).raw_at(i).map(|e| e.value) else {
                    return Ok(false);
                };
                if !self.same_or_eq(v, other)? {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }

    /// The hash of a key, calling `__hash__` where Python would and raising
    /// `TypeError: unhashable type: 'list'`.
    pub(crate) fn hash_key(&mut self, v: Value) -> PyResult<u64> {
        match self.hash_of(v) {
            Ok(h) => Ok(h),
            Err(()) => self.hash_with_python(v),
        }
    }

    /// [`Vm::hash_key`] for what `hash_of` cannot hash alone: instances of user classes,
    /// tuples holding them, and unhashable values.
    fn hash_with_python(&mut self, v: Value) -> PyResult<u64> {
        if let Some(h) = self.user_hash(v)? {
            return Ok(if h == -1 { -2 } else { h } as u64);
        }
        if self.is_user_value(v) {
            return Ok(self.identity_hash(self.obj_of(v)));
        }
        let tuple = v.as_obj().and_then(|r| match self.heap.get(r) {
            Object::Tuple(items) => Some(items.to_vec()),
            _ => None,
        });
        match tuple {
            Some(items) => deep(|| {
                let mut lanes = Vec::with_capacity(items.len());
                for item in items {
                    lanes.push(self.hash_key(item)?);
                }
                Ok(crate::ops::tuple_hash(&lanes) as u64)
            }),
            None => {
                let msg = format!("unhashable type: '{}'", self.type_name(v));
                Err(self.type_error(msg))
            }
        }
    }

    /// Finds `key` in the dict or set `d`: its hash, and its entry index if present.
    /// Keys that may define `__eq__` are compared through Python; if a comparison changes
    /// the table, the search starts again, as in CPython.
    pub(crate) fn dict_lookup(&mut self, d: ObjRef, key: Value) -> PyResult<(u64, Option<usize>)> {
        let h = self.hash_key(key)?;
        let key_plain = self.is_plain(key);
        'search: loop {
            let mut needs_python = false;
            let t = self.dict_ref(d);
            let found = t.find(h, |k| {
                if k.is_same(key) {
                    return true;
                }
                if key_plain && self.is_plain(k) {
                    return self.py_eq(k, key);
                }
                needs_python = true;
                false
            });
            if found.is_some() || !needs_python {
                return Ok((h, found));
            }
            let version = t.version();
            for (i, k) in t.keys_with_hash(h) {
                if k.is_same(key) || (key_plain && self.is_plain(k)) {
                    continue;
                }
                let equal = self.values_eq(k, key)?;
                if self.dict_ref(d).version() != version {
                    continue 'search;
                }
                if equal {
                    return Ok((h, Some(i)));
                }
            }
            return Ok((h, None));
        }
    }
}
