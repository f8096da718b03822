//! `_gc`: the VM's collector as the `gc` module (`lib/gc.py`) sees it.

use pyc_vm::{Kw, ObjRef, PyResult, Value, Vm};

/// Fills the `_gc` module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    let functions: &[(&'static str, pyc_vm::NativeFn)] = &[
        ("collect", collect),
        ("set_automatic", set_automatic),
        ("count", count),
        ("referents", referents),
        ("referrers", referrers),
        ("is_tracked", is_tracked),
    ];
    for &(name, f) in functions {
        vm.module_add_function(module, name, f, false);
    }
    Ok(())
}

/// `collect()`: a full collection, then the weak reference callbacks it made due;
/// returns the number of objects freed.
fn collect(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("collect", args, 0, 0)?;
    Ok(Value::Int(vm.collect() as i64))
}

/// `set_automatic(on)`: whether safe points collect.
fn set_automatic(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("set_automatic", args, 1, 1)?;
    let on = vm.truth(args[0])?;
    vm.set_automatic_collection(on);
    Ok(Value::None)
}

/// `count()`: objects allocated since the last collection.
fn count(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("count", args, 0, 0)?;
    Ok(Value::Int(vm.allocations_since_collection() as i64))
}

/// `referents(obj)`: a list of what `obj` refers to directly.
fn referents(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("referents", args, 1, 1)?;
    let items = vm.referents_of(args[0]);
    Ok(vm.new_list(items))
}

/// `referrers(objs)`: a list of the objects referring directly to an item of the tuple
/// `objs`, leaving out that tuple itself.
fn referrers(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("referrers", args, 1, 1)?;
    let targets = vm
        .seq_items(args[0])
        .map(<[Value]>::to_vec)
        .unwrap_or_default();
    let mut found = vm.referrers_of(&targets);
    found.retain(|v| !v.is_same(args[0]));
    Ok(vm.new_list(found))
}

fn is_tracked(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("is_tracked", args, 1, 1)?;
    Ok(Value::Bool(vm.is_gc_tracked(args[0])))
}
