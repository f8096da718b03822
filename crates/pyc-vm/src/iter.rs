//! Iteration: `iter()`, `next()`, and the builtin iterator objects.

use crate::exceptions::ExcKind;
use crate::objects::generator::GenStep;
use crate::objects::{IterState, Object, ViewKind};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let state = match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::List(_) => IterState::List(r, 0),
                Object::Tuple(_) => IterState::Tuple(r, 0),
                Object::Str(_) => IterState::Str(r, 0),
                Object::Bytes(_) | Object::ByteArray(_) => IterState::Bytes(r, 0),
                Object::Dict(d) | Object::Set(d) => IterState::Dict(r, 0, d.len(), ViewKind::Keys),
                &Object::DictView(kind, d) => IterState::Dict(d, 0, self.dict_len(d), kind),
                &Object::Range(start, stop, step) => IterState::Range {
                    next: start,
                    stop,
                    step,
                },
                Object::Iter(_) | Object::Generator(_) | Object::CoroWrapper(_) => return Ok(v),
                Object::File(_) => {
                    self.check_file_open(v)?;
                    return Ok(v);
                }
                Object::Instance(i) => {
                    let class = i.class;
                    return match self.user_iter(v)? {
                        Some(it) => Ok(it),
                        None if self.lookup_in_type(class, "__getitem__").is_some() => {
                            let state = IterState::Sequence(Some(v), 0);
                            Ok(Value::Obj(self.alloc(Object::Iter(Box::new(state)))))
                        }
                        None => Err(self.not_iterable(v)),
                    };
                }
                _ => return Err(self.not_iterable(v)),
            },
            _ => return Err(self.not_iterable(v)),
        };
        Ok(Value::Obj(self.alloc(Object::Iter(Box::new(state)))))
    }

    #[cold]
    pub(crate) fn not_iterable(&mut self, v: Value) -> ObjRef {
        let msg = format!("'{}' object is not iterable", self.type_name(v));
        self.type_error(msg)
    }

    fn iter_state_mut(&mut self, r: ObjRef) -> &mut IterState {
        match self.heap.get_mut(r) {
            Object::Iter(s) => s,
            _ => unreachable!("checked to be an iterator"),
        }
    }

    /// `FOR_ITER`'s fast path: the next item of a range, list or tuple iterator, with one
    /// or two heap accesses and no error paths. `Some(None)` when exhausted; `None` when
    /// `it` is another kind of iterator, which takes the general path ([`Vm::iter_next`]).
    #[inline]
    pub(crate) fn next_fast(&mut self, it: Value) -> Option<Option<Value>> {
        let Value::Obj(r) = it else { return None };
        let Object::Iter(state) = self.heap.get_mut(r) else {
            return None;
        };
        let (seq, index) = match &mut **state {
            IterState::Range { next, stop, step } => {
                let current = *next;
                if (*step > 0 && current < *stop) || (*step < 0 && current > *stop) {
                    *next = current.checked_add(*step).unwrap_or(*stop);
                    return Some(Some(Value::Int(current)));
                }
                return Some(None);
            }
            IterState::List(seq, i) | IterState::Tuple(seq, i) => (*seq, *i),
            _ => return None,
        };
        let item = match self.heap.get(seq) {
            Object::List(items) => items.get(index).copied(),
            Object::Tuple(items) => items.get(index).copied(),
            _ => None,
        };
        if item.is_some() {
            if let IterState::List(_, i) | IterState::Tuple(_, i) = self.iter_state_mut(r) {
                *i += 1;
            }
        }
        Some(item)
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let r = match it {
            Value::Obj(r) if matches!(self.heap.get(r), Object::Iter(_)) => r,
            Value::Obj(g) if matches!(self.heap.get(g), Object::Generator(_)) => {
                return match self.gen_step(g, Value::None, None)? {
                    GenStep::Yield(v) => Ok(Some(v)),
                    GenStep::Return(_) => Ok(None),
                };
            }
            Value::Obj(f) if matches!(self.heap.get(f), Object::File(_)) => {
                return self.file_next(it);
            }
            Value::Obj(w) if matches!(self.heap.get(w), Object::CoroWrapper(_)) => {
                let c = self.as_coro_wrapper(it).expect("checked to be a wrapper");
                return match self.gen_step(c, Value::None, None)? {
                    GenStep::Yield(v) => Ok(Some(v)),
                    GenStep::Return(_) => Ok(None),
                };
            }
            _ if self.is_user_value(it) => return self.user_next(it),
            _ => {
                let msg = format!("'{}' object is not an iterator", self.type_name(it));
                return Err(self.type_error(msg));
            }
        };
        let Object::Iter(state) = self.heap.get(r) else {
            return Ok(None);
        };
        match &**state {
            &IterState::List(l, i) | &IterState::Tuple(l, i) => {
                let item = self
                    .seq_items(Value::Obj(l))
                    .and_then(|s| s.get(i).copied());
                if item.is_some() {
                    if let IterState::List(_, i) | IterState::Tuple(_, i) = self.iter_state_mut(r) {
                        *i += 1;
                    }
                }
                Ok(item)
            }
            &IterState::Str(s, pos) => {
                let text = self.as_str(Value::Obj(s)).unwrap_or("");
                let Some(c) = text[pos..].chars().next() else {
                    return Ok(None);
                };
                if let IterState::Str(_, p) = self.iter_state_mut(r) {
                    *p += c.len_utf8();
                }
                Ok(Some(self.new_str(c.to_string())))
            }
            &IterState::Bytes(b, pos) => {
                let Some(&byte) = self.bytes_data(Value::Obj(b)).and_then(|d| d.get(pos)) else {
                    return Ok(None);
                };
                if let IterState::Bytes(_, p) = self.iter_state_mut(r) {
                    *p += 1;
                }
                Ok(Some(Value::Int(i64::from(byte))))
            }
            &IterState::Range { next, stop, step } => {
                if (step > 0 && next < stop) || (step < 0 && next > stop) {
                    if let IterState::Range { next: n, .. } = self.iter_state_mut(r) {
                        *n = next.checked_add(step).unwrap_or(stop);
                    }
                    Ok(Some(Value::Int(next)))
                } else {
                    Ok(None)
                }
            }
            &IterState::Dict(d, start, len, kind) => self.dict_iter_next(r, d, start, len, kind),
            &IterState::Reversed(l, i) => {
                let len = self.seq_items(Value::Obj(l)).map_or(0, <[Value]>::len);
                if i == 0 || i > len {
                    return Ok(None);
                }
                let item = self.seq_items(Value::Obj(l)).map(|s| s[i - 1]);
                if let IterState::Reversed(_, i) = self.iter_state_mut(r) {
                    *i -= 1;
                }
                Ok(item)
            }
            &IterState::Enumerate(inner, count) => {
                let Some(v) = self.iter_next(inner)? else {
                    return Ok(None);
                };
                if let IterState::Enumerate(_, c) = self.iter_state_mut(r) {
                    *c += 1;
                }
                Ok(Some(self.new_tuple(vec![Value::Int(count), v])))
            }
            IterState::Zip(its) => {
                let its = its.clone();
                let mut items = Vec::with_capacity(its.len());
                for it in its {
                    match self.iter_next(it)? {
                        Some(v) => items.push(v),
                        None => return Ok(None),
                    }
                }
                if items.is_empty() {
                    return Ok(None);
                }
                Ok(Some(self.new_tuple(items)))
            }
            IterState::Map(f, its) => {
                let (f, its) = (*f, its.clone());
                let mut args = Vec::with_capacity(its.len());
                for it in its {
                    match self.iter_next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call_value(f, &args).map(Some)
            }
            &IterState::Filter(f, inner) => loop {
                let Some(v) = self.iter_next(inner)? else {
                    return Ok(None);
                };
                let keep = match f {
                    Value::None => v,
                    f => self.call_value(f, &[v])?,
                };
                if self.truth(keep)? {
                    return Ok(Some(v));
                }
            },
            &IterState::Sequence(seq, i) => match seq {
                Some(seq) => self.sequence_next(r, seq, i),
                None => Ok(None),
            },
        }
    }

    /// The next item of a sequence-protocol iterator: `seq[i]`, until `__getitem__`
    /// raises `IndexError` or `StopIteration`.
    fn sequence_next(&mut self, r: ObjRef, seq: Value, i: i64) -> PyResult<Option<Value>> {
        let item = match self.call_special(seq, "__getitem__", &[Value::Int(i)]) {
            Ok(item) => item,
            Err(e) => {
                let index_error = self.exc_class(ExcKind::IndexError);
                let stop = self.exc_class(ExcKind::StopIteration);
                if !self.exc_matches(e, index_error) && !self.exc_matches(e, stop) {
                    return Err(e);
                }
                None
            }
        };
        if let IterState::Sequence(state, next) = self.iter_state_mut(r) {
            match item {
                Some(_) => *next = i + 1,
                None => *state = None,
            }
        }
        Ok(item)
    }

    fn dict_iter_next(
        &mut self,
        r: ObjRef,
        d: ObjRef,
        start: usize,
        len: usize,
        kind: ViewKind,
    ) -> PyResult<Option<Value>> {
        let table = self.dict_ref(d);
        if table.len() != len {
            let is_set = matches!(self.heap.get(d), Object::Set(_));
            let what = if is_set { "Set" } else { "dictionary" };
            return Err(self.err(
                ExcKind::RuntimeError,
                format!("{what} changed size during iteration"),
            ));
        }
        let mut i = start;
        let entry = loop {
            if i >= table.raw_len() {
                break None;
            }
            if let Some(e) = table.raw_at(i) {
                break Some(e);
            }
            i += 1;
        };
        if let IterState::Dict(_, pos, ..) = self.iter_state_mut(r) {
            *pos = i + 1;
        }
        Ok(entry.map(|e| match kind {
            ViewKind::Keys => e.key,
            ViewKind::Values => e.value,
            ViewKind::Items => self.new_tuple(vec![e.key, e.value]),
        }))
    }

    /// All items of an iterable.
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Some(items) = self.seq_items(v) {
            return Ok(items.to_vec());
        }
        let it = self.get_iter(v)?;
        let mut items = Vec::new();
        while let Some(x) = self.iter_next(it)? {
            items.push(x);
        }
        Ok(items)
    }

    /// `StopIteration` with no value.
    #[cold]
    pub(crate) fn stop_iteration(&mut self) -> ObjRef {
        let c = self.exc_class(ExcKind::StopIteration);
        self.new_exception(c, Vec::new())
    }
}
