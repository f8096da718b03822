//! Argument conversions shared by the native modules.

use pyc_vm::{PyResult, Value, Vm};

/// A number argument (int, bool or float) as `f64`; `TypeError` with CPython's message
/// for anything else.
pub(crate) fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f),
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(b))),
        _ if vm.is_int(v) => vm.int_to_f64(v),
        _ => {
            let msg = format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            );
            Err(vm.type_error(msg))
        }
    }
}

/// A path argument: the text of a str, or `TypeError` as `os` functions raise it.
pub(crate) fn path_arg(vm: &mut Vm, fname: &str, v: Value) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let msg = format!(
                "{fname}: path should be string, bytes or os.PathLike, not {}",
                vm.type_name(v)
            );
            Err(vm.type_error(msg))
        }
    }
}

/// A str list value.
pub(crate) fn str_list(vm: &mut Vm, items: impl IntoIterator<Item = String>) -> Value {
    let items = items.into_iter().map(|s| vm.new_str(s)).collect();
    vm.new_list(items)
}
