//! `bytes` and `bytearray`: construction, `repr`, subscripts, concatenation,
//! repetition, membership and comparison. Their methods live in [`super::bytes_methods`],
//! text encodings in [`super::codec`].

use std::cmp::Ordering;

use crate::builtins::Kw;
use crate::exceptions::ExcKind;
use crate::objects::seq::slice_positions;
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// A new `bytes` object.
    pub(crate) fn new_bytes(&mut self, data: impl Into<Box<[u8]>>) -> Value {
        Value::Obj(self.alloc(Object::Bytes(data.into())))
    }

    /// A new `bytearray`.
    pub(crate) fn new_bytearray(&mut self, data: Vec<u8>) -> Value {
        Value::Obj(self.alloc(Object::ByteArray(data)))
    }

    /// The contents of a `bytes` or `bytearray` value (a bytes-like object).
    pub(crate) fn bytes_data(&self, v: Value) -> Option<&[u8]> {
        match self.heap.get(v.as_obj()?) {
            Object::Bytes(b) => Some(b),
            Object::ByteArray(b) => Some(b),
            _ => None,
        }
    }

    /// Whether `v` is a `bytearray`.
    pub(crate) fn is_bytearray(&self, v: Value) -> bool {
        v.as_obj()
            .is_some_and(|r| matches!(self.heap.get(r), Object::ByteArray(_)))
    }

    /// A new object of the same kind as `like` (`bytes` or `bytearray`) holding `data`.
    pub(crate) fn bytes_like(&mut self, like: Value, data: Vec<u8>) -> Value {
        if self.is_bytearray(like) {
            self.new_bytearray(data)
        } else {
            self.new_bytes(data)
        }
    }

    /// The contents of a bytes-like argument, or
    /// `TypeError: a bytes-like object is required, not 'str'`.
    pub(crate) fn buffer_arg(&mut self, v: Value) -> PyResult<Vec<u8>> {
        match self.bytes_data(v) {
            Some(b) => Ok(b.to_vec()),
            None => {
                let msg = format!(
                    "a bytes-like object is required, not '{}'",
                    self.type_name(v)
                );
                Err(self.type_error(msg))
            }
        }
    }

    /// An int argument that must be a byte value, or
    /// `ValueError: byte must be in range(0, 256)`.
    pub(crate) fn byte_arg(&mut self, v: Value) -> PyResult<u8> {
        let n = self.int_arg(v)?;
        u8::try_from(n).map_err(|_| self.value_error("byte must be in range(0, 256)"))
    }

    /// `bytes(...)` / `bytearray(...)`'s contents: from an int count, a str with an
    /// encoding, a bytes-like object or an iterable of ints.
    fn bytes_source(&mut self, what: &str, args: &[Value], kw: &Kw) -> PyResult<Vec<u8>> {
        let allowed = ["source", "encoding", "errors"];
        let mut given: [Option<Value>; 3] = [None; 3];
        for (slot, name) in given.iter_mut().zip(allowed) {
            *slot = self.kwarg(what, kw, name, &allowed)?;
        }
        if args.len() > 3 {
            let msg = format!("{what}() takes at most 3 arguments ({} given)", args.len());
            return Err(self.type_error(msg));
        }
        for (i, &a) in args.iter().enumerate() {
            if given[i].is_some() {
                let msg = format!(
                    "argument for {what}() given by name ('{}') and position ({})",
                    allowed[i],
                    i + 1
                );
                return Err(self.type_error(msg));
            }
            given[i] = Some(a);
        }
        let [source, encoding, errors] = given;
        let Some(source) = source else {
            if encoding.is_some() || errors.is_some() {
                let msg = if encoding.is_some() {
                    "encoding without a string argument"
                } else {
                    "errors without a string argument"
                };
                return Err(self.type_error(msg));
            }
            return Ok(Vec::new());
        };
        if let Some(text) = self.as_str(source).map(str::to_string) {
            let Some(encoding) = encoding else {
                return Err(self.type_error("string argument without an encoding"));
            };
            let encoding = self.str_arg(encoding, &format!("{what}() argument 'encoding'"))?;
            let errors = match errors {
                Some(e) => self.str_arg(e, &format!("{what}() argument 'errors'"))?,
                None => "strict".to_string(),
            };
            return self.encode_text(&text, &encoding, &errors);
        }
        if encoding.is_some() {
            return Err(self.type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(self.type_error("errors without a string argument"));
        }
        if let Some(b) = self.bytes_data(source) {
            return Ok(b.to_vec());
        }
        if self.is_int(source) {
            let n = self.int_to_i64(source)?;
            if n < 0 {
                return Err(self.value_error("negative count"));
            }
            return Ok(vec![0; n as usize]);
        }
        if let Some(v) = self.call_special(source, "__bytes__", &[])? {
            return match self.bytes_data(v) {
                Some(b) if !self.is_bytearray(v) => Ok(b.to_vec()),
                _ => {
                    let msg = format!("__bytes__ returned non-bytes (type {})", self.type_name(v));
                    Err(self.type_error(msg))
                }
            };
        }
        let iterable = self.get_iter(source).map_err(|_| {
            let msg = format!(
                "cannot convert '{}' object to {what}",
                self.type_name(source)
            );
            self.type_error(msg)
        })?;
        let mut out = Vec::new();
        while let Some(item) = self.iter_next(iterable)? {
            let n = self.int_arg(item)?;
            out.push(
                u8::try_from(n).map_err(|_| self.value_error("bytes must be in range(0, 256)"))?,
            );
        }
        Ok(out)
    }

    /// `b[key]` for a bytes or bytearray `b`: an int, or a new object for a slice.
    pub(crate) fn bytes_get_item(&mut self, b: Value, key: Value) -> PyResult<Value> {
        let len = self.bytes_data(b).map_or(0, <[u8]>::len);
        let array = self.is_bytearray(b);
        if let Some(s) = self.is_slice(key) {
            let (start, stop, step) = self.slice_indices(s, len)?;
            let data = self.bytes_data(b).unwrap_or(&[]);
            let picked = slice_positions(start, stop, step)
                .into_iter()
                .map(|i| data[i])
                .collect();
            return Ok(self.bytes_like(b, picked));
        }
        if !self.is_int(key) {
            let what = if array { "bytearray" } else { "byte" };
            let msg = format!(
                "{what} indices must be integers or slices, not {}",
                self.type_name(key)
            );
            return Err(self.type_error(msg));
        }
        let i = self.byte_index(key, len, if array { "bytearray index" } else { "index" })?;
        Ok(Value::Int(i64::from(
            self.bytes_data(b).map_or(0, |d| d[i]),
        )))
    }

    /// `a[key] = value` for a bytearray `a`.
    pub(crate) fn bytearray_set_item(
        &mut self,
        a: ObjRef,
        key: Value,
        value: Value,
    ) -> PyResult<()> {
        let len = self.bytes_data(Value::Obj(a)).map_or(0, <[u8]>::len);
        if let Some(s) = self.is_slice(key) {
            let (start, stop, step) = self.slice_indices(s, len)?;
            if self.is_int(value) || self.as_str(value).is_some() {
                return Err(self.type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            }
            let new = self.bytes_source("bytearray", &[value], &[])?;
            let data = self.bytearray_mut(a);
            if step == 1 {
                let stop = stop.max(start);
                data.splice(start as usize..stop as usize, new);
                return Ok(());
            }
            let positions = slice_positions(start, stop, step);
            if positions.len() != new.len() {
                let msg = format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    new.len(),
                    positions.len()
                );
                return Err(self.value_error(msg));
            }
            let data = self.bytearray_mut(a);
            for (p, v) in positions.into_iter().zip(new) {
                data[p] = v;
            }
            return Ok(());
        }
        if !self.is_int(key) {
            let msg = format!(
                "bytearray indices must be integers or slices, not {}",
                self.type_name(key)
            );
            return Err(self.type_error(msg));
        }
        let i = self.byte_index(key, len, "bytearray index")?;
        let byte = self.byte_arg(value)?;
        self.bytearray_mut(a)[i] = byte;
        Ok(())
    }

    /// `del a[key]` for a bytearray `a`.
    pub(crate) fn bytearray_del_item(&mut self, a: ObjRef, key: Value) -> PyResult<()> {
        let len = self.bytes_data(Value::Obj(a)).map_or(0, <[u8]>::len);
        if let Some(s) = self.is_slice(key) {
            let (start, stop, step) = self.slice_indices(s, len)?;
            let mut positions = slice_positions(start, stop, step);
            positions.sort_unstable();
            let data = self.bytearray_mut(a);
            for p in positions.into_iter().rev() {
                data.remove(p);
            }
            return Ok(());
        }
        if !self.is_int(key) {
            let msg = format!(
                "bytearray indices must be integers or slices, not {}",
                self.type_name(key)
            );
            return Err(self.type_error(msg));
        }
        let i = self.byte_index(key, len, "bytearray index")?;
        self.bytearray_mut(a).remove(i);
        Ok(())
    }

    /// Normalises an int index into `len` bytes, raising `IndexError: <what> out of range`.
    fn byte_index(&mut self, key: Value, len: usize, what: &str) -> PyResult<usize> {
        let i = self.int_to_i64(key).unwrap_or(i64::MAX);
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.err(ExcKind::IndexError, format!("{what} out of range")));
        }
        Ok(j as usize)
    }

    /// The contents of the bytearray `a`, to change.
    pub(crate) fn bytearray_mut(&mut self, a: ObjRef) -> &mut Vec<u8> {
        match self.heap.get_mut(a) {
            Object::ByteArray(b) => b,
            _ => unreachable!("checked to be a bytearray"),
        }
    }

    /// `item in b`: an int byte value or a bytes-like subsequence.
    pub(crate) fn bytes_contains(&mut self, b: Value, item: Value) -> PyResult<bool> {
        let needle = self.subsequence_arg(item, true)?;
        let data = self.bytes_data(b).unwrap_or(&[]);
        Ok(find(data, &needle).is_some())
    }

    /// The needle of `in`, `find`, `count`, `index`: an int (a single byte) or a
    /// bytes-like object.
    pub(crate) fn subsequence_arg(&mut self, v: Value, for_in: bool) -> PyResult<Vec<u8>> {
        if let Some(b) = self.bytes_data(v) {
            return Ok(b.to_vec());
        }
        if self.is_int(v) {
            return Ok(vec![self.byte_arg(v)?]);
        }
        let msg = if for_in {
            format!(
                "a bytes-like object is required, not '{}'",
                self.type_name(v)
            )
        } else {
            format!(
                "argument should be integer or bytes-like object, not '{}'",
                self.type_name(v)
            )
        };
        Err(self.type_error(msg))
    }

    /// `a + b` and `a * n` for bytes and bytearray (`inplace` for `+=`, `*=` of a
    /// bytearray, which change it); `None` when `a` is neither.
    pub(crate) fn bytes_binop(
        &mut self,
        op: u32,
        inplace: bool,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        let Some(left) = self.bytes_data(a).map(<[u8]>::to_vec) else {
            return Ok(None);
        };
        let in_place = inplace && self.is_bytearray(a);
        match op {
            0 => {
                let Some(right) = self.bytes_data(b).map(<[u8]>::to_vec) else {
                    let msg = format!(
                        "can't concat {} to {}",
                        self.type_name(b),
                        self.type_name(a)
                    );
                    return Err(self.type_error(msg));
                };
                if in_place {
                    self.bytearray_mut(self.obj_of(a)).extend(right);
                    return Ok(Some(a));
                }
                Ok(Some(self.bytes_like(a, [left, right].concat())))
            }
            5 => {
                if !self.is_int(b) {
                    let msg = format!(
                        "can't multiply sequence by non-int of type '{}'",
                        self.type_name(b)
                    );
                    return Err(self.type_error(msg));
                }
                let n = self.int_to_i64(b)?.max(0) as usize;
                if left
                    .len()
                    .checked_mul(n)
                    .is_none_or(|n| n > isize::MAX as usize)
                {
                    return Err(self.err(ExcKind::MemoryError, ""));
                }
                let repeated = left.repeat(n);
                if in_place {
                    *self.bytearray_mut(self.obj_of(a)) = repeated;
                    return Ok(Some(a));
                }
                Ok(Some(self.bytes_like(a, repeated)))
            }
            6 => self.bytes_percent(a, b).map(Some),
            _ => Ok(None),
        }
    }

    /// The ordering of two bytes-like values, `None` unless both are.
    pub(crate) fn bytes_cmp(&self, a: Value, b: Value) -> Option<Ordering> {
        Some(self.bytes_data(a)?.cmp(self.bytes_data(b)?))
    }

    /// `repr()` of a bytes or bytearray object.
    pub(crate) fn bytes_repr_of(&self, r: ObjRef) -> String {
        match self.heap.get(r) {
            Object::Bytes(b) => pyc_bytecode::repr::bytes_repr(b),
            Object::ByteArray(b) => {
                // CPython's bytearray repr escapes a single quote even inside double quotes.
                let inner = pyc_bytecode::repr::bytes_repr(b);
                let inner = if inner.starts_with("b\"") {
                    inner.replace('\'', "\\'")
                } else {
                    inner
                };
                format!("bytearray({inner})")
            }
            _ => String::new(),
        }
    }
}

/// The first position of `needle` in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `bytes(source=b'', encoding=..., errors=...)`.
pub(crate) fn bytes_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let data = vm.bytes_source("bytes", &args[1..], kw)?;
    Ok(vm.new_bytes(data))
}

/// `bytearray(source=b'', encoding=..., errors=...)`.
pub(crate) fn bytearray_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let data = vm.bytes_source("bytearray", &args[1..], kw)?;
    Ok(vm.new_bytearray(data))
}

/// Why a bytes `%` conversion could not render its argument.
enum RenderFailure {
    /// `%s`/`%b` of something that is not bytes-like: its type name.
    NotBytes(std::rc::Rc<str>),
    /// `repr()` failed.
    Repr(crate::repr::ReprFailure),
}

impl Vm {
    /// `fmt % args` for a bytes or bytearray `fmt` (CPython's `_PyBytes_FormatEx`): the
    /// str machinery runs over the bytes read as Latin-1, `%s`/`%b` take bytes-like
    /// arguments and `%r`/`%a` give `ascii()` of the repr.
    pub(crate) fn bytes_percent(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        use crate::format::{Conversion, PercentError};
        let operands = self.percent_operands(args);
        let (values, names) = (&operands.values, &operands.names);
        let text: String = self
            .bytes_data(fmt)
            .unwrap_or(&[])
            .iter()
            .map(|&b| char::from(b))
            .collect();
        let result = {
            let pargs = operands.args(self, false);
            crate::format::percent_format(&text, &pargs, |i, conv| match conv {
                Conversion::Str => match self.bytes_data(values[i]) {
                    Some(b) => Ok(b.iter().map(|&b| char::from(b)).collect()),
                    None => Err(RenderFailure::NotBytes(names[i].clone())),
                },
                Conversion::Repr => self
                    .repr_checked(values[i])
                    .map(|r| crate::fmt::ascii_escape(&r))
                    .map_err(RenderFailure::Repr),
            })
        };
        let out = match result {
            Ok(s) => s,
            Err(PercentError::Format(e)) => return Err(self.format_error(e)),
            Err(PercentError::Render(RenderFailure::Repr(f))) => return Err(self.repr_failure(f)),
            Err(PercentError::Render(RenderFailure::NotBytes(name))) => {
                let msg = format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{name}'");
                return Err(self.type_error(msg));
            }
        };
        let mut data = Vec::with_capacity(out.len());
        for c in out.chars() {
            match u8::try_from(u32::from(c)) {
                Ok(b) => data.push(b),
                Err(_) => return Err(self.overflow_error("%c arg not in range(256)")),
            }
        }
        Ok(self.bytes_like(fmt, data))
    }
}
