//! `_warnings`: what `warnings` (`lib/warnings.py`) needs from the host: writing to the
//! process's standard error while `sys` has no `stderr` stream.

use pyc_vm::{Kw, ObjRef, PyResult, Value, Vm};

/// Fills the `_warnings` module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    vm.module_add_function(module, "write_stderr", write_stderr, false);
    Ok(())
}

/// `write_stderr(text)`: writes `text` to standard error.
fn write_stderr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("write_stderr", args, 1, 1)?;
    let text = vm.str_arg(args[0], "write_stderr() argument")?;
    eprint!("{text}");
    Ok(Value::None)
}
