//! Module objects: a namespace dict with a name. Attribute access goes through that
//! dict as an instance's `__dict__` (see [`crate::attr`]).

use crate::objects::descr::AttrDef;
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

/// `module` attributes.
pub const ATTRS: &[AttrDef] = &[("__dict__", namespace, None)];

/// `module.__dict__`: the namespace itself.
fn namespace(vm: &mut Vm, v: Value) -> crate::PyResult<Value> {
    Ok(Value::Obj(vm.module_dict(vm.obj_of(v))))
}

impl Vm {
    /// A new module called `name` with `__name__`, `__doc__`, `__package__`,
    /// `__loader__` and `__spec__` set (the last three to `None`).
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let dict = self.new_dict();
        let name = self.new_str(name);
        self.dict_set_str(dict, "__name__", name);
        for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
            self.dict_set_str(dict, key, Value::None);
        }
        self.alloc(Object::Module(dict))
    }

    /// The namespace of a module.
    pub fn module_dict(&self, module: ObjRef) -> ObjRef {
        match self.heap.get(module) {
            &Object::Module(d) => d,
            _ => panic!("module_dict of a non-module"),
        }
    }

    /// Sets `module.name = v`.
    pub fn module_set(&mut self, module: ObjRef, name: &str, v: Value) {
        let d = self.module_dict(module);
        self.dict_set_str(d, name, v);
    }

    /// The module's `__name__` when it is a str, else `?`.
    pub fn module_name(&self, module: ObjRef) -> String {
        let d = self.module_dict(module);
        self.dict_get_str(d, "__name__")
            .and_then(|v| self.as_str(v))
            .unwrap_or("?")
            .to_string()
    }

    /// The module whose namespace is `dict`, if `v` is a module.
    pub fn as_module(&self, v: Value) -> Option<ObjRef> {
        match self.heap.get(v.as_obj()?) {
            Object::Module(_) => v.as_obj(),
            _ => None,
        }
    }

    /// `<module 'x' from '/path/x.py'>`, `<module 'sys' (built-in)>` or
    /// `<module 'x' (namespace)>`, from the namespace `dict`.
    pub(crate) fn module_repr(&self, dict: ObjRef) -> String {
        let text = |key: &str| self.dict_get_str(dict, key).and_then(|v| self.as_str(v));
        let name = text("__name__").unwrap_or("?");
        if let Some(file) = text("__file__") {
            return format!("<module '{name}' from '{file}'>");
        }
        if self.dict_get_str(dict, "__path__").is_some() {
            return format!("<module '{name}' (namespace)>");
        }
        // Native modules' specs say `origin='built-in'`; `sys` and `builtins` are the
        // VM's own. A module made by calling `ModuleType` has neither.
        let spec = self.dict_get_str(dict, "__spec__");
        let built_in = matches!(name, "sys" | "builtins")
            || spec.and_then(|s| self.spec_origin(s)).as_deref() == Some("built-in");
        if built_in {
            format!("<module '{name}' (built-in)>")
        } else {
            format!("<module '{name}'>")
        }
    }

    /// The `origin` of a module spec made by the import system, if it is a str.
    fn spec_origin(&self, spec: Value) -> Option<String> {
        let dict = match self.heap.get(spec.as_obj()?) {
            Object::Instance(i) => i.dict,
            _ => return None,
        };
        self.dict_get_str(dict, "origin")
            .and_then(|v| self.as_str(v))
            .map(str::to_string)
    }
}
