//! `atexit`: functions to run as the program ends. The callbacks live in the VM
//! ([`Vm::add_exit_hook`]), which runs them, the last registered first, after the main
//! program (and an uncaught exception's traceback).

use pyc_vm::{Kw, ObjRef, PyResult, Value, Vm};

/// Fills the `atexit` module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    vm.module_add_function(module, "register", register, true);
    vm.module_add_function(module, "unregister", unregister, false);
    vm.module_add_function(module, "_run_exitfuncs", run_exitfuncs, false);
    vm.module_add_function(module, "_clear", clear, false);
    vm.module_add_function(module, "_ncallbacks", ncallbacks, false);
    Ok(())
}

/// `register(func, *args, **kwargs)`: returns `func`, so it works as a decorator.
fn register(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let Some(&func) = args.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !vm.is_callable(func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let rest = vm.new_tuple(args[1..].to_vec());
    let kwargs = if kw.is_empty() {
        Value::None
    } else {
        let d = vm.new_dict();
        for (k, v) in kw {
            vm.dict_set_str(d, k, *v);
        }
        Value::Obj(d)
    };
    vm.add_exit_hook(func, rest, kwargs);
    Ok(func)
}

/// `unregister(func)`: forgets every registration of `func`.
fn unregister(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("unregister", args, 1, 1)?;
    vm.remove_exit_hooks(args[0])?;
    Ok(Value::None)
}

/// `_run_exitfuncs()`: runs (and forgets) the callbacks now.
fn run_exitfuncs(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("_run_exitfuncs", args, 0, 0)?;
    vm.run_exit_hooks();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("_clear", args, 0, 0)?;
    vm.clear_exit_hooks();
    Ok(Value::None)
}

fn ncallbacks(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("_ncallbacks", args, 0, 0)?;
    Ok(Value::Int(vm.exit_hook_count() as i64))
}
