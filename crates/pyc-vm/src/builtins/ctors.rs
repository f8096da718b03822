//! Constructors of builtin types: what calling `int`, `str`, `list`, `range`, an exception
//! class, ... does. Each receives the class as `args[0]`.

use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};

use super::Kw;
use crate::objects::{IterState, Object};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// Picks one builtin type out of [`crate::types::Types`].
type TypeGetter = fn(&crate::types::Types) -> crate::value::ObjRef;

impl Vm {
    pub(super) fn register_types(&mut self) {
        let pairs: [(TypeGetter, crate::objects::NativeFn); 16] = [
            (|t| t.object, object_new),
            (|t| t.type_, crate::objects::metaclass::type_ctor),
            (|t| t.int, int_new),
            (|t| t.bool, bool_new),
            (|t| t.float, float_new),
            (|t| t.str, str_new),
            (|t| t.tuple, tuple_new),
            (|t| t.list, list_new),
            (|t| t.dict, dict_new),
            (|t| t.set, set_new),
            (|t| t.range, range_new),
            (|t| t.slice, slice_new),
            (|t| t.enumerate, enumerate_new),
            (|t| t.zip, zip_new),
            (|t| t.map, map_new),
            (|t| t.filter, filter_new),
        ];
        for (get, ctor) in pairs {
            let t = get(&self.types);
            self.add_type(t, Some(ctor));
        }
        // `function` is callable (`types.FunctionType`) but not a builtin name.
        let function = self.types.function;
        if let Object::Type(ty) = self.heap.get_mut(function) {
            ty.ctor = Some(crate::objects::function::function_new);
        }
    }
}

/// `ExceptionClass(*args)`.
pub(crate) fn exception_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let class = vm.obj_of(args[0]);
    Ok(Value::Obj(
        vm.new_exception_with_fields(class, args[1..].to_vec()),
    ))
}

/// `object()`: a featureless instance (it has no `__dict__`).
fn object_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("object() takes no arguments"));
    }
    let dict = vm.new_dict();
    let object = vm.types.object;
    Ok(vm.new_instance(object, dict))
}

fn int_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let base_kw = vm.kwarg("int", kw, "base", &["base"])?;
    let args = &args[1..];
    vm.check_arity("int", args, 0, 2)?;
    let Some(&x) = args.first() else {
        return Ok(Value::Int(0));
    };
    let base = args.get(1).copied().or(base_kw);
    if let Some(b) = base {
        let b = vm.int_arg(b)?;
        let Some(s) = vm.as_str(x).map(str::to_string) else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int(vm, &s, b);
    }
    match x {
        Value::Int(_) => Ok(x),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            let t = f.trunc();
            if t.abs() < 9.0e18 {
                Ok(Value::Int(t as i64))
            } else {
                let b = num_traits::FromPrimitive::from_f64(t).unwrap_or_default();
                Ok(vm.int_from_big(b))
            }
        }
        _ if vm.is_int(x) => Ok(x),
        _ => match vm.as_str(x).map(str::to_string) {
            Some(s) => parse_int(vm, &s, 10),
            None => {
                let msg = format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    vm.type_name(x)
                );
                Err(vm.type_error(msg))
            }
        },
    }
}

/// Parses an int literal the way `int(s, base)` does.
fn parse_int(vm: &mut Vm, s: &str, base: i64) -> PyResult<Value> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = |vm: &mut Vm| {
        let msg = format!(
            "invalid literal for int() with base {base}: {}",
            pyc_bytecode::repr::str_repr(s)
        );
        vm.value_error(msg)
    };
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &body[2..]),
        (0 | 8, Some("0o")) => (8, &body[2..]),
        (0 | 2, Some("0b")) => (2, &body[2..]),
        (0, _) => (10, body),
        (b, _) => (b as u32, body),
    };
    let digits = digits.strip_prefix('_').unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
        || (base == 0
            && radix == 10
            && digits.len() > 1
            && digits.starts_with('0')
            && digits.chars().any(|c| c != '0' && c != '_'))
    {
        return Err(invalid(vm));
    }
    if !radix.is_power_of_two() {
        let n = digits
            .chars()
            .filter(|&c| c != '_')
            .take_while(|c| c.is_digit(radix))
            .count();
        let limit = crate::format::int_max_str_digits();
        if limit != 0 && n > limit {
            let msg = format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has \
                 {n} digits; use sys.set_int_max_str_digits() to increase the limit"
            );
            return Err(vm.value_error(msg));
        }
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    match BigInt::from_str_radix(&clean, radix) {
        Ok(n) if !clean.starts_with(['+', '-']) => Ok(vm.int_from_big(if neg { -n } else { n })),
        _ => Err(invalid(vm)),
    }
}

fn bool_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("bool", &args[1..], 0, 1)?;
    match args.get(1) {
        Some(&v) => vm.truth(v).map(Value::Bool),
        None => Ok(Value::Bool(false)),
    }
}

fn float_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("float", &args[1..], 0, 1)?;
    let Some(&x) = args.get(1) else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x),
        _ if vm.is_int(x) => Ok(Value::Float(vm.int_to_f64(x)?)),
        _ => match vm.as_str(x).map(str::to_string) {
            Some(s) => parse_float(&s).map(Value::Float).ok_or_else(|| {
                let msg = format!(
                    "could not convert string to float: {}",
                    pyc_bytecode::repr::str_repr(&s)
                );
                vm.value_error(msg)
            }),
            None => {
                let msg = format!(
                    "float() argument must be a string or a real number, not '{}'",
                    vm.type_name(x)
                );
                Err(vm.type_error(msg))
            }
        },
    }
}

/// Parses a float literal as `float(s)` does.
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let (sign, body) = match t.strip_prefix('-') {
        Some(b) => (-1.0, b),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty()
        || body.starts_with('_')
        || body.ends_with('_')
        || body.contains("__")
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || "._eE+-".contains(c))
    {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok().map(|f| sign * f)
}

fn str_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    const NAMES: &[&str] = &["object", "encoding", "errors"];
    vm.check_arg_count("str", &args[1..], 0, 3)?;
    let named = vm.kwarg("str", kw, "object", NAMES)?;
    if named.is_some() && args.len() > 1 {
        let msg = "argument for str() given by name ('object') and position (1)";
        return Err(vm.type_error(msg));
    }
    let decoding = args.len() > 2 || kw.iter().any(|(k, _)| &**k != "object");
    match (args.get(1).copied().or(named), decoding) {
        (Some(v), false) => vm.str_value_of(v),
        (Some(v), true) if vm.bytes_data(v).is_some() => {
            let given = |i: usize, name: &str| {
                args.get(i + 1)
                    .copied()
                    .or_else(|| kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| *v))
            };
            let encoding = match given(1, "encoding") {
                Some(e) => vm.str_arg(e, "str() argument 'encoding'")?,
                None => "utf-8".to_string(),
            };
            let errors = match given(2, "errors") {
                Some(e) => vm.str_arg(e, "str() argument 'errors'")?,
                None => "strict".to_string(),
            };
            let data = vm.bytes_data(v).unwrap_or(&[]).to_vec();
            let text = vm.decode_bytes(&data, &encoding, &errors)?;
            Ok(vm.new_str(text))
        }
        (Some(v), true) => {
            let msg = match vm.as_str(v) {
                Some(_) => "decoding str is not supported".to_string(),
                None => format!(
                    "decoding to str: need a bytes-like object, {} found",
                    vm.type_name(v)
                ),
            };
            Err(vm.type_error(msg))
        }
        (None, _) => Ok(vm.new_str("")),
    }
}

fn tuple_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("tuple", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(&v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    Ok(vm.new_tuple(items))
}

fn list_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("list", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(&v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

fn dict_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.check_arity("dict", &args[1..], 0, 1)?;
    let d = vm.new_dict();
    fill_dict(vm, d, args.get(1).copied(), kw)?;
    Ok(Value::Obj(d))
}

/// `dict.update(other, **kw)` semantics: a mapping or an iterable of pairs, then keywords.
pub(crate) fn fill_dict(
    vm: &mut Vm,
    d: crate::value::ObjRef,
    src: Option<Value>,
    kw: &Kw,
) -> PyResult<()> {
    if let Some(src) = src {
        let is_dict = src
            .as_obj()
            .is_some_and(|r| matches!(vm.heap.get(r), Object::Dict(_)));
        // Anything with a `keys` method is taken as a mapping, as CPython does.
        if is_dict || (vm.is_user_value(src) && vm.get_attr(src, "keys").is_ok()) {
            vm.dict_update(Value::Obj(d), src, None)?;
        } else {
            for (i, item) in vm.collect_iterable(src)?.into_iter().enumerate() {
                let pair = match vm.seq_items(item) {
                    Some(p) if p.len() == 2 => (p[0], p[1]),
                    Some(p) => {
                        let msg = format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            p.len()
                        );
                        return Err(vm.value_error(msg));
                    }
                    None => {
                        let msg = format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        );
                        return Err(vm.type_error(msg));
                    }
                };
                vm.dict_set(d, pair.0, pair.1)?;
            }
        }
    }
    for (k, v) in kw {
        vm.dict_set_str(d, k, *v);
    }
    Ok(())
}

fn set_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("set", &args[1..], 0, 1)?;
    let s = Value::Obj(vm.new_set());
    if let Some(&it) = args.get(1) {
        vm.set_update(s, it)?;
    }
    Ok(s)
}

fn range_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let args = &args[1..];
    if args.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    vm.check_arity("range", args, 1, 3)?;
    let mut n = [0i64; 3];
    for (i, &a) in args.iter().enumerate() {
        n[i] = vm.int_arg(a)?;
    }
    let (start, stop, step) = match args.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        _ => (n[0], n[1], n[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(vm.alloc(Object::Range(start, stop, step))))
}

fn slice_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let args = &args[1..];
    vm.check_arity("slice", args, 1, 3)?;
    let (a, b, c) = match args.len() {
        1 => (Value::None, args[0], Value::None),
        2 => (args[0], args[1], Value::None),
        _ => (args[0], args[1], args[2]),
    };
    Ok(Value::Obj(vm.alloc(Object::Slice(Box::new([a, b, c])))))
}

fn new_iter(vm: &mut Vm, state: IterState) -> Value {
    Value::Obj(vm.alloc(Object::Iter(Box::new(state))))
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let start_kw = vm.kwarg("enumerate", kw, "start", &["start", "iterable"])?;
    let args = &args[1..];
    vm.check_arity("enumerate", args, 1, 2)?;
    let it = vm.get_iter(args[0])?;
    let start = match args.get(1).copied().or(start_kw) {
        Some(s) => vm.int_arg(s)?,
        None => 0,
    };
    Ok(new_iter(vm, IterState::Enumerate(it, start)))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.kwarg("zip", kw, "strict", &["strict"])?;
    let mut its = Vec::new();
    for &a in &args[1..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(new_iter(vm, IterState::Zip(its)))
}

fn map_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for &a in &args[2..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(new_iter(vm, IterState::Map(args[1], its)))
}

fn filter_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let args = &args[1..];
    if args.len() != 2 {
        let msg = format!("filter expected 2 arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    let it = vm.get_iter(args[1])?;
    Ok(new_iter(vm, IterState::Filter(args[0], it)))
}

/// `round(x, n)` for an int `x` and negative `n`.
pub(super) fn round_int(vm: &mut Vm, x: Value, n: i64) -> PyResult<Value> {
    if n >= 0 {
        return Ok(x);
    }
    let v = vm.to_bigint(x).unwrap_or_default();
    let p = num_traits::pow(BigInt::from(10), (-n).to_usize().unwrap_or(0).min(4000));
    let half = &p / 2;
    let q = num_integer::Integer::div_floor(&v, &p);
    let r = &v - &q * &p;
    let q = if r > half || (r == half && num_integer::Integer::is_odd(&q)) {
        q + 1
    } else {
        q
    };
    Ok(vm.int_from_big(q * p))
}
