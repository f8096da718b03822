//! Metaclasses: choosing the metaclass of a new class, `type.__new__` (the one place a
//! class is made from a name, bases and a namespace: `__classcell__`, implicit static
//! and class methods, a metaclass's `mro()`, `__set_name__`, `__init_subclass__`),
//! `type.__init__`, `type.__call__`, `type.__prepare__`, `type.__repr__`,
//! `object.__new__` and `object.__init_subclass__`.
//!
//! A class whose metaclass is not `type` records it in [`TypeObj::meta`]; `type(cls)`
//! reads it, attribute lookup on the class falls back to the metaclass, and calling the
//! class goes through the metaclass's own `__call__` when it has one.
//!
//! [`TypeObj::meta`]: crate::objects::TypeObj::meta

use std::rc::Rc;

use crate::builtins::Kw;
use crate::call::KwNames;
use crate::exceptions::ExcKind;
use crate::objects::descr::{MethodDef, Params};
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// `type`'s special methods.
const TYPE_SLOTS: &[MethodDef] = &[
    ("__init__", type_init, Params::Keywords),
    ("__call__", type_call, Params::Keywords),
    ("__repr__", type_repr, Params::NoArgs),
];

/// `type`'s class methods.
const TYPE_CLASS_METHODS: &[MethodDef] = &[("__prepare__", type_prepare, Params::Keywords)];

/// `object`'s class methods.
const OBJECT_CLASS_METHODS: &[MethodDef] =
    &[("__init_subclass__", object_init_subclass, Params::NoArgs)];

impl Vm {
    /// Adds the metaclass protocol to the namespaces of `type` and `object`.
    pub(crate) fn register_metaclass_builtins(&mut self) {
        let (object, type_) = (self.types.object, self.types.type_);
        self.add_slots(type_, TYPE_SLOTS);
        self.add_class_methods(type_, TYPE_CLASS_METHODS);
        self.add_class_methods(object, OBJECT_CLASS_METHODS);
        let (object_new, type_new) = (self.types.object_new, self.types.type_new);
        let d = self.class_dict(object);
        self.dict_set_str(d, "__new__", Value::Obj(object_new));
        let d = self.class_dict(type_);
        self.dict_set_str(d, "__new__", Value::Obj(type_new));
    }

    /// CPython's `_PyType_CalculateMetaclass`: the most derived of `meta` and the
    /// metaclasses of `bases`, which must all lie on one line of inheritance.
    pub(crate) fn calculate_metaclass(
        &mut self,
        meta: ObjRef,
        bases: &[Value],
    ) -> PyResult<ObjRef> {
        let mut winner = meta;
        for &b in bases {
            let t = self.type_of(b);
            if self.is_subclass(winner, t) {
                continue;
            }
            if self.is_subclass(t, winner) {
                winner = t;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// The `__new__` calling the class `cls` runs (a static method unwrapped), unless it
    /// is `object.__new__`, which callers do inline.
    pub(crate) fn own_new(&self, cls: ObjRef) -> Option<Value> {
        let new = self.lookup_in_type(cls, "__new__")?;
        let new = match new.as_obj().map(|r| self.heap.get(r)) {
            Some(&Object::StaticMethod(f)) => f,
            _ => new,
        };
        (new.as_obj() != Some(self.types.object_new)).then_some(new)
    }

    /// The metaclass `__call__` that calling the class `cls` runs, bound to `cls`, when
    /// its metaclass defines one (`type.__call__` itself is done inline).
    pub(crate) fn metaclass_call(&mut self, cls: ObjRef) -> PyResult<Option<Value>> {
        let meta = match self.heap.get(cls) {
            Object::Type(t) => t.meta,
            _ => None,
        };
        let Some(meta) = meta else { return Ok(None) };
        match self.lookup_in_type(meta, "__call__") {
            Some(call) if self.descr(call).is_none() => self
                .bind_attr(call, Some(Value::Obj(cls)), meta, "__call__")
                .map(Some),
            _ => Ok(None),
        }
    }

    /// `type.__init__`'s argument check: one argument, or three (with any keywords).
    pub(crate) fn check_type_init_args(&mut self, npos: usize, nkw: usize) -> PyResult<()> {
        if npos == 1 && nkw > 0 {
            return Err(self.type_error("type.__init__() takes no keyword arguments"));
        }
        if npos != 1 && npos != 3 {
            return Err(self.type_error("type.__init__() takes 1 or 3 arguments"));
        }
        Ok(())
    }

    /// `type.__new__(mcls, name, bases, dict, **kw)`: a new class of the metaclass
    /// `mcls` (or of the most derived metaclass of its bases) with a copy of `dict` as
    /// its namespace; `kw` goes to the `__init_subclass__` of its parent.
    pub(crate) fn new_class(&mut self, mcls: ObjRef, args: [Value; 3], kw: &Kw) -> PyResult<Value> {
        let [name_v, bases, dict] = args;
        let (name, bases_vec, source) = self.class_args(name_v, bases, dict)?;
        let mut mcls = mcls;
        let winner = self.calculate_metaclass(mcls, &bases_vec)?;
        if winner != mcls {
            if let Some(new) = self
                .own_new(winner)
                .filter(|&n| n.as_obj() != Some(self.types.type_new))
            {
                let mut all = vec![Value::Obj(winner), name_v, bases, dict];
                let names: KwNames = kw.iter().map(|(k, _)| k.clone()).collect();
                all.extend(kw.iter().map(|&(_, v)| v));
                let names = (!names.is_empty()).then_some(names);
                return self.call_value_kw(new, &all, names);
            }
            mcls = winner;
        }
        let ns = self.new_dict();
        let entries: Vec<(Value, Value)> = self.dict_ref(source).iter().collect();
        for (k, v) in entries {
            self.dict_set(ns, k, v)?;
        }
        if self.dict_get_str(ns, "__module__").is_none() {
            if let Some(module) = self
                .frames
                .last()
                .and_then(|f| self.dict_get_str(f.globals, "__name__"))
            {
                self.dict_set_str(ns, "__module__", module);
            }
        }
        let cell = self.take_classcell(ns)?;
        self.wrap_implicit_methods(ns);
        let cls = self.create_class_of(Some(mcls), &name, &bases_vec, ns)?;
        if let Some(cell) = cell {
            self.cell_set(cell, Value::Obj(cls));
        }
        self.custom_mro(cls, mcls)?;
        self.set_names(cls, ns)?;
        self.init_subclass(cls, kw)?;
        Ok(Value::Obj(cls))
    }

    /// Checks the name, bases and namespace given to `type.__new__`.
    fn class_args(
        &mut self,
        name: Value,
        bases: Value,
        dict: Value,
    ) -> PyResult<(String, Vec<Value>, ObjRef)> {
        let Some(name) = self.as_str(name).map(str::to_owned) else {
            let msg = format!(
                "type.__new__() argument 1 must be str, not {}",
                self.type_name(name)
            );
            return Err(self.type_error(msg));
        };
        let Some(bases) = bases
            .as_obj()
            .filter(|&r| matches!(self.heap.get(r), Object::Tuple(_)))
            .and_then(|_| self.seq_items(bases))
            .map(<[Value]>::to_vec)
        else {
            let msg = format!(
                "type.__new__() argument 2 must be tuple, not {}",
                self.type_name(bases)
            );
            return Err(self.type_error(msg));
        };
        let Some(dict) = dict
            .as_obj()
            .filter(|&r| matches!(self.heap.get(r), Object::Dict(_)))
        else {
            let msg = format!(
                "type.__new__() argument 3 must be dict, not {}",
                self.type_name(dict)
            );
            return Err(self.type_error(msg));
        };
        Ok((name, bases, dict))
    }

    /// Removes `__classcell__` from a new class's namespace: the cell the class body's
    /// methods read `__class__` from, which must be a cell.
    fn take_classcell(&mut self, ns: ObjRef) -> PyResult<Option<Value>> {
        let Some(cell) = self.dict_get_str(ns, "__classcell__") else {
            return Ok(None);
        };
        if !matches!(
            cell.as_obj().map(|r| self.heap.get(r)),
            Some(Object::Cell(_))
        ) {
            let t = Value::Obj(self.type_of(cell));
            let msg = format!(
                "__classcell__ must be a nonlocal cell, not {}",
                self.repr_of(t)?
            );
            return Err(self.type_error(msg));
        }
        let key = self.new_str("__classcell__");
        self.dict_del(ns, key)?;
        Ok(Some(cell))
    }

    /// A plain function `__new__` becomes a static method, `__init_subclass__` and
    /// `__class_getitem__` class methods.
    fn wrap_implicit_methods(&mut self, ns: ObjRef) {
        for name in ["__new__", "__init_subclass__", "__class_getitem__"] {
            let Some(f) = self.dict_get_str(ns, name) else {
                continue;
            };
            if !matches!(
                f.as_obj().map(|r| self.heap.get(r)),
                Some(Object::Function(_))
            ) {
                continue;
            }
            let wrapped = if name == "__new__" {
                Object::StaticMethod(f)
            } else {
                Object::ClassMethod(f)
            };
            let w = self.alloc(wrapped);
            self.dict_set_str(ns, name, Value::Obj(w));
        }
    }

    /// A metaclass that defines `mro()` decides the new class's MRO.
    fn custom_mro(&mut self, cls: ObjRef, mcls: ObjRef) -> PyResult<()> {
        if mcls == self.types.type_ {
            return Ok(());
        }
        let Some(mro) = self.lookup_in_type(mcls, "mro") else {
            return Ok(());
        };
        if self.descr(mro).is_some() {
            return Ok(());
        }
        let f = self.bind_attr(mro, Some(Value::Obj(cls)), mcls, "mro")?;
        let result = self.call_value(f, &[])?;
        let items = self.collect_iterable(result)?;
        let mut classes = Vec::with_capacity(items.len());
        for v in items {
            match self.as_type(v) {
                Some(t) => classes.push(t),
                None => {
                    let msg = format!("mro() returned a non-class ('{}')", self.type_name(v));
                    return Err(self.type_error(msg));
                }
            }
        }
        if classes.first() == Some(&cls) {
            classes.remove(0);
        }
        if let Object::Type(t) = self.heap.get_mut(cls) {
            t.mro = classes;
        }
        self.forget_type_lookups();
        Ok(())
    }

    /// Calls `__set_name__(cls, name)` of each attribute in the new class's namespace
    /// that has one.
    fn set_names(&mut self, cls: ObjRef, ns: ObjRef) -> PyResult<()> {
        let entries: Vec<(Value, Value)> = self.dict_ref(ns).iter().collect();
        for (k, v) in entries {
            if !self.is_user_value(v) {
                continue;
            }
            let t = self.type_of(v);
            if let Some(f) = self.lookup_in_type(t, "__set_name__") {
                let f = self.bind_attr(f, Some(v), t, "__set_name__")?;
                self.call_value(f, &[Value::Obj(cls), k])?;
            }
        }
        Ok(())
    }

    /// `super(cls, cls).__init_subclass__(**kw)`.
    fn init_subclass(&mut self, cls: ObjRef, kw: &Kw) -> PyResult<()> {
        let parents = self.mro_of(cls).to_vec();
        let Some(f) = self.lookup_in_mro(parents, "__init_subclass__") else {
            return Ok(());
        };
        if kw.is_empty() && self.descr(f).is_some() {
            return Ok(());
        }
        let bound = self.bind_attr(f, None, cls, "__init_subclass__")?;
        let names: KwNames = kw.iter().map(|(k, _)| k.clone()).collect();
        let values: Vec<Value> = kw.iter().map(|&(_, v)| v).collect();
        let names = (!names.is_empty()).then_some(names);
        self.call_value_kw(bound, &values, names)?;
        Ok(())
    }

    /// After a class statement's metaclass made `cls`: the `__class__` cell its body
    /// returned (if any) must hold `cls` by now.
    pub(crate) fn check_class_cell(
        &mut self,
        name: Value,
        cls: Value,
        cell: Value,
    ) -> PyResult<()> {
        if self.as_type(cls).is_none()
            || !matches!(
                cell.as_obj().map(|r| self.heap.get(r)),
                Some(Object::Cell(_))
            )
        {
            return Ok(());
        }
        let held = self.cell_get(cell);
        if held.as_obj().is_some() && held.as_obj() == cls.as_obj() {
            return Ok(());
        }
        let (name, cls_text) = (self.repr_of(name)?, self.repr_of(cls)?);
        if held.is_null() {
            let msg = format!(
                "__class__ not set defining {name} as {cls_text}. Was __classcell__ propagated to type.__new__?"
            );
            return Err(self.err(ExcKind::RuntimeError, msg));
        }
        let held = self.repr_of(held)?;
        let msg = format!("__class__ set to {held} defining {name} as {cls_text}");
        Err(self.type_error(msg))
    }

    /// [`Vm::call_class_default`] from native code (`type.__call__`): the class `cls`
    /// called with `args`, the last `kwnames.len()` of them keywords.
    pub(crate) fn call_class_natively(
        &mut self,
        cls: ObjRef,
        args: &[Value],
        kwnames: Option<KwNames>,
    ) -> PyResult<Value> {
        self.suspend_native(|vm| {
            let ret_base = vm.sp;
            vm.push(Value::Null);
            vm.push(Value::Obj(cls));
            vm.extend_stack(args.iter().copied());
            match vm.call_class_default(cls, ret_base, ret_base + 1, args.len(), kwnames) {
                Ok(true) => {
                    if let Err(e) = vm.check_native_depth() {
                        let f = vm.frames.pop().expect("frame was just pushed");
                        vm.truncate_stack(f.ret_base);
                        return Err(e);
                    }
                    vm.run_nested(None)
                }
                Ok(false) => {
                    let v = vm.pop();
                    vm.truncate_stack(ret_base);
                    Ok(v)
                }
                Err(e) => {
                    vm.truncate_stack(ret_base);
                    Err(e)
                }
            }
        })
    }
}

/// Calling `type` itself: `type(x)` is the class of `x`, `type(name, bases, dict)` a new
/// class.
pub(crate) fn type_ctor(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    match (args.len(), kw.is_empty()) {
        (2, true) => Ok(Value::Obj(vm.type_of(args[1]))),
        (2, false) => Err(vm.type_error("type() takes no keyword arguments")),
        (4, _) => {
            let type_ = vm.types.type_;
            vm.new_class(type_, [args[1], args[2], args[3]], kw)
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

/// `type.__new__(mcls, name, bases, dict, **kw)`.
pub(crate) fn type_dunder_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let Some(&mcls) = args.first() else {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    };
    let Some(m) = vm.as_type(mcls) else {
        let msg = format!(
            "type.__new__(X): X is not a type object ({})",
            vm.type_name(mcls)
        );
        return Err(vm.type_error(msg));
    };
    if !vm.is_subclass(m, vm.types.type_) {
        let n = vm.type_name_of_type(m);
        let msg = format!("type.__new__({n}): {n} is not a subtype of type");
        return Err(vm.type_error(msg));
    }
    match args[1..] {
        [name, bases, dict] => vm.new_class(m, [name, bases, dict], kw),
        _ => {
            let msg = format!(
                "type.__new__() takes exactly 3 arguments ({} given)",
                args.len() - 1
            );
            Err(vm.type_error(msg))
        }
    }
}

/// `object.__new__(cls, *args)`: a plain instance of the user class `cls` (an
/// exception for exception classes).
pub(crate) fn object_dunder_new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let Some(c) = vm.as_type(cls) else {
        let msg = format!(
            "object.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        );
        return Err(vm.type_error(msg));
    };
    let exc = vm.is_subclass(c, vm.exc_class(ExcKind::BaseException));
    if exc {
        return Ok(Value::Obj(vm.new_exception(c, args[1..].to_vec())));
    }
    if c != vm.types.object && !vm.is_user_type(c) || vm.is_subclass(c, vm.types.type_) {
        let n = vm.type_name_of_type(c);
        let solid = if vm.is_subclass(c, vm.types.type_) {
            Rc::from("type")
        } else {
            n.clone()
        };
        let msg = format!("object.__new__({n}) is not safe, use {solid}.__new__()");
        return Err(vm.type_error(msg));
    }
    if args.len() > 1 {
        let own_new = vm.own_new(c).is_some();
        let init = vm.lookup_in_type(c, "__init__");
        let own_init = init.is_some_and(|i| vm.descr(i).is_none());
        if own_new {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !own_init {
            let msg = format!("{}() takes no arguments", vm.type_qualname(c));
            return Err(vm.type_error(msg));
        }
    }
    let dict = vm.new_dict();
    Ok(vm.new_instance(c, dict))
}

/// `type.__init__(cls, ...)`: nothing to do beyond counting the arguments.
fn type_init(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.check_type_init_args(args.len() - 1, kw.len())?;
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kw)`: what calling a class does by default.
fn type_call(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let cls = args[0];
    let names: KwNames = kw.iter().map(|(k, _)| k.clone()).collect();
    let mut all = args[1..].to_vec();
    all.extend(kw.iter().map(|&(_, v)| v));
    let names = (!names.is_empty()).then_some(names);
    match vm.as_type(cls) {
        Some(c) if vm.is_user_type(c) => vm.call_class_natively(c, &all, names),
        _ => vm.call_value_kw(cls, &all, names),
    }
}

/// `type.__prepare__(name, bases, **kw)`: the namespace of a class body, a new dict.
fn type_prepare(vm: &mut Vm, _args: &[Value], _kw: &Kw) -> PyResult<Value> {
    Ok(Value::Obj(vm.new_dict()))
}

/// `repr(cls)`: `<class 'module.qualname'>`.
fn type_repr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let text = format!("<class '{}'>", vm.type_full_name(vm.obj_of(args[0])));
    Ok(vm.new_str(text))
}

/// `object.__init_subclass__()`: takes nothing, does nothing.
fn object_init_subclass(_vm: &mut Vm, _args: &[Value], _kw: &Kw) -> PyResult<Value> {
    Ok(Value::None)
}
