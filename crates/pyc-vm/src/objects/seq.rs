//! Subscripting (`x[i]`, `x[a:b:c]`, assignment and deletion) and `in` for the builtin
//! containers.

use crate::objects::{Object, ViewKind};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The positions selected by a slice already adjusted to a length.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

impl Vm {
    /// `(start, stop, step)` of a slice object for a sequence of length `len`, as
    /// CPython's `PySlice_AdjustIndices`.
    pub(crate) fn slice_indices(&mut self, s: ObjRef, len: usize) -> PyResult<(i64, i64, i64)> {
        let Object::Slice(parts) = self.heap.get(s) else {
            return Ok((0, 0, 1));
        };
        let [a, b, c] = **parts;
        let len = len as i64;
        let step = match c {
            Value::None => 1,
            v => self.slice_index(v)?,
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let adjust = |v: i64, neg_default: i64, hi: i64| {
            if v < 0 {
                (v + len).max(neg_default)
            } else {
                v.min(hi)
            }
        };
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let start = match a {
            Value::None => {
                if step < 0 {
                    len - 1
                } else {
                    0
                }
            }
            v => adjust(self.slice_index(v)?, lo, hi),
        };
        let stop = match b {
            Value::None => {
                if step < 0 {
                    -1
                } else {
                    len
                }
            }
            v => adjust(self.slice_index(v)?, lo, hi),
        };
        Ok((start, stop, step))
    }

    fn slice_index(&mut self, v: Value) -> PyResult<i64> {
        if self.is_int(v) {
            return Ok(match self.int_to_i64(v) {
                Ok(i) => i,
                Err(_) => {
                    if self.lt(v, Value::Int(0))? {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    }
                }
            });
        }
        Err(self.type_error("slice indices must be integers or None or have an __index__ method"))
    }

    /// Normalises an index into a sequence of length `len`, raising
    /// `IndexError: <what> index out of range`.
    fn seq_index(&mut self, key: Value, len: usize, what: &str) -> PyResult<usize> {
        let i = self.int_to_i64(key).unwrap_or(i64::MAX);
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.err(
                crate::exceptions::ExcKind::IndexError,
                format!("{what} index out of range"),
            ));
        }
        Ok(j as usize)
    }

    pub(crate) fn is_slice(&self, v: Value) -> Option<ObjRef> {
        v.as_obj()
            .filter(|r| matches!(self.heap.get(*r), Object::Slice(..)))
    }

    /// `container[key]`.
    pub(crate) fn get_item(&mut self, container: Value, key: Value) -> PyResult<Value> {
        let Value::Obj(r) = container else {
            return Err(self.not_subscriptable(container));
        };
        match self.heap.get(r) {
            Object::List(_) | Object::Tuple(_) => {
                let is_list = matches!(self.heap.get(r), Object::List(_));
                let what = if is_list { "list" } else { "tuple" };
                let len = self.seq_items(container).map_or(0, <[Value]>::len);
                if let Some(s) = self.is_slice(key) {
                    let (a, b, c) = self.slice_indices(s, len)?;
                    let items = self.seq_items(container).unwrap_or(&[]);
                    let picked: Vec<Value> = slice_positions(a, b, c)
                        .into_iter()
                        .map(|i| items[i])
                        .collect();
                    return Ok(if is_list {
                        self.new_list(picked)
                    } else {
                        self.new_tuple(picked)
                    });
                }
                if !self.is_int(key) {
                    let msg = format!(
                        "{what} indices must be integers or slices, not {}",
                        self.type_name(key)
                    );
                    return Err(self.type_error(msg));
                }
                let i = self.seq_index(key, len, what)?;
                Ok(self.seq_items(container).map_or(Value::None, |s| s[i]))
            }
            Object::Str(s) => {
                let nchars = s.nchars;
                let ascii = s.is_ascii();
                if let Some(sl) = self.is_slice(key) {
                    let (a, b, c) = self.slice_indices(sl, nchars)?;
                    let text = self.as_str(container).unwrap_or("");
                    let out: String = if ascii && c == 1 {
                        if a < b {
                            text[a as usize..b as usize].to_string()
                        } else {
                            String::new()
                        }
                    } else {
                        let chars: Vec<char> = text.chars().collect();
                        slice_positions(a, b, c)
                            .into_iter()
                            .map(|i| chars[i])
                            .collect()
                    };
                    return Ok(self.new_str(out));
                }
                if !self.is_int(key) {
                    let msg = format!(
                        "string indices must be integers, not '{}'",
                        self.type_name(key)
                    );
                    return Err(self.type_error(msg));
                }
                let i = self.seq_index(key, nchars, "string")?;
                let text = self.as_str(container).unwrap_or("");
                let c = if ascii {
                    text.as_bytes()[i] as char
                } else {
                    text.chars().nth(i).unwrap_or(' ')
                };
                Ok(self.new_str(c.to_string()))
            }
            Object::Bytes(_) | Object::ByteArray(_) => self.bytes_get_item(container, key),
            Object::Dict(_) => match self.dict_get(r, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key)),
            },
            &Object::Range(start, stop, step) => {
                let len = crate::ops::range_len(start, stop, step) as usize;
                if let Some(s) = self.is_slice(key) {
                    let (a, b, c) = self.slice_indices(s, len)?;
                    let n = crate::ops::range_len(a, b, c);
                    let first = start + a * step;
                    let r = self.alloc(Object::Range(first, first + n * step * c, step * c));
                    return Ok(Value::Obj(r));
                }
                if !self.is_int(key) {
                    let msg = format!(
                        "range indices must be integers or slices, not {}",
                        self.type_name(key)
                    );
                    return Err(self.type_error(msg));
                }
                let i = self.seq_index(key, len, "range object")?;
                Ok(Value::Int(start + i as i64 * step))
            }
            _ => match self.call_special(container, "__getitem__", &[key])? {
                Some(v) => Ok(v),
                None => Err(self.not_subscriptable(container)),
            },
        }
    }

    #[cold]
    fn not_subscriptable(&mut self, v: Value) -> ObjRef {
        let msg = format!("'{}' object is not subscriptable", self.type_name(v));
        self.type_error(msg)
    }

    /// `container[key] = value`.
    pub(crate) fn set_item(&mut self, container: Value, key: Value, value: Value) -> PyResult<()> {
        let Value::Obj(r) = container else {
            return Err(self.no_item_assignment(container));
        };
        match self.heap.get(r) {
            Object::List(items) => {
                let len = items.len();
                if let Some(s) = self.is_slice(key) {
                    let (a, b, c) = self.slice_indices(s, len)?;
                    let new = self.collect_iterable(value)?;
                    return self.list_assign_slice(r, a, b, c, new);
                }
                let i = self.list_assignment_index(key, len)?;
                if let Object::List(items) = self.heap.get_mut(r) {
                    items[i] = value;
                }
                Ok(())
            }
            Object::ByteArray(_) => self.bytearray_set_item(r, key, value),
            Object::Dict(_) => self.dict_set(r, key, value),
            _ => match self.call_special(container, "__setitem__", &[key, value])? {
                Some(_) => Ok(()),
                None => Err(self.no_item_assignment(container)),
            },
        }
    }

    fn list_assign_slice(
        &mut self,
        r: ObjRef,
        a: i64,
        b: i64,
        c: i64,
        new: Vec<Value>,
    ) -> PyResult<()> {
        if c == 1 {
            let b = b.max(a);
            if let Object::List(items) = self.heap.get_mut(r) {
                items.splice(a as usize..b as usize, new);
            }
            return Ok(());
        }
        let positions = slice_positions(a, b, c);
        if positions.len() != new.len() {
            return Err(self.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            )));
        }
        if let Object::List(items) = self.heap.get_mut(r) {
            for (p, v) in positions.into_iter().zip(new) {
                items[p] = v;
            }
        }
        Ok(())
    }

    #[cold]
    fn no_item_assignment(&mut self, v: Value) -> ObjRef {
        let msg = format!(
            "'{}' object does not support item assignment",
            self.type_name(v)
        );
        self.type_error(msg)
    }

    /// `del container[key]`.
    pub(crate) fn del_item(&mut self, container: Value, key: Value) -> PyResult<()> {
        let Value::Obj(r) = container else {
            return Err(self.no_item_deletion(container));
        };
        match self.heap.get(r) {
            Object::List(items) => {
                let len = items.len();
                if let Some(s) = self.is_slice(key) {
                    let (a, b, c) = self.slice_indices(s, len)?;
                    let mut positions = slice_positions(a, b, c);
                    positions.sort_unstable();
                    if let Object::List(items) = self.heap.get_mut(r) {
                        for p in positions.into_iter().rev() {
                            items.remove(p);
                        }
                    }
                    return Ok(());
                }
                let i = self.list_assignment_index(key, len)?;
                if let Object::List(items) = self.heap.get_mut(r) {
                    items.remove(i);
                }
                Ok(())
            }
            Object::ByteArray(_) => self.bytearray_del_item(r, key),
            Object::Dict(_) => match self.dict_del(r, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key)),
            },
            _ => match self.call_special(container, "__delitem__", &[key])? {
                Some(_) => Ok(()),
                None => Err(self.no_item_deletion(container)),
            },
        }
    }

    #[cold]
    fn no_item_deletion(&mut self, v: Value) -> ObjRef {
        let msg = format!(
            "'{}' object doesn't support item deletion",
            self.type_name(v)
        );
        self.type_error(msg)
    }

    /// The first index in `start..stop` of a list or tuple whose item equals `item`.
    /// Items are read afresh at each step: an `__eq__` may change the list.
    pub(crate) fn seq_position(
        &mut self,
        seq: Value,
        item: Value,
        start: usize,
        stop: usize,
    ) -> PyResult<Option<usize>> {
        let mut i = start;
        while i < stop {
            let Some(x) = self.seq_items(seq).and_then(|s| s.get(i).copied()) else {
                break;
            };
            if self.same_or_eq(x, item)? {
                return Ok(Some(i));
            }
            i += 1;
        }
        Ok(None)
    }

    /// `item in container`.
    pub(crate) fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let Value::Obj(r) = container else {
            return Err(self.not_container(container));
        };
        match self.heap.get(r) {
            Object::List(_) | Object::Tuple(_) => self
                .seq_position(container, item, 0, usize::MAX)
                .map(|p| p.is_some()),
            Object::Str(s) => match self.as_str(item) {
                Some(sub) => Ok(s.s.contains(sub)),
                None => {
                    let msg = format!(
                        "'in <string>' requires string as left operand, not {}",
                        self.type_name(item)
                    );
                    Err(self.type_error(msg))
                }
            },
            Object::Bytes(_) | Object::ByteArray(_) => self.bytes_contains(container, item),
            Object::Dict(_) | Object::Set(_) => Ok(self.dict_get(r, item)?.is_some()),
            &Object::DictView(kind, d) => match kind {
                ViewKind::Keys => Ok(self.dict_get(d, item)?.is_some()),
                ViewKind::Values => {
                    let values: Vec<Value> = self.dict_ref(d).iter().map(|(_, v)| v).collect();
                    for v in values {
                        if self.same_or_eq(v, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                ViewKind::Items => {
                    let pair = self
                        .seq_items(item)
                        .filter(|p| p.len() == 2)
                        .map(|p| (p[0], p[1]));
                    let Some((k, v)) = pair else { return Ok(false) };
                    match self.dict_get(d, k)? {
                        Some(found) => self.same_or_eq(found, v),
                        None => Ok(false),
                    }
                }
            },
            &Object::Range(start, stop, step) => {
                let Value::Int(i) = item else {
                    let items = self.collect_iterable(container)?;
                    for x in items {
                        if self.same_or_eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                };
                let in_bounds = if step > 0 {
                    start <= i && i < stop
                } else {
                    stop < i && i <= start
                };
                Ok(in_bounds && (i - start) % step == 0)
            }
            Object::Iter(_) => {
                while let Some(x) = self.iter_next(container)? {
                    if self.same_or_eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => self.user_contains(container, item),
        }
    }

    #[cold]
    fn user_contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Some(r) = self.call_special(container, "__contains__", &[item])? {
            return self.truth(r);
        }
        if !self.is_user_value(container) {
            return Err(self.not_container(container));
        }
        let it = self.get_iter(container)?;
        while let Some(x) = self.iter_next(it)? {
            if self.same_or_eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn not_container(&mut self, v: Value) -> ObjRef {
        let msg = format!("argument of type '{}' is not iterable", self.type_name(v));
        self.type_error(msg)
    }
}

impl Vm {
    /// The position `key` names in a list of `len` items for `lst[key] = v` and
    /// `del lst[key]`, with CPython's errors for a non-int key or one out of range.
    fn list_assignment_index(&mut self, key: Value, len: usize) -> PyResult<usize> {
        if !self.is_int(key) {
            let msg = format!(
                "list indices must be integers or slices, not {}",
                self.type_name(key)
            );
            return Err(self.type_error(msg));
        }
        self.seq_index(key, len, "list assignment")
    }
}
