//! The builtin functions: `print`, `len`, `min`, `sorted`, `isinstance`, ...

use num_traits::{Signed, Zero};

use super::ctors::round_int;
use super::Kw;
use crate::exceptions::ExcKind;
use crate::objects::{IterState, Object};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    pub(super) fn register_functions(&mut self) {
        let table: &[(&'static str, crate::objects::NativeFn, bool)] = &[
            ("print", crate::console::print, true),
            ("input", crate::console::input, false),
            ("len", len, false),
            ("repr", repr, false),
            ("ascii", ascii, false),
            ("id", id, false),
            ("hash", hash, false),
            ("callable", callable, false),
            ("isinstance", isinstance, false),
            ("issubclass", issubclass, false),
            ("abs", abs, false),
            ("round", round, true),
            ("divmod", divmod, false),
            ("pow", pow, false),
            ("min", min, true),
            ("max", max, true),
            ("sum", sum, true),
            ("sorted", sorted, true),
            ("reversed", reversed, false),
            ("any", any, false),
            ("all", all, false),
            ("iter", iter, false),
            ("next", next, false),
            ("chr", chr, false),
            ("ord", ord, false),
            ("format", format, false),
            ("hex", hex, false),
            ("bin", bin, false),
            ("oct", oct, false),
            ("getattr", getattr, false),
            ("setattr", setattr, false),
            ("delattr", delattr, false),
            ("hasattr", hasattr, false),
            ("exit", exit, true),
            ("quit", exit, true),
        ];
        for &(name, f, kw) in table {
            self.add_function(name, f, kw);
        }
    }

    /// `len(v)`.
    pub(crate) fn len_of(&mut self, v: Value) -> PyResult<usize> {
        if let Value::Obj(r) = v {
            let n = match self.heap.get(r) {
                Object::Str(s) => Some(s.nchars),
                Object::Bytes(b) => Some(b.len()),
                Object::ByteArray(b) => Some(b.len()),
                Object::Tuple(t) => Some(t.len()),
                Object::List(l) => Some(l.len()),
                Object::Dict(d) | Object::Set(d) => Some(d.len()),
                Object::DictView(_, d) => Some(self.dict_len(*d)),
                &Object::Range(a, b, c) => Some(crate::ops::range_len(a, b, c) as usize),
                _ => None,
            };
            if let Some(n) = n {
                return Ok(n);
            }
        }
        if let Some(n) = self.user_len(v)? {
            return Ok(n);
        }
        let msg = format!("object of type '{}' has no len()", self.type_name(v));
        Err(self.type_error(msg))
    }

    /// Sorts values in place (stable merge sort), comparing `keys` with `<`.
    pub(crate) fn sort_values(
        &mut self,
        items: &mut Vec<Value>,
        key: Option<Value>,
        reverse: bool,
    ) -> PyResult<()> {
        let keys = match key {
            Some(f) if !matches!(f, Value::None) => {
                let mut keys = Vec::with_capacity(items.len());
                for &item in items.iter() {
                    keys.push(self.call_value(f, &[item])?);
                }
                keys
            }
            _ => items.clone(),
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        if reverse {
            order.reverse();
        }
        let sorted = self.merge_sort(&order, &keys)?;
        let mut out: Vec<Value> = sorted.iter().map(|&i| items[i]).collect();
        if reverse {
            out.reverse();
        }
        *items = out;
        Ok(())
    }

    fn merge_sort(&mut self, idx: &[usize], keys: &[Value]) -> PyResult<Vec<usize>> {
        if idx.len() <= 1 {
            return Ok(idx.to_vec());
        }
        let mid = idx.len() / 2;
        let left = self.merge_sort(&idx[..mid], keys)?;
        let right = self.merge_sort(&idx[mid..], keys)?;
        let mut out = Vec::with_capacity(idx.len());
        let (mut i, mut j) = (0, 0);
        while i < left.len() && j < right.len() {
            if self.lt(keys[right[j]], keys[left[i]])? {
                out.push(right[j]);
                j += 1;
            } else {
                out.push(left[i]);
                i += 1;
            }
        }
        out.extend_from_slice(&left[i..]);
        out.extend_from_slice(&right[j..]);
        Ok(out)
    }
}

fn len(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("len", args, 1, 1)?;
    Ok(Value::Int(vm.len_of(args[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("repr", args, 1, 1)?;
    let s = vm.repr_of(args[0])?;
    Ok(vm.new_str(s))
}

fn ascii(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("ascii", args, 1, 1)?;
    let s = crate::fmt::ascii_escape(&vm.repr_of(args[0])?);
    Ok(vm.new_str(s))
}

fn id(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("id", args, 1, 1)?;
    Ok(Value::Int(vm.id_of(args[0]) as i64))
}

fn hash(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("hash", args, 1, 1)?;
    Ok(Value::Int(vm.py_hash(args[0])?))
}

fn callable(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("callable", args, 1, 1)?;
    Ok(Value::Bool(vm.is_callable(args[0])))
}

impl Vm {
    /// `callable(v)`.
    pub fn is_callable(&self, v: Value) -> bool {
        v.as_obj().is_some_and(|r| {
            matches!(
                self.heap.get(r),
                Object::Function(_)
                    | Object::Builtin(_)
                    | Object::Method(..)
                    | Object::Type(_)
                    | Object::BuildClass
                    | Object::StaticMethod(_)
            ) || self.descr(v).is_some_and(|d| !d.is_attr())
        }) || (self.is_user_value(v) && self.lookup_in_type(self.type_of(v), "__call__").is_some())
    }
}

/// The classes of `isinstance`'s second argument (a class or a tuple of classes).
fn class_list(vm: &mut Vm, t: Value, fname: &str) -> PyResult<Vec<crate::value::ObjRef>> {
    let items = match vm
        .seq_items(t)
        .filter(|_| matches!(vm.heap.get(vm.obj_of(t)), Object::Tuple(_)))
    {
        Some(items) => items.to_vec(),
        None => vec![t],
    };
    let mut out = Vec::new();
    for c in items {
        match c
            .as_obj()
            .filter(|r| matches!(vm.heap.get(*r), Object::Type(_)))
        {
            Some(r) => out.push(r),
            None => {
                let msg = format!("{fname}() arg 2 must be a type, a tuple of types, or a union");
                return Err(vm.type_error(msg));
            }
        }
    }
    Ok(out)
}

fn isinstance(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("isinstance", args, 2, 2)?;
    let classes = class_list(vm, args[1], "isinstance")?;
    Ok(Value::Bool(
        classes.iter().any(|&c| vm.is_instance(args[0], c)),
    ))
}

fn issubclass(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("issubclass", args, 2, 2)?;
    let Some(t) = args[0]
        .as_obj()
        .filter(|r| matches!(vm.heap.get(*r), Object::Type(_)))
    else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let classes = class_list(vm, args[1], "issubclass")?;
    Ok(Value::Bool(classes.iter().any(|&c| vm.is_subclass(t, c))))
}

fn abs(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("abs", args, 1, 1)?;
    match args[0] {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Int(i) if i != i64::MIN => Ok(Value::Int(i.abs())),
        v if vm.is_int(v) => {
            let b = vm.to_bigint(v).unwrap_or_default().abs();
            Ok(vm.int_from_big(b))
        }
        v => {
            let msg = format!("bad operand type for abs(): '{}'", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn round(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let nd_kw = vm.kwarg("round", kw, "ndigits", &["ndigits", "number"])?;
    vm.check_arity("round", args, 1, 2)?;
    let nd = args
        .get(1)
        .copied()
        .or(nd_kw)
        .filter(|v| !matches!(v, Value::None));
    match args[0] {
        Value::Float(f) => match nd {
            None => {
                let r = crate::format::round_float(f, 0).map_err(|e| vm.format_error(e))?;
                if r.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if r.is_infinite() {
                    return Err(vm.overflow_error("cannot convert float infinity to integer"));
                }
                let b = num_traits::FromPrimitive::from_f64(r).unwrap_or_default();
                Ok(vm.int_from_big(b))
            }
            Some(n) => {
                let n = vm.int_arg(n)?;
                let r = crate::format::round_float(f, n).map_err(|e| vm.format_error(e))?;
                Ok(Value::Float(r))
            }
        },
        v if vm.is_int(v) => {
            let n = match nd {
                Some(n) => vm.int_arg(n)?,
                None => 0,
            };
            let v = if let Value::Bool(b) = v {
                Value::Int(b as i64)
            } else {
                v
            };
            round_int(vm, v, n)
        }
        v => {
            let msg = format!("type {} doesn't define __round__ method", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn divmod(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("divmod", args, 2, 2)?;
    let q = vm
        .binary_op(2, args[0], args[1])
        .map_err(|e| fix_divmod_msg(vm, e, args))?;
    let r = vm.binary_op(6, args[0], args[1])?;
    Ok(vm.new_tuple(vec![q, r]))
}

/// `divmod` names itself in unsupported-operand errors and float division by zero.
fn fix_divmod_msg(vm: &mut Vm, e: crate::value::ObjRef, args: &[Value]) -> crate::value::ObjRef {
    let text = vm.exception_str(e);
    if text == "float floor division by zero" {
        return vm.zero_division("float divmod()");
    }
    if text.starts_with("unsupported operand type(s) for //") {
        let msg = format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(args[0]),
            vm.type_name(args[1])
        );
        return vm.type_error(msg);
    }
    e
}

fn pow(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("pow", args, 2, 3)?;
    if let Some(&m) = args.get(2).filter(|v| !matches!(v, Value::None)) {
        let (b, e, m) = (
            vm.to_bigint(args[0]),
            vm.to_bigint(args[1]),
            vm.to_bigint(m),
        );
        let (Some(b), Some(e), Some(m)) = (b, e, m) else {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        };
        if m.is_zero() {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        if e.is_negative() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        let r = b.modpow(&e, &m);
        let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
            r + m
        } else {
            r
        };
        return Ok(vm.int_from_big(r));
    }
    vm.binary_op(8, args[0], args[1])
}

/// Shared body of `min` and `max`.
fn min_max(vm: &mut Vm, args: &[Value], kw: &Kw, name: &str, want_less: bool) -> PyResult<Value> {
    let key = vm
        .kwarg(name, kw, "key", &["key", "default"])?
        .filter(|k| !matches!(k, Value::None));
    let default = vm.kwarg(name, kw, "default", &["key", "default"])?;
    let items = match args.len() {
        0 => {
            let msg = format!("{name} expected at least 1 argument, got 0");
            return Err(vm.type_error(msg));
        }
        1 => vm.collect_iterable(args[0])?,
        _ => {
            if default.is_some() {
                let msg = format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                );
                return Err(vm.type_error(msg));
            }
            args.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0];
    let mut best_key = match key {
        Some(f) => vm.call_value(f, &[best])?,
        None => best,
    };
    for &item in &items[1..] {
        let k = match key {
            Some(f) => vm.call_value(f, &[item])?,
            None => item,
        };
        let better = if want_less {
            vm.lt(k, best_key)?
        } else {
            vm.lt(best_key, k)?
        };
        if better {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    min_max(vm, args, kw, "min", true)
}

fn max(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    min_max(vm, args, kw, "max", false)
}

fn sum(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let start_kw = vm.kwarg("sum", kw, "start", &["start"])?;
    vm.check_arity("sum", args, 1, 2)?;
    let mut acc = args.get(1).copied().or(start_kw).unwrap_or(Value::Int(0));
    if vm.as_str(acc).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.get_iter(args[0])?;
    while let Some(item) = vm.iter_next(it)? {
        acc = match (acc, item) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(b).is_some() => Value::Int(a + b),
            _ => vm.binary_op(0, acc, item)?,
        };
    }
    Ok(acc)
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    // CPython's sorted() hands its keywords to list.sort(), which names itself.
    let key = vm.kwarg("sort", kw, "key", &["key", "reverse"])?;
    let reverse = vm.kwarg("sort", kw, "reverse", &["key", "reverse"])?;
    if args.len() != 1 {
        let msg = format!("sorted expected 1 argument, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    let mut items = vm.collect_iterable(args[0])?;
    let reverse = reverse.is_some_and(|r| vm.is_true(r));
    vm.sort_values(&mut items, key, reverse)?;
    Ok(vm.new_list(items))
}

fn reversed(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("reversed", args, 1, 1)?;
    let v = args[0];
    let state = match v.as_obj().map(|r| (r, vm.heap.get(r))) {
        Some((r, Object::List(l))) => IterState::Reversed(r, l.len()),
        Some((r, Object::Tuple(t))) => IterState::Reversed(r, t.len()),
        Some((
            _,
            Object::Str(_)
            | Object::Range(..)
            | Object::Dict(_)
            | Object::Bytes(_)
            | Object::ByteArray(_),
        )) => {
            // A tuple of the items, read backwards like any other.
            let items = vm.collect_iterable(v)?;
            let t = vm.new_tuple(items);
            let n = vm.len_of(t)?;
            IterState::Reversed(vm.obj_of(t), n)
        }
        _ => {
            let msg = format!("'{}' object is not reversible", vm.type_name(v));
            return Err(vm.type_error(msg));
        }
    };
    Ok(Value::Obj(vm.alloc(Object::Iter(Box::new(state)))))
}

fn any(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("any", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    while let Some(v) = vm.iter_next(it)? {
        if vm.truth(v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("all", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    while let Some(v) = vm.iter_next(it)? {
        if !vm.truth(v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("iter", args, 1, 1)?;
    vm.get_iter(args[0])
}

fn next(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("next", args, 1, 2)?;
    let gen = vm
        .as_generator(args[0])
        .or_else(|| vm.as_coro_wrapper(args[0]));
    if let (Some(g), None) = (gen, args.get(1)) {
        return vm.gen_send(g, Value::None);
    }
    match vm.iter_next(args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(vm.stop_iteration()),
        },
    }
}

fn chr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("chr", args, 1, 1)?;
    let n = vm.int_arg(args[0])?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(vm.new_str(c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("ord", args, 1, 1)?;
    let Some(s) = vm.as_str(args[0]) else {
        let msg = format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(args[0])
        );
        return Err(vm.type_error(msg));
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Value::Int(c as i64)),
        _ => {
            let msg = format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            );
            Err(vm.type_error(msg))
        }
    }
}

fn format(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(&s) => vm.str_arg(s, "format() argument 2")?,
        None => String::new(),
    };
    let s = vm.format_spec(args[0], &spec)?;
    Ok(vm.new_str(s))
}

fn radix(vm: &mut Vm, args: &[Value], name: &str, spec: &str) -> PyResult<Value> {
    vm.check_arity(name, args, 1, 1)?;
    if !vm.is_int(args[0]) {
        let msg = format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(args[0])
        );
        return Err(vm.type_error(msg));
    }
    let s = vm.format_spec(args[0], spec)?;
    Ok(vm.new_str(s))
}

fn hex(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    radix(vm, args, "hex", "#x")
}

fn bin(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    radix(vm, args, "bin", "#b")
}

fn oct(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    radix(vm, args, "oct", "#o")
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("getattr", args, 2, 3)?;
    let name = vm.attr_name_arg(args[1])?;
    match vm.get_attr(args[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.exc_matches(e, vm.exc_class(ExcKind::AttributeError)) => {
            Ok(args[2])
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("setattr", args, 3, 3)?;
    let name = vm.attr_name_arg(args[1])?;
    vm.set_attr(args[0], &name, args[2])?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("delattr", args, 2, 2)?;
    let name = vm.attr_name_arg(args[1])?;
    vm.del_attr(args[0], &name)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("hasattr", args, 2, 2)?;
    let name = vm.attr_name_arg(args[1])?;
    match vm.get_attr(args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.exc_matches(e, vm.exc_class(ExcKind::AttributeError)) => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

/// `exit(code=None)` and `quit(code=None)` (the callables CPython's `site` adds, with
/// their `Quitter.__call__` messages): raise `SystemExit(code)`.
fn exit(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    const CALL: &str = "Quitter.__call__()";
    if args.len() > 1 {
        let msg = format!(
            "{CALL} takes from 1 to 2 positional arguments but {} were given",
            args.len() + 1
        );
        return Err(vm.type_error(msg));
    }
    let mut code = args.first().copied();
    for (name, v) in kw {
        let msg = match (&**name, code) {
            ("code", None) => {
                code = Some(*v);
                continue;
            }
            ("code", Some(_)) => format!("{CALL} got multiple values for argument 'code'"),
            (other, _) => format!("{CALL} got an unexpected keyword argument '{other}'"),
        };
        return Err(vm.type_error(msg));
    }
    let class = vm.exc_class(crate::exceptions::ExcKind::SystemExit);
    Err(vm.new_exception(class, vec![code.unwrap_or(Value::None)]))
}
