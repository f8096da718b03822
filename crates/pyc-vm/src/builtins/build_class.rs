//! The class machinery builtins: `__build_class__` (runs the class body as a frame of
//! kind [`FrameKind::ClassBody`]), `super`, `object.__init__`, `BaseException.__init__`,
//! `staticmethod`, `classmethod` and `property`.

use pyc_bytecode::fast_kind;

use super::Kw;
use crate::call::KwNames;
use crate::exceptions::ExcKind;
use crate::frame::{Frame, FrameKind};
use crate::objects::descr::{MethodDef, Params};
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    pub(super) fn register_class_builtins(&mut self) {
        let ni = Value::Obj(self.types.not_implemented_obj);
        self.dict_set_str(self.builtins, "NotImplemented", ni);
        let bc = self.alloc(Object::BuildClass);
        self.dict_set_str(self.builtins, "__build_class__", Value::Obj(bc));
        let t = &self.types;
        let (object, sup, sm, cm, prop) = (
            t.object,
            t.super_,
            t.staticmethod,
            t.classmethod,
            t.property,
        );
        self.add_type(sup, Some(super_new));
        self.add_type(sm, Some(staticmethod_new));
        self.add_type(cm, Some(classmethod_new));
        self.add_type(prop, Some(property_new));
        self.add_slots(object, OBJECT_SLOTS);
    }

    /// `__build_class__(func, name, *bases)`: pushes the class body frame, with a fresh
    /// namespace as its locals. Its return (see [`Vm::finish_class_body`]) makes the class.
    pub(crate) fn start_class_body(
        &mut self,
        ret_base: usize,
        fpos: usize,
        nargs: usize,
        kwnames: Option<KwNames>,
    ) -> PyResult<()> {
        if kwnames.is_some_and(|k| !k.is_empty()) {
            return Err(self.type_error("__build_class__() keyword arguments are not supported"));
        }
        if nargs < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = self.stack[fpos + 1];
        let Some((code, globals)) = func.as_obj().and_then(|r| match self.heap.get(r) {
            Object::Function(f) => Some((f.code.clone(), f.globals)),
            _ => None,
        }) else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        if self.as_str(self.stack[fpos + 2]).is_none() {
            return Err(self.type_error("__build_class__: name is not a string"));
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(self.err(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let ns = self.new_dict();
        let base = self.sp;
        self.resize_stack(base + code.nlocalsplus);
        self.frames.push(Frame {
            code,
            pc: 0,
            base,
            func: func.as_obj(),
            globals,
            locals: Some(ns),
            ret_base,
            is_entry: false,
            kind: FrameKind::ClassBody { args: fpos + 2 },
        });
        Ok(())
    }

    /// Makes the class once its body frame `f` returned (the stack is not cut back yet):
    /// name and bases are at `stack[args..f.base]`, the namespace is `f.locals`, and the
    /// `__classcell__` cell (if any) gets the class.
    pub(crate) fn finish_class_body(&mut self, f: &Frame, args: usize) -> PyResult<Value> {
        let ns = f.locals.unwrap_or(f.globals);
        let name = self.as_str(self.stack[args]).unwrap_or("?").to_string();
        let bases = self.stack[args + 1..f.base].to_vec();
        let cell = self.dict_get_str(ns, "__classcell__");
        if cell.is_some() {
            let key = self.new_str("__classcell__");
            self.dict_del(ns, key)?;
        }
        let class = self.create_class(&name, &bases, ns)?;
        if let Some(c) = cell {
            self.cell_set(c, Value::Obj(class));
        }
        Ok(Value::Obj(class))
    }

    /// Zero-argument `super()`: the running frame's first argument and `__class__` cell.
    fn super_from_frame(&mut self) -> PyResult<(ObjRef, Value)> {
        let f = self.frame();
        let co = f.code.code.clone();
        let base = f.base;
        if co.argcount == 0 {
            return Err(self.err(ExcKind::RuntimeError, "super(): no arguments"));
        }
        let mut first = self.stack[base];
        if co.localsplus_kinds[0] & fast_kind::CELL != 0 {
            first = self.cell_get(first);
        }
        if first.is_null() {
            return Err(self.err(ExcKind::RuntimeError, "super(): arg[0] deleted"));
        }
        let slot = co
            .localsplus_names
            .iter()
            .zip(&co.localsplus_kinds)
            .position(|(n, &k)| &**n == "__class__" && k & fast_kind::FREE != 0);
        let Some(i) = slot else {
            return Err(self.err(ExcKind::RuntimeError, "super(): __class__ cell not found"));
        };
        match self.cell_get(self.stack[base + i]) {
            Value::Obj(c) if matches!(self.heap.get(c), Object::Type(_)) => Ok((c, first)),
            Value::Null => Err(self.err(ExcKind::RuntimeError, "super(): empty __class__ cell")),
            _ => Err(self.err(ExcKind::RuntimeError, "super(): __class__ is not a type")),
        }
    }

    /// `getattr(super_obj, name)`: searches the MRO of the bound object's type after
    /// `class`, binding what it finds to the object.
    pub(crate) fn super_attr(&mut self, class: ObjRef, obj: Value, name: &str) -> PyResult<Value> {
        let start = match obj {
            Value::Obj(r) if matches!(self.heap.get(r), Object::Type(_)) => r,
            _ => self.type_of(obj),
        };
        let mut classes = vec![start];
        classes.extend_from_slice(self.mro_of(start));
        let after = classes
            .iter()
            .position(|&c| c == class)
            .map_or(classes.len(), |i| i + 1);
        let is_class = obj.as_obj() == Some(start);
        match self.lookup_in_mro(classes[after..].iter().copied(), name) {
            Some(v) => self.bind_attr(v, (!is_class).then_some(obj), start, name),
            None => {
                let msg = format!("'super' object has no attribute '{name}'");
                Err(self.err(ExcKind::AttributeError, msg))
            }
        }
    }
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (class, obj) = match &args[1..] {
        [] => vm.super_from_frame()?,
        &[c, o] => match c {
            Value::Obj(r) if matches!(vm.heap.get(r), Object::Type(_)) => (r, o),
            _ => {
                let msg = format!("super() argument 1 must be a type, not {}", vm.type_name(c));
                return Err(vm.type_error(msg));
            }
        },
        _ => return Err(vm.type_error("super() takes 0 or 2 arguments")),
    };
    let ok = match obj {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::Type(_)) => vm.is_subclass(r, class),
        _ => vm.is_instance(obj, class),
    };
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(Value::Obj(vm.alloc(Object::Super(class, obj))))
}

/// `object` special methods.
const OBJECT_SLOTS: &[MethodDef] = &[
    ("__init__", object_init, Params::Keywords),
    ("__repr__", object_repr, Params::NoArgs),
    ("__getattribute__", object_getattribute, Params::One),
    ("__setattr__", object_setattr, Params::Positional),
    ("__delattr__", object_delattr, Params::One),
];

fn object_init(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    if args.len() != 1 || !kw.is_empty() {
        return Err(vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let s = vm.default_repr(args[0]);
    Ok(vm.new_str(s))
}

/// `object.__getattribute__(obj, name)`: the default lookup, for hooks to fall back on.
fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let name = vm.attr_name_arg(args[1])?;
    vm.generic_get_attr(args[0], &name)
}

/// `object.__setattr__(obj, name, value)`: the default store.
fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    // CPython unpacks these arguments under an empty name.
    vm.check_arity("", &args[1..], 2, 2)?;
    let name = vm.attr_name_arg(args[1])?;
    vm.generic_set_attr(args[0], &name, args[2])?;
    Ok(Value::None)
}

/// `object.__delattr__(obj, name)`: the default deletion.
fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let name = vm.attr_name_arg(args[1])?;
    vm.generic_del_attr(args[0], &name)?;
    Ok(Value::None)
}

fn one_callable(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    vm.check_arity(name, &args[1..], 1, 1)?;
    Ok(args[1])
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let f = one_callable(vm, args, "staticmethod")?;
    Ok(Value::Obj(vm.alloc(Object::StaticMethod(f))))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let f = one_callable(vm, args, "classmethod")?;
    Ok(Value::Obj(vm.alloc(Object::ClassMethod(f))))
}

fn property_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("property", &args[1..], 0, 2)?;
    let get = args.get(1).copied().unwrap_or(Value::None);
    let set = args.get(2).copied().unwrap_or(Value::None);
    Ok(Value::Obj(vm.alloc(Object::Property(get, set))))
}
