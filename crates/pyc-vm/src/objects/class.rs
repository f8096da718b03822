//! User classes: making one from a class body's namespace (bases, C3 MRO), calling one
//! to make an instance (`__init__` runs as a frame of kind [`FrameKind::Init`]), the
//! names of user classes (`__module__`, `__qualname__`), and the attributes of classes
//! (`type`'s namespace) and of every object (`__class__`).

use std::rc::Rc;

use crate::call::KwNames;
use crate::exceptions::ExcKind;
use crate::frame::FrameKind;
use crate::objects::descr::{AttrDef, DescrKind, MethodDef, Params};
use crate::objects::{Instance, Object, TypeObj};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// Makes the class `name` with `bases` from the namespace dict `ns` (which becomes
    /// its `__dict__`; `__qualname__` moves out of it into the class).
    pub fn create_class(&mut self, name: &str, bases: &[Value], ns: ObjRef) -> PyResult<ObjRef> {
        self.create_class_of(None, name, bases, ns)
    }

    /// [`Vm::create_class`] with the metaclass `meta` (`None` for `type`), which the
    /// caller chose ([`Vm::calculate_metaclass`]).
    pub(crate) fn create_class_of(
        &mut self,
        meta: Option<ObjRef>,
        name: &str,
        bases: &[Value],
        ns: ObjRef,
    ) -> PyResult<ObjRef> {
        let attrs: Vec<(Value, Value)> = self.dict_ref(ns).iter().collect();
        for (k, v) in attrs {
            if let Some(name) = self.as_str(k).map(str::to_owned) {
                self.note_class_attr(&name, v);
            }
        }
        let mut base_types = Vec::with_capacity(bases.len());
        for &b in bases {
            let t = match b {
                Value::Obj(r) if matches!(self.heap.get(r), Object::Type(_)) => r,
                _ => {
                    let msg = format!("bases must be types, not '{}'", self.type_name(b));
                    return Err(self.type_error(msg));
                }
            };
            let exc_base = self.exc_class(ExcKind::BaseException);
            let plain = t == self.types.object || t == self.types.type_;
            if !plain && !self.is_user_type(t) && !self.is_subclass(t, exc_base) {
                let msg = format!(
                    "subclassing builtin type '{}' is not supported",
                    self.type_name_of_type(t)
                );
                return Err(self.err(ExcKind::NotImplementedError, msg));
            }
            if base_types.contains(&t) {
                let msg = format!("duplicate base class {}", self.type_name_of_type(t));
                return Err(self.type_error(msg));
            }
            base_types.push(t);
        }
        if base_types.is_empty() {
            base_types.push(self.types.object);
        }
        let mro = self.c3_merge(&base_types)?;
        let qualname = match self.dict_get_str(ns, "__qualname__") {
            Some(q) => {
                let Some(text) = self.as_str(q).map(Rc::from) else {
                    let msg = format!("type __qualname__ must be a str, not {}", self.type_name(q));
                    return Err(self.type_error(msg));
                };
                let key = self.new_str("__qualname__");
                self.dict_del(ns, key)?;
                text
            }
            None => Rc::from(name),
        };
        let class = self.alloc(Object::Type(Box::new(TypeObj {
            name: Rc::from(name),
            qualname,
            base: base_types.first().copied(),
            bases: base_types,
            mro,
            dict: ns,
            user: true,
            ctor: None,
            meta: meta.filter(|&m| m != self.types.type_),
            created: crate::objects::next_class_serial(),
        })));
        self.add_class_defaults(class, ns);
        Ok(class)
    }

    /// What a new class's namespace gets besides its body's names: a `__dict__`
    /// attribute for its instances when no base gives them one, and `__doc__` (`None`
    /// without a docstring).
    fn add_class_defaults(&mut self, class: ObjRef, ns: ObjRef) {
        let inherited = self
            .lookup_in_mro(self.mro_of(class).iter().copied(), "__dict__")
            .is_some();
        if !inherited && self.dict_get_str(ns, "__dict__").is_none() {
            let kind = DescrKind::GetSet(instance_dict_attr, Some(set_instance_dict_attr));
            self.add_descr(class, "__dict__", kind);
        }
        if self.dict_get_str(ns, "__doc__").is_none() {
            self.dict_set_str(ns, "__doc__", Value::None);
        }
    }

    /// C3 linearization of `bases` (the new class's MRO without the class itself).
    fn c3_merge(&mut self, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = bases
            .iter()
            .map(|&b| {
                let mut l = vec![b];
                l.extend_from_slice(self.mro_of(b));
                l
            })
            .collect();
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let head = seqs
                .iter()
                .map(|s| s[0])
                .find(|&h| !seqs.iter().any(|s| s[1..].contains(&h)));
            let Some(h) = head else {
                let names: Vec<String> = bases
                    .iter()
                    .map(|&b| self.type_name_of_type(b).to_string())
                    .collect();
                let msg = format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                );
                return Err(self.type_error(msg));
            };
            out.push(h);
            for s in &mut seqs {
                if s[0] == h {
                    s.remove(0);
                }
            }
        }
    }

    /// A new instance of the user class `cls` whose `__dict__` is `dict`.
    pub fn new_instance(&mut self, cls: ObjRef, dict: ObjRef) -> Value {
        Value::Obj(self.alloc(Object::Instance(Box::new(Instance { class: cls, dict }))))
    }

    /// Calls the user class `cls` whose arguments are at `stack[fpos + 1..]`: its
    /// metaclass's own `__call__` when it has one, else [`Vm::call_class_default`].
    pub(crate) fn call_class(
        &mut self,
        cls: ObjRef,
        ret_base: usize,
        fpos: usize,
        nargs: usize,
        kwnames: Option<KwNames>,
    ) -> PyResult<bool> {
        if let Some(call) = self.metaclass_call(cls)? {
            self.stack[fpos] = call;
            return self.invoke(ret_base, fpos, nargs, kwnames);
        }
        self.call_class_default(cls, ret_base, fpos, nargs, kwnames)
    }

    /// What `type.__call__` does for the user class `cls`: makes the instance (its
    /// `__new__`, or a plain instance) and, when that is an instance of `cls`, runs
    /// `__init__`. `Ok(true)` when an `__init__` frame was pushed (its return leaves the
    /// instance at `ret_base`).
    pub(crate) fn call_class_default(
        &mut self,
        cls: ObjRef,
        ret_base: usize,
        fpos: usize,
        nargs: usize,
        kwnames: Option<KwNames>,
    ) -> PyResult<bool> {
        let nkw = kwnames.as_ref().map_or(0, Vec::len);
        let is_exc = self.is_subclass(cls, self.exc_class(ExcKind::BaseException));
        let new = self.own_new(cls);
        let inst = match new {
            Some(new) => {
                let mut all = Vec::with_capacity(nargs + 1);
                all.push(Value::Obj(cls));
                all.extend_from_slice(&self.stack[fpos + 1..fpos + 1 + nargs]);
                let inst = self.call_value_kw(new, &all, kwnames.clone())?;
                if !self.is_instance(inst, cls) {
                    self.truncate_stack(ret_base);
                    self.push(inst);
                    return Ok(false);
                }
                inst
            }
            None if is_exc => {
                let args = self.stack[fpos + 1..fpos + 1 + nargs - nkw].to_vec();
                Value::Obj(self.new_exception(cls, args))
            }
            None => {
                let dict = self.new_dict();
                self.new_instance(cls, dict)
            }
        };
        let init = self.lookup_in_type(self.type_of(inst), "__init__");
        let init_fn = init
            .and_then(Value::as_obj)
            .filter(|&r| matches!(self.heap.get(r), Object::Function(_)));
        let args = self.split_stack(fpos + 1);
        self.truncate_stack(ret_base);
        self.push(inst);
        if let Some(f) = init_fn {
            self.push(Value::Obj(f));
            self.push(inst);
            self.extend_stack(args);
            self.push_py_frame(f, ret_base, ret_base + 2, nargs + 1, kwnames)?;
            self.frame_mut().kind = FrameKind::Init;
            return Ok(true);
        }
        if self.is_subclass(cls, self.types.type_) {
            // `type.__init__` only counts the arguments.
            if let Err(e) = self.check_type_init_args(nargs - nkw, nkw) {
                self.truncate_stack(ret_base);
                return Err(e);
            }
            return Ok(false);
        }
        let qualname = self.type_qualname(cls);
        if is_exc && nkw > 0 && new.is_none() {
            self.truncate_stack(ret_base);
            return Err(self.type_error(format!("{qualname}() takes no keyword arguments")));
        }
        if !is_exc && nargs > 0 && new.is_none() {
            self.truncate_stack(ret_base);
            return Err(self.type_error(format!("{qualname}() takes no arguments")));
        }
        Ok(false)
    }

    /// The instance an `__init__` frame made, checking `__init__` returned `None`.
    pub(crate) fn finish_init(&mut self, ret_base: usize, v: Value) -> PyResult<Value> {
        if !matches!(v, Value::None) {
            let msg = format!("__init__() should return None, not '{}'", self.type_name(v));
            return Err(self.type_error(msg));
        }
        Ok(self.stack[ret_base])
    }

    /// `__qualname__` of a class.
    pub(crate) fn type_qualname(&self, t: ObjRef) -> Rc<str> {
        match self.heap.get(t) {
            Object::Type(t) => t.qualname.clone(),
            _ => Rc::from("?"),
        }
    }

    /// `__module__` of a user class (`None` for builtin classes).
    pub(crate) fn type_module(&self, t: ObjRef) -> Option<&str> {
        match self.heap.get(t) {
            // Builtin classes of other modules than builtins (`_io.StringIO`) say so
            // in their namespace too.
            Object::Type(ty) => self
                .dict_get_str(ty.dict, "__module__")
                .and_then(|m| self.as_str(m)),
            _ => None,
        }
    }

    /// `module.qualname` of a user class, `name` of a builtin one (as reprs show it).
    pub(crate) fn type_full_name(&self, t: ObjRef) -> String {
        match self.type_module(t) {
            Some(m) if m != "builtins" => format!("{m}.{}", self.type_qualname(t)),
            _ => self.type_qualname(t).to_string(),
        }
    }

    /// The `__dict__` of an instance, exception or function, made on demand for the
    /// latter two when `create` is set.
    pub(crate) fn instance_dict(&mut self, r: ObjRef, create: bool) -> Option<ObjRef> {
        let existing = match self.heap.get(r) {
            // A plain `object()` has no namespace.
            Object::Instance(i) if i.class == self.types.object => return None,
            Object::Instance(i) => return Some(i.dict),
            &Object::Module(d) => return Some(d),
            Object::Exception(e) => e.dict,
            Object::Function(f) => f.dict,
            _ => return None,
        };
        if existing.is_some() || !create {
            return existing;
        }
        let d = self.new_dict();
        match self.heap.get_mut(r) {
            Object::Exception(e) => e.dict = Some(d),
            Object::Function(f) => f.dict = Some(d),
            _ => {}
        }
        Some(d)
    }

    /// A new `__dict__` for an object: `new` must be a dict (deleting it is refused).
    pub(crate) fn dict_arg_for_dict_attr(&mut self, new: Option<Value>) -> PyResult<ObjRef> {
        let Some(new) = new else {
            return Err(self.type_error("cannot delete __dict__"));
        };
        match new.as_obj() {
            Some(d) if matches!(self.heap.get(d), Object::Dict(_)) => Ok(d),
            _ => {
                let msg = format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    self.type_name(new)
                );
                Err(self.type_error(msg))
            }
        }
    }
}

/// `__dict__` of instances of user classes.
fn instance_dict_attr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = vm.obj_of(v);
    Ok(vm.instance_dict(r, false).map_or(Value::None, Value::Obj))
}

/// `obj.__dict__ = d` replaces the namespace; `del obj.__dict__` empties it.
fn set_instance_dict_attr(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let d = match new {
        Some(_) => vm.dict_arg_for_dict_attr(new)?,
        None => vm.new_dict(),
    };
    if let Object::Instance(i) = vm.heap.get_mut(vm.obj_of(v)) {
        i.dict = d;
    }
    Ok(())
}

/// `object` attributes.
pub(crate) const OBJECT_ATTRS: &[AttrDef] = &[("__class__", class_of, Some(set_class))];

fn class_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Obj(vm.type_of(v)))
}

/// `obj.__class__ = cls`: only between user classes whose instances are alike (plain
/// instances, or exceptions).
fn set_class(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let Some(new) = new else {
        return Err(vm.type_error("can't delete __class__ attribute"));
    };
    let Some(cls) = vm.as_type(new) else {
        let msg = format!(
            "__class__ must be set to a class, not '{}' object",
            vm.type_name(new)
        );
        return Err(vm.type_error(msg));
    };
    let old = vm.type_of(v);
    if !vm.is_user_type(old) || !vm.is_user_type(cls) {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let exc = vm.exc_class(ExcKind::BaseException);
    if vm.is_subclass(old, exc) != vm.is_subclass(cls, exc) {
        let msg = format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            vm.type_name_of_type(cls),
            vm.type_name_of_type(old)
        );
        return Err(vm.type_error(msg));
    }
    match vm.heap.get_mut(vm.obj_of(v)) {
        Object::Instance(i) => i.class = cls,
        Object::Exception(e) => e.class = cls,
        _ => {}
    }
    Ok(())
}

/// `type` methods.
pub(crate) const TYPE_METHODS: &[MethodDef] = &[
    ("mro", mro, Params::NoArgs),
    ("__subclasses__", subclasses, Params::NoArgs),
];

/// `type` attributes.
pub(crate) const TYPE_ATTRS: &[AttrDef] = &[
    ("__name__", type_name, Some(set_type_name)),
    ("__qualname__", type_qualname, Some(set_type_qualname)),
    ("__doc__", type_doc, Some(set_type_doc)),
    ("__module__", type_module, Some(set_type_module)),
    ("__bases__", type_bases, None),
    ("__dict__", type_dict, None),
];

/// `type` members.
pub(crate) const TYPE_MEMBERS: &[AttrDef] =
    &[("__mro__", type_mro, None), ("__base__", type_base, None)];

/// The class `v` (the receiver of a `type` attribute or method).
fn type_obj(vm: &Vm, v: Value) -> &TypeObj {
    match vm.heap.get(vm.obj_of(v)) {
        Object::Type(t) => t,
        _ => unreachable!("type attribute of a non-type"),
    }
}

/// The class `v`, mutably.
fn type_obj_mut(vm: &mut Vm, v: Value) -> &mut TypeObj {
    match vm.heap.get_mut(vm.obj_of(v)) {
        Object::Type(t) => t,
        _ => unreachable!("type attribute of a non-type"),
    }
}

/// `[cls, *its bases in MRO order]`.
fn mro_values(vm: &Vm, v: Value) -> Vec<Value> {
    let t = type_obj(vm, v);
    std::iter::once(v)
        .chain(t.mro.iter().map(|&c| Value::Obj(c)))
        .collect()
}

fn mro(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    let items = mro_values(vm, args[0]);
    Ok(vm.new_list(items))
}

/// `cls.__subclasses__()`: the live classes that name `cls` as a base, oldest first.
fn subclasses(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    let cls = vm.obj_of(args[0]);
    let mut found: Vec<(u64, Value)> = vm
        .heap
        .objects()
        .filter_map(|(r, obj)| match obj {
            Object::Type(t) if t.bases.contains(&cls) => Some((t.created, Value::Obj(r))),
            _ => None,
        })
        .collect();
    found.sort_by_key(|&(created, _)| created);
    let items = found.into_iter().map(|(_, c)| c).collect();
    Ok(vm.new_list(items))
}

fn type_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = type_obj(vm, v).name.clone();
    Ok(vm.new_str(&*n))
}

fn type_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = type_obj(vm, v).qualname.clone();
    Ok(vm.new_str(&*n))
}

/// The value for the special class attribute `what` of `v` (`__name__`, `__doc__`,
/// ...): classes are only reached here when mutable, and these cannot be deleted.
fn special_attr_value(vm: &mut Vm, v: Value, new: Option<Value>, what: &str) -> PyResult<Value> {
    match new {
        Some(new) => Ok(new),
        None => {
            let msg = format!(
                "cannot delete '{what}' attribute of immutable type '{}'",
                type_obj(vm, v).name
            );
            Err(vm.type_error(msg))
        }
    }
}

/// A new `__name__` or `__qualname__` (`what`) of the class `v`: a str.
fn type_text_arg(vm: &mut Vm, v: Value, new: Option<Value>, what: &str) -> PyResult<Rc<str>> {
    let new = special_attr_value(vm, v, new, what)?;
    match vm.as_str(new) {
        Some(s) => Ok(Rc::from(s)),
        None => {
            let msg = format!(
                "can only assign string to {}.{what}, not '{}'",
                type_obj(vm, v).name,
                vm.type_name(new)
            );
            Err(vm.type_error(msg))
        }
    }
}

fn set_type_name(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    type_obj_mut(vm, v).name = type_text_arg(vm, v, new, "__name__")?;
    Ok(())
}

fn set_type_qualname(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    type_obj_mut(vm, v).qualname = type_text_arg(vm, v, new, "__qualname__")?;
    Ok(())
}

/// `__doc__`: a user class's own `__doc__` entry; builtin classes keep no doc strings.
fn type_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let t = type_obj(vm, v);
    if !t.user {
        return Ok(Value::None);
    }
    Ok(vm.dict_get_str(t.dict, "__doc__").unwrap_or(Value::None))
}

/// Stores the special class attribute `what` in the namespace of the class `v`.
fn set_in_namespace(vm: &mut Vm, v: Value, new: Option<Value>, what: &str) -> PyResult<()> {
    let new = special_attr_value(vm, v, new, what)?;
    let dict = type_obj(vm, v).dict;
    vm.forget_type_lookups();
    vm.dict_set_str(dict, what, new);
    Ok(())
}

fn set_type_doc(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    set_in_namespace(vm, v, new, "__doc__")
}

/// `__module__`: a user class's own `__module__` entry; `'builtins'` for builtin ones.
fn type_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let t = type_obj(vm, v);
    if !t.user {
        return Ok(vm.new_str("builtins"));
    }
    match vm.dict_get_str(t.dict, "__module__") {
        Some(m) => Ok(m),
        None => Err(vm.err(ExcKind::AttributeError, "__module__")),
    }
}

fn set_type_module(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    set_in_namespace(vm, v, new, "__module__")
}

fn type_bases(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let bases = type_obj(vm, v)
        .bases
        .iter()
        .map(|&b| Value::Obj(b))
        .collect();
    Ok(vm.new_tuple(bases))
}

fn type_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Obj(type_obj(vm, v).dict))
}

fn type_mro(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = mro_values(vm, v);
    Ok(vm.new_tuple(items))
}

fn type_base(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(type_obj(vm, v).base.map_or(Value::None, Value::Obj))
}
