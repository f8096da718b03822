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
        self.add_slots(sup, SUPER_SLOTS);
        self.register_metaclass_builtins();
    }

    /// `__build_class__(func, name, *bases, metaclass=..., **kw)`: chooses the
    /// metaclass, asks its `__prepare__` for the namespace and pushes the class body
    /// frame with that namespace as its locals. Below the frame the stack holds, from
    /// `args`: the name, the metaclass, the keywords (a dict, or `None`) and the bases.
    /// The body's return (see [`Vm::finish_class_body`]) makes the class.
    pub(crate) fn start_class_body(
        &mut self,
        ret_base: usize,
        fpos: usize,
        nargs: usize,
        kwnames: Option<KwNames>,
    ) -> PyResult<()> {
        let kwnames = kwnames.unwrap_or_default();
        let npos = nargs - kwnames.len();
        if npos < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = self.stack[fpos + 1];
        let Some((code, globals)) = func.as_obj().and_then(|r| match self.heap.get(r) {
            Object::Function(f) => Some((f.code.clone(), f.globals)),
            _ => None,
        }) else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let name = self.stack[fpos + 2];
        if self.as_str(name).is_none() {
            return Err(self.type_error("__build_class__: name is not a string"));
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(self.err(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let bases = self.stack[fpos + 3..fpos + 1 + npos].to_vec();
        let kwvalues = self.stack[fpos + 1 + npos..fpos + 1 + nargs].to_vec();
        let mut meta = None;
        let mut kw = Vec::new();
        for (k, &v) in kwnames.iter().zip(&kwvalues) {
            if &**k == "metaclass" {
                meta = Some(v);
            } else {
                kw.push((k.clone(), v));
            }
        }
        let meta = self.class_statement_metaclass(meta, &bases)?;
        let ns = self.prepare_namespace(meta, name, &bases, &kw)?;
        let kwdict = if kw.is_empty() {
            Value::None
        } else {
            let d = self.new_dict();
            for (k, v) in kw {
                self.dict_set_str(d, &k, v);
            }
            Value::Obj(d)
        };
        self.truncate_stack(fpos + 2);
        self.push(name);
        self.push(meta);
        self.push(kwdict);
        self.extend_stack(bases);
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

    /// The metaclass of a class statement: the explicit one, else the class of the first
    /// base, else `type`; a class is replaced by the most derived metaclass of the bases.
    fn class_statement_metaclass(
        &mut self,
        explicit: Option<Value>,
        bases: &[Value],
    ) -> PyResult<Value> {
        let meta = match (explicit, bases.first()) {
            (Some(m), _) => m,
            (None, Some(&b)) => Value::Obj(self.type_of(b)),
            (None, None) => Value::Obj(self.types.type_),
        };
        match self.as_type(meta) {
            Some(m) => Ok(Value::Obj(self.calculate_metaclass(m, bases)?)),
            None => Ok(meta),
        }
    }

    /// The namespace a class body runs in: `meta.__prepare__(name, bases, **kw)` when
    /// the metaclass has one, else a new dict.
    fn prepare_namespace(
        &mut self,
        meta: Value,
        name: Value,
        bases: &[Value],
        kw: &[(std::rc::Rc<str>, Value)],
    ) -> PyResult<ObjRef> {
        if meta.as_obj() == Some(self.types.type_) {
            return Ok(self.new_dict());
        }
        let prepare = match self.get_attr(meta, "__prepare__") {
            Ok(p) => p,
            Err(e) if self.exc_matches(e, self.exc_class(ExcKind::AttributeError)) => {
                return Ok(self.new_dict());
            }
            Err(e) => return Err(e),
        };
        let mut args = vec![name, self.new_tuple_from(bases)];
        args.extend(kw.iter().map(|&(_, v)| v));
        let names: KwNames = kw.iter().map(|(k, _)| k.clone()).collect();
        let names = (!names.is_empty()).then_some(names);
        let ns = self.call_value_kw(prepare, &args, names)?;
        match ns.as_obj() {
            Some(d) if matches!(self.heap.get(d), Object::Dict(_)) => Ok(d),
            _ if self.is_user_value(ns) && self.get_attr(ns, "__getitem__").is_ok() => Err(self
                .err(
                    ExcKind::NotImplementedError,
                    "a class namespace other than a dict is not supported",
                )),
            _ => {
                let who = match self.as_type(meta) {
                    Some(m) => self.type_name_of_type(m).to_string(),
                    None => "<metaclass>".to_string(),
                };
                let msg = format!(
                    "{who}.__prepare__() must return a mapping, not {}",
                    self.type_name(ns)
                );
                Err(self.type_error(msg))
            }
        }
    }

    /// Makes the class once its body frame `f` returned `cell` (its `__class__` cell,
    /// or `None`); the stack is not cut back yet. The metaclass is called with the
    /// name, the bases, the namespace and the class keywords (`type` directly), and the
    /// cell must then hold the class.
    pub(crate) fn finish_class_body(
        &mut self,
        f: &Frame,
        args: usize,
        cell: Value,
    ) -> PyResult<Value> {
        let ns = f.locals.unwrap_or(f.globals);
        let (name, meta, kwdict) = (self.stack[args], self.stack[args + 1], self.stack[args + 2]);
        let bases = self.stack[args + 3..f.base].to_vec();
        let bases = self.new_tuple_from(&bases);
        let kw: Vec<(std::rc::Rc<str>, Value)> = match kwdict.as_obj() {
            Some(d) => self
                .dict_ref(d)
                .iter()
                .map(|(k, v)| (std::rc::Rc::from(self.as_str(k).unwrap_or("")), v))
                .collect(),
            None => Vec::new(),
        };
        let cls = if meta.as_obj() == Some(self.types.type_) {
            self.new_class(self.types.type_, [name, bases, Value::Obj(ns)], &kw)?
        } else {
            let mut all = vec![name, bases, Value::Obj(ns)];
            all.extend(kw.iter().map(|&(_, v)| v));
            let names: KwNames = kw.iter().map(|(k, _)| k.clone()).collect();
            let names = (!names.is_empty()).then_some(names);
            self.call_value_kw(meta, &all, names)?
        };
        self.check_class_cell(name, cls, cell)?;
        Ok(cls)
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
        // A class below `class` is searched itself (class methods bind to it); anything
        // else, a class of a metaclass included, through its type.
        let start = match self.as_type(obj) {
            Some(r) if self.is_subclass(r, class) => r,
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

/// `super()` / `super(type, obj)`: the class to search after and the object to bind,
/// checked as CPython's `supercheck` does.
fn super_target(vm: &mut Vm, args: &[Value]) -> PyResult<(ObjRef, Value)> {
    let (class, obj) = match args {
        [] => vm.super_from_frame()?,
        &[c, o] => match c {
            Value::Obj(r) if matches!(vm.heap.get(r), Object::Type(_)) => (r, o),
            _ => {
                let msg = format!("super() argument 1 must be a type, not {}", vm.type_name(c));
                return Err(vm.type_error(msg));
            }
        },
        [_] => return Err(vm.type_error("super() takes 0 or 2 arguments")),
        _ => {
            let msg = format!("super() expected at most 2 arguments, got {}", args.len());
            return Err(vm.type_error(msg));
        }
    };
    let ok =
        vm.as_type(obj).is_some_and(|r| vm.is_subclass(r, class)) || vm.is_instance(obj, class);
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok((class, obj))
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (class, obj) = super_target(vm, &args[1..])?;
    Ok(Value::Obj(vm.alloc(Object::Super(class, obj))))
}

/// `super.__init__(self, type, obj)`: points an existing super object elsewhere.
fn super_init(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (class, obj) = super_target(vm, &args[1..])?;
    if let Object::Super(c, o) = vm.heap.get_mut(vm.obj_of(args[0])) {
        (*c, *o) = (class, obj);
    }
    Ok(Value::None)
}

/// `super` special methods.
const SUPER_SLOTS: &[MethodDef] = &[("__init__", super_init, Params::Positional)];

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
