//! Constructors of builtin types that are not in builtins but that programs call through
//! the `types` module: `cell` (`types.CellType`), `method` (`types.MethodType`) and
//! `module` (`types.ModuleType`).

use crate::builtins::Kw;
use crate::objects::{NativeFn, Object};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// Makes `cell`, `method` and `module` callable.
    pub(crate) fn init_type_ctors(&mut self) {
        let t = &self.types;
        let pairs: [(_, NativeFn); 3] = [
            (t.cell, cell_new),
            (t.method, method_new),
            (t.module, module_new),
        ];
        for (t, ctor) in pairs {
            if let Object::Type(ty) = self.heap.get_mut(t) {
                ty.ctor = Some(ctor);
            }
        }
    }
}

/// `cell()` (empty) or `cell(contents)`.
fn cell_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let args = &args[1..];
    vm.check_arity("cell", args, 0, 1)?;
    let contents = args.first().copied().unwrap_or(Value::Null);
    Ok(Value::Obj(vm.alloc(Object::Cell(contents))))
}

/// `method(function, instance)`: `function` bound to `instance`.
fn method_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let args = &args[1..];
    vm.check_arity("method", args, 2, 2)?;
    if !vm.is_callable(args[0]) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if matches!(args[1], Value::None) {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Value::Obj(vm.alloc(Object::Method(args[0], args[1]))))
}

/// `module(name, doc=None)`.
fn module_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let doc_kw = vm.kwarg("module", kw, "doc", &["name", "doc"])?;
    let name_kw = kw.iter().find(|(k, _)| &**k == "name").map(|(_, v)| *v);
    let args = &args[1..];
    vm.check_arity("module", args, 0, 2)?;
    let Some(name) = args.first().copied().or(name_kw) else {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    };
    let name = match vm.as_str(name) {
        Some(s) => s.to_string(),
        None => {
            let msg = format!(
                "module() argument 'name' must be str, not {}",
                vm.type_name(name)
            );
            return Err(vm.type_error(msg));
        }
    };
    let module = vm.new_module(&name);
    if let Some(doc) = args.get(1).copied().or(doc_kw) {
        vm.module_set(module, "__doc__", doc);
    }
    Ok(Value::Obj(module))
}
