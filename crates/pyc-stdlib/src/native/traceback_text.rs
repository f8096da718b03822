//! `_traceback_text`: the VM's rendering of exceptions, for the Python `traceback`
//! module, so that `traceback.format_exception` prints exactly what an uncaught
//! exception prints (source lines and position markers included).

use std::rc::Rc;

use pyc_vm::{ObjRef, PyResult, TracebackFilter, Value, Vm};

/// Fills the module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    vm.module_add_function(module, "format_exception", format_exception, false);
    Ok(())
}

/// `format_exception(exc, hidden_key=None, trailing_class=None)`: the report of `exc`
/// and its chain as one str, leaving out the frames whose globals hold `hidden_key` at
/// the start of each traceback (and at its end for exceptions of `trailing_class`).
fn format_exception(vm: &mut Vm, args: &[Value], _kw: &[(Rc<str>, Value)]) -> PyResult<Value> {
    vm.check_arity("format_exception", args, 1, 3)?;
    let Some(exc) = vm.as_exception(args[0]) else {
        return Err(vm.type_error("format_exception() argument must be an exception"));
    };
    let key = args.get(1).and_then(|&k| vm.as_str(k)).map(str::to_string);
    let filter = key.map(|key| TracebackFilter {
        key,
        trailing_class: args.get(2).and_then(|v| v.as_obj()),
    });
    let text = vm.format_exception(exc, filter.as_ref());
    Ok(vm.new_str(text))
}
