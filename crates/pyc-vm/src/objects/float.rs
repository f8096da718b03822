//! Methods and attributes of `float` (its arithmetic lives in [`crate::ops`]).

use crate::builtins::Kw;
use crate::objects::descr::{AttrDef, MethodDef, Params};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// `float` methods.
pub const METHODS: &[MethodDef] = &[
    ("is_integer", is_integer, Params::NoArgs),
    ("conjugate", conjugate, Params::NoArgs),
];

/// `float` attributes.
pub const ATTRS: &[AttrDef] = &[("real", real, None), ("imag", imag, None)];

fn is_integer(_vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let Value::Float(x) = args[0] else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

fn conjugate(_vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    Ok(args[0])
}

fn real(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::Float(0.0))
}
