//! Methods and attributes of `range` and `slice`.

use crate::builtins::Kw;
use crate::objects::descr::{AttrDef, MethodDef, Params};
use crate::objects::Object;
use crate::ops::range_len;
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// `range` methods.
pub const RANGE_METHODS: &[MethodDef] =
    &[("index", index, Params::One), ("count", count, Params::One)];

/// `range` members.
pub const RANGE_MEMBERS: &[AttrDef] = &[
    ("start", range_start, None),
    ("stop", range_stop, None),
    ("step", range_step, None),
];

/// `slice` members.
pub const SLICE_MEMBERS: &[AttrDef] = &[
    ("start", slice_start, None),
    ("stop", slice_stop, None),
    ("step", slice_step, None),
];

/// `(start, stop, step)` of the range `v`.
fn parts(vm: &Vm, v: Value) -> (i64, i64, i64) {
    match *vm.heap.get(vm.obj_of(v)) {
        Object::Range(start, stop, step) => (start, stop, step),
        _ => unreachable!("range attribute of a non-range"),
    }
}

/// Where the int `x` is in the range, if it is there.
fn position_of_int(range: (i64, i64, i64), x: i64) -> Option<i64> {
    let (start, stop, step) = range;
    let offset = i128::from(x) - i128::from(start);
    let index = offset / i128::from(step);
    let hit = offset % i128::from(step) == 0
        && (0..i128::from(range_len(start, stop, step))).contains(&index);
    hit.then_some(index as i64)
}

/// Where `x` is in the range: ints by arithmetic, anything else by comparing each item
/// with it (which may call `__eq__`). `Err(is_int)` when it is not there.
fn position(vm: &mut Vm, range: (i64, i64, i64), x: Value) -> PyResult<Result<i64, bool>> {
    Ok(match x {
        Value::Int(i) => position_of_int(range, i).ok_or(true),
        Value::Bool(b) => position_of_int(range, i64::from(b)).ok_or(true),
        _ if vm.is_int(x) => Err(true),
        _ => {
            let (start, stop, step) = range;
            for k in 0..range_len(start, stop, step) {
                if vm.same_or_eq(Value::Int(start + k * step), x)? {
                    return Ok(Ok(k));
                }
            }
            Err(false)
        }
    })
}

/// `range.index(x)`.
fn index(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let range = parts(vm, args[0]);
    match position(vm, range, args[1])? {
        Ok(i) => Ok(Value::Int(i)),
        Err(true) => {
            let msg = format!("{} is not in range", vm.repr(args[1]));
            Err(vm.value_error(msg))
        }
        Err(false) => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

/// `range.count(x)`.
fn count(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let range = parts(vm, args[0]);
    let x = args[1];
    if vm.is_int(x) {
        return Ok(Value::Int(i64::from(position(vm, range, x)?.is_ok())));
    }
    let (start, stop, step) = range;
    let mut n = 0;
    for k in 0..range_len(start, stop, step) {
        if vm.same_or_eq(Value::Int(start + k * step), x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn range_start(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Int(parts(vm, v).0))
}

fn range_stop(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Int(parts(vm, v).1))
}

fn range_step(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Int(parts(vm, v).2))
}

/// Part `i` (start, stop, step) of the slice `v`.
fn slice_part(vm: &Vm, v: Value, i: usize) -> Value {
    match vm.heap.get(vm.obj_of(v)) {
        Object::Slice(parts) => parts[i],
        _ => unreachable!("slice attribute of a non-slice"),
    }
}

fn slice_start(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(slice_part(vm, v, 0))
}

fn slice_stop(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(slice_part(vm, v, 1))
}

fn slice_step(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(slice_part(vm, v, 2))
}
