//! `_weakref`: weak reference handles, under `weakref.ref` (`lib/weakref.py`).

use pyc_vm::{Kw, ObjRef, PyResult, Value, Vm};

/// Fills the `_weakref` module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    vm.module_add_function(module, "new", new, false);
    vm.module_add_function(module, "target", target, false);
    vm.module_add_function(module, "referrers", referrers, false);
    Ok(())
}

/// `new(obj, callback, arg)`: a handle to `obj`; `callback(arg)` runs once `obj` died.
fn new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("new", args, 3, 3)?;
    vm.new_weakref(args[0], args[1], args[2])
}

/// `target(handle)`: the referent, or `None` once it died.
fn target(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("target", args, 1, 1)?;
    vm.weakref_target(args[0])
}

/// `referrers(obj)`: the `arg`s of the live handles to `obj`.
fn referrers(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("referrers", args, 1, 1)?;
    let items = vm.weak_referrers(args[0]);
    Ok(vm.new_list(items))
}
