//! Methods of `list` and `tuple`.

use crate::builtins::Kw;
use crate::objects::descr::{MethodDef, Params};
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// `list` methods.
pub const METHODS: &[MethodDef] = &[
    ("append", append, Params::One),
    ("extend", extend, Params::One),
    ("pop", pop, Params::Positional),
    ("insert", insert, Params::Positional),
    ("remove", remove, Params::One),
    ("index", index, Params::Positional),
    ("count", count, Params::One),
    ("sort", sort, Params::Keywords),
    ("reverse", reverse, Params::NoArgs),
    ("copy", copy, Params::NoArgs),
    ("clear", clear, Params::NoArgs),
];

/// `tuple` methods.
pub const TUPLE_METHODS: &[MethodDef] = &[
    ("index", index, Params::Positional),
    ("count", count, Params::One),
];

/// The list `args[0]` (the descriptor call checked the receiver).
fn this(vm: &Vm, args: &[Value]) -> ObjRef {
    vm.obj_of(args[0])
}

fn items_mut(vm: &mut Vm, r: ObjRef) -> &mut Vec<Value> {
    match vm.heap.get_mut(r) {
        Object::List(items) => items,
        _ => unreachable!("list method on a non-list"),
    }
}

fn append(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let r = this(vm, args);
    items_mut(vm, r).push(args[1]);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let r = this(vm, args);
    vm.list_extend(r, args[1])?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("pop", &args[1..], 0, 1)?;
    let r = this(vm, args);
    let len = items_mut(vm, r).len() as i64;
    if len == 0 {
        return Err(vm.err(
            crate::exceptions::ExcKind::IndexError,
            "pop from empty list",
        ));
    }
    let i = match args.get(1) {
        Some(&v) => vm.int_arg(v)?,
        None => -1,
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.err(
            crate::exceptions::ExcKind::IndexError,
            "pop index out of range",
        ));
    }
    Ok(items_mut(vm, r).remove(j as usize))
}

fn insert(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("insert", &args[1..], 2, 2)?;
    let r = this(vm, args);
    let i = vm.int_arg(args[1])?;
    let items = items_mut(vm, r);
    let len = items.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(j as usize, args[2]);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let r = this(vm, args);
    match vm.seq_position(args[0], args[1], 0, usize::MAX)? {
        Some(p) => {
            items_mut(vm, r).remove(p);
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn index(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("index", &args[1..], 1, 3)?;
    let len = vm.seq_items(args[0]).map_or(0, <[Value]>::len) as i64;
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let start = match args.get(2) {
        Some(&v) => norm(vm.int_arg(v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&v) => norm(vm.int_arg(v)?),
        None => len as usize,
    };
    if let Some(i) = vm.seq_position(args[0], args[1], start, stop)? {
        return Ok(Value::Int(i as i64));
    }
    let is_list = matches!(vm.heap.get(this(vm, args)), Object::List(_));
    let msg = if is_list {
        format!("{} is not in list", vm.repr(args[1]))
    } else {
        "tuple.index(x): x not in tuple".to_string()
    };
    Err(vm.value_error(msg))
}

fn count(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let mut n = 0;
    let mut i = 0;
    while let Some(x) = vm.seq_items(args[0]).and_then(|s| s.get(i).copied()) {
        if vm.same_or_eq(x, args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let key = vm.kwarg("sort", kw, "key", &["key", "reverse"])?;
    let reverse = vm
        .kwarg("sort", kw, "reverse", &["key", "reverse"])?
        .is_some_and(|r| vm.is_true(r));
    let r = this(vm, args);
    let mut items = std::mem::take(items_mut(vm, r));
    let original = items.clone();
    let result = vm.sort_values(&mut items, key, reverse);
    *items_mut(vm, r) = if result.is_ok() { items } else { original };
    result.map(|()| Value::None)
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let r = this(vm, args);
    items_mut(vm, r).reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let items = vm
        .seq_items(args[0])
        .map(<[Value]>::to_vec)
        .unwrap_or_default();
    Ok(vm.new_list(items))
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let r = this(vm, args);
    items_mut(vm, r).clear();
    Ok(Value::None)
}
