//! Descriptors of builtin types: what a builtin type's namespace holds for its methods
//! (`str.upper`), class methods (`dict.fromkeys`), special-method slots
//! (`object.__init__`) and attributes (`int.real`, `range.start`) — CPython's method,
//! classmethod, wrapper, getset and member descriptors.
//!
//! Attribute lookup finds them like anything else in a class namespace, along the MRO,
//! and [`Vm::bind_attr`] gives what reading one means. Every call of a method
//! descriptor — unbound (`str.upper('a')`), through a bound builtin method, or as
//! `'a'.upper()`, where `LOAD_METHOD` leaves the descriptor and its receiver on the stack
//! with no bound object in between — goes through [`Vm::descr_call_target`], the one
//! place that checks the receiver and the simple argument counts before the native
//! function runs. (For `LOAD_METHOD`'s pair the receiver fits by construction: the
//! instruction only takes a descriptor of the receiver's class or a base,
//! [`Vm::is_method_of`].) Native methods therefore always get a receiver of their type
//! (or a subclass) in `args[0]`.

use crate::builtins::Kw;
use crate::exceptions::ExcKind;
use crate::objects::{NativeFn, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Reads an attribute of a receiver of the descriptor's type.
pub type Getter = fn(&mut Vm, Value) -> PyResult<Value>;

/// Writes (`Some`) or deletes (`None`) an attribute of a receiver of the descriptor's type.
pub type Setter = fn(&mut Vm, Value, Option<Value>) -> PyResult<()>;

/// How a builtin method takes its arguments after the receiver (CPython's `METH_*`
/// flags). The descriptor call checks `NoArgs` and `One` itself; the function checks
/// the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Params {
    /// No arguments (`METH_NOARGS`).
    NoArgs,
    /// Exactly one positional argument (`METH_O`).
    One,
    /// Positional arguments only.
    Positional,
    /// Positional and keyword arguments.
    Keywords,
}

/// A method of a builtin type: `(name, implementation, parameters)`. The implementation
/// receives the receiver as `args[0]`.
pub type MethodDef = (&'static str, NativeFn, Params);

/// An attribute of a builtin type: `(name, getter, setter)`; no setter means read-only.
pub type AttrDef = (&'static str, Getter, Option<Setter>);

/// What a descriptor does.
#[derive(Clone, Copy)]
pub enum DescrKind {
    /// A method (`method_descriptor`): binds to instances.
    Method(NativeFn, Params),
    /// A special method (`wrapper_descriptor`): binds to instances.
    Slot(NativeFn, Params),
    /// A class method (`classmethod_descriptor`): binds to the class.
    ClassMethod(NativeFn, Params),
    /// A computed attribute (`getset_descriptor`).
    GetSet(Getter, Option<Setter>),
    /// A stored attribute (`member_descriptor`).
    Member(Getter, Option<Setter>),
}

/// How a method descriptor is being called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescrCall {
    /// Itself, with the receiver as the first argument: `str.upper('a')`.
    Unbound,
    /// Through a bound builtin method (`f = 'a'.upper; f()`), whose messages name the
    /// receiver's class.
    Bound,
    /// As `LOAD_METHOD` left it, with its receiver (`'a'.upper()`): the method was found
    /// on the receiver's class and is a descriptor of that class or a base
    /// ([`Vm::is_method_of`]), so the receiver fits.
    Method,
}

/// A descriptor in a builtin type's namespace.
#[derive(Clone, Copy)]
pub struct Descr {
    /// `__name__`.
    pub name: &'static str,
    /// `__objclass__`: the type whose namespace holds it; receivers must be instances.
    pub owner: ObjRef,
    /// What it does.
    pub kind: DescrKind,
}

impl Descr {
    /// Whether this is an attribute (a data descriptor: it wins over instance dicts).
    pub fn is_attr(&self) -> bool {
        matches!(self.kind, DescrKind::GetSet(..) | DescrKind::Member(..))
    }

    /// Whether reading it through an instance gives a bound method.
    pub fn binds_to_instance(&self) -> bool {
        matches!(self.kind, DescrKind::Method(..) | DescrKind::Slot(..))
    }
}

impl Vm {
    /// Adds a descriptor to the namespace of the class `t` (a builtin type, or a user
    /// class's `__dict__` attribute).
    pub(crate) fn add_descr(&mut self, t: ObjRef, name: &'static str, kind: DescrKind) {
        let d = self.alloc(Object::Descr(Box::new(Descr {
            name,
            owner: t,
            kind,
        })));
        let dict = self.class_dict(t);
        self.dict_set_str(dict, name, Value::Obj(d));
    }

    /// Adds the methods `defs` to the builtin type `t`.
    pub(crate) fn add_methods(&mut self, t: ObjRef, defs: &[MethodDef]) {
        for &(name, f, params) in defs {
            self.add_descr(t, name, DescrKind::Method(f, params));
        }
    }

    /// Adds the special methods `defs` to the builtin type `t`.
    pub(crate) fn add_slots(&mut self, t: ObjRef, defs: &[MethodDef]) {
        for &(name, f, params) in defs {
            self.add_descr(t, name, DescrKind::Slot(f, params));
        }
    }

    /// Adds the class methods `defs` to the builtin type `t`.
    pub(crate) fn add_class_methods(&mut self, t: ObjRef, defs: &[MethodDef]) {
        for &(name, f, params) in defs {
            self.add_descr(t, name, DescrKind::ClassMethod(f, params));
        }
    }

    /// Adds computed attributes to the builtin type `t`.
    pub(crate) fn add_getsets(&mut self, t: ObjRef, defs: &[AttrDef]) {
        for &(name, get, set) in defs {
            self.add_descr(t, name, DescrKind::GetSet(get, set));
        }
    }

    /// Adds stored attributes to the builtin type `t`.
    pub(crate) fn add_members(&mut self, t: ObjRef, defs: &[AttrDef]) {
        for &(name, get, set) in defs {
            self.add_descr(t, name, DescrKind::Member(get, set));
        }
    }

    /// The descriptor behind `v`, if it is one.
    pub(crate) fn descr(&self, v: Value) -> Option<&Descr> {
        match self.heap.get(v.as_obj()?) {
            Object::Descr(d) => Some(d),
            _ => None,
        }
    }

    /// Whether `v`, found on a class, is a data descriptor (a property or a builtin
    /// attribute): reading it through an instance runs it even when the instance's
    /// `__dict__` has the name.
    pub(crate) fn is_data_descr(&self, v: Value) -> bool {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Property(..)) => true,
            Some(Object::Descr(d)) => d.is_attr(),
            Some(Object::Instance(i)) => {
                self.lookup_in_type(i.class, "__set__").is_some()
                    || self.lookup_in_type(i.class, "__delete__").is_some()
            }
            _ => false,
        }
    }

    /// The `__get__` of a user object's class, if it is a descriptor.
    fn user_descr_get(&self, v: Value) -> Option<Value> {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Instance(i)) => self.lookup_in_type(i.class, "__get__"),
            _ => None,
        }
    }

    /// Whether `v`, found on the class `ty`, is a method that binds to its instances: a
    /// Python function, or a builtin method of `ty` or one of its bases (a class
    /// namespace may hold another class's descriptor, which does not apply). `LOAD_METHOD`
    /// pushes such a value with its receiver instead of allocating the bound method.
    #[inline]
    pub(crate) fn is_method_of(&self, v: Value, ty: ObjRef) -> bool {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Function(_)) => true,
            Some(Object::Descr(d)) => d.binds_to_instance() && self.is_subclass(ty, d.owner),
            _ => false,
        }
    }

    /// What reading the class attribute `v` gives: through `obj`, an instance of `cls`,
    /// or from the class `cls` itself when `obj` is `None` — each kind's `__get__`.
    /// Functions and builtin methods bind to `obj`, class methods to `cls`, properties
    /// and builtin attributes run their getter; anything else is itself.
    pub(crate) fn bind_attr(
        &mut self,
        v: Value,
        obj: Option<Value>,
        cls: ObjRef,
        name: &str,
    ) -> PyResult<Value> {
        let Some(r) = v.as_obj() else { return Ok(v) };
        match (self.heap.get(r), obj) {
            (Object::Function(_), Some(obj)) => Ok(self.bound_method(v, obj)),
            (&Object::StaticMethod(f), _) => Ok(f),
            (&Object::ClassMethod(f), _) => self.bind_class_method(f, cls, name),
            (&Object::Property(get, _), Some(obj)) => {
                if matches!(get, Value::None) {
                    let msg = format!(
                        "property '{name}' of '{}' object has no getter",
                        self.type_qualname(cls)
                    );
                    return Err(self.err(ExcKind::AttributeError, msg));
                }
                self.call_value(get, &[obj])
            }
            (Object::Descr(d), _) => {
                let d = **d;
                self.bind_descr(r, &d, obj, cls)
            }
            (Object::Instance(_), _) => match self.user_descr_get(v) {
                // A user descriptor: `type(v).__get__(v, obj or None, cls)`.
                Some(get) => {
                    let args = [v, obj.unwrap_or(Value::None), Value::Obj(cls)];
                    self.call_value(get, &args)
                }
                None => Ok(v),
            },
            _ => Ok(v),
        }
    }

    /// [`Vm::bind_attr`] of the descriptor `d`.
    fn bind_descr(
        &mut self,
        r: ObjRef,
        d: &Descr,
        obj: Option<Value>,
        cls: ObjRef,
    ) -> PyResult<Value> {
        if let DescrKind::ClassMethod(..) = d.kind {
            if !self.is_subclass(cls, d.owner) {
                let msg = format!(
                    "descriptor '{}' for type '{}' doesn't apply to type '{}'",
                    d.name,
                    self.type_name_of_type(d.owner),
                    self.type_name_of_type(cls)
                );
                return Err(self.type_error(msg));
            }
            return Ok(self.bound_method(Value::Obj(r), Value::Obj(cls)));
        }
        let Some(obj) = obj else {
            return Ok(Value::Obj(r));
        };
        if !self.is_instance(obj, d.owner) {
            return Err(self.receiver_mismatch(d, obj));
        }
        match d.kind {
            DescrKind::GetSet(get, _) | DescrKind::Member(get, _) => get(self, obj),
            _ => Ok(self.bound_method(Value::Obj(r), obj)),
        }
    }

    /// `classmethod(f).__get__(_, cls)`, as CPython 3.11: `f` bound to the class, or, when
    /// `f` is itself a descriptor (another class method, a user object with `__get__`),
    /// whatever its `__get__(cls, cls)` gives.
    fn bind_class_method(&mut self, f: Value, cls: ObjRef, name: &str) -> PyResult<Value> {
        let class = Value::Obj(cls);
        match f.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Function(_)) | None => Ok(self.bound_method(f, class)),
            Some(Object::ClassMethod(_) | Object::StaticMethod(_) | Object::Descr(_)) => {
                self.bind_attr(f, Some(class), cls, name)
            }
            Some(Object::Instance(_))
                if self.lookup_in_type(self.type_of(f), "__get__").is_some() =>
            {
                match self.call_special(f, "__get__", &[class, class])? {
                    Some(bound) => Ok(bound),
                    None => Ok(self.bound_method(f, class)),
                }
            }
            _ => Ok(self.bound_method(f, class)),
        }
    }

    /// A bound method: `f` with `this` as its first argument.
    fn bound_method(&mut self, f: Value, this: Value) -> Value {
        Value::Obj(self.alloc(Object::Method(f, this)))
    }

    /// Writes (`Some`) or deletes (`None`) the attribute `name` of `obj` through the data
    /// descriptor `v` found on `obj`'s class `cls` ([`Vm::is_data_descr`]).
    pub(crate) fn set_through_descr(
        &mut self,
        v: Value,
        obj: Value,
        cls: ObjRef,
        name: &str,
        value: Option<Value>,
    ) -> PyResult<()> {
        let Some(r) = v.as_obj() else { return Ok(()) };
        match *self.heap.get(r) {
            Object::Property(_, set) => {
                let Some(value) = value else {
                    return Err(self.property_lacks(cls, name, "deleter"));
                };
                if matches!(set, Value::None) {
                    return Err(self.property_lacks(cls, name, "setter"));
                }
                self.call_value(set, &[obj, value]).map(drop)
            }
            Object::Descr(ref d) => {
                let d = **d;
                if !self.is_instance(obj, d.owner) {
                    return Err(self.receiver_mismatch(&d, obj));
                }
                match d.kind {
                    DescrKind::GetSet(_, Some(set)) | DescrKind::Member(_, Some(set)) => {
                        set(self, obj, value)
                    }
                    DescrKind::GetSet(..) => {
                        let msg = format!(
                            "attribute '{name}' of '{}' objects is not writable",
                            self.type_name_of_type(d.owner)
                        );
                        Err(self.err(ExcKind::AttributeError, msg))
                    }
                    _ => Err(self.err(ExcKind::AttributeError, "readonly attribute")),
                }
            }
            Object::Instance(ref i) => {
                // A user data descriptor: `__set__(obj, value)` or `__delete__(obj)`.
                let class = i.class;
                let (hook, args) = match value {
                    Some(value) => ("__set__", vec![v, obj, value]),
                    None => ("__delete__", vec![v, obj]),
                };
                match self.lookup_in_type(class, hook) {
                    Some(f) => self.call_value(f, &args).map(drop),
                    None => Err(self.err(ExcKind::AttributeError, hook)),
                }
            }
            _ => Ok(()),
        }
    }

    #[cold]
    fn property_lacks(&mut self, cls: ObjRef, name: &str, what: &str) -> ObjRef {
        let msg = format!(
            "property '{name}' of '{}' object has no {what}",
            self.type_qualname(cls)
        );
        self.err(ExcKind::AttributeError, msg)
    }

    /// Checks a call of the method descriptor `d` whose arguments (`npos` positional,
    /// the receiver first, then `nkw` keyword arguments) start at `stack[start]`, and
    /// returns the native function to run on them: the receiver must be an instance of
    /// the descriptor's type (a subclass of it for class methods; `LOAD_METHOD`'s pair,
    /// [`DescrCall::Method`], fits already), and `NoArgs`/`One` methods get what they
    /// take. `None` when `d` is not callable (an attribute descriptor).
    #[inline(always)]
    pub(crate) fn descr_call_target(
        &mut self,
        d: &Descr,
        start: usize,
        npos: usize,
        nkw: usize,
        how: DescrCall,
    ) -> PyResult<Option<NativeFn>> {
        let (f, params) = match d.kind {
            DescrKind::Method(f, p) | DescrKind::Slot(f, p) | DescrKind::ClassMethod(f, p) => {
                (f, p)
            }
            DescrKind::GetSet(..) | DescrKind::Member(..) => return Ok(None),
        };
        if npos == 0 {
            return Err(self.descr_needs_argument(d));
        }
        let receiver = self.stack[start];
        if how != DescrCall::Method && !self.receiver_fits(d, receiver) {
            return Err(self.descr_call_mismatch(d, receiver));
        }
        let bound = how == DescrCall::Bound;
        if nkw > 0 && params != Params::Keywords {
            let qualname = self.call_qualname(d, bound.then_some(receiver));
            return Err(self.descr_keywords_error(d, &qualname));
        }
        let given = npos - 1;
        let fits = match params {
            Params::NoArgs => given == 0,
            Params::One => given == 1,
            Params::Positional | Params::Keywords => true,
        };
        if !fits {
            let qualname = self.call_qualname(d, bound.then_some(receiver));
            return Err(self.descr_arity_error(d, &qualname, params, given));
        }
        Ok(Some(f))
    }

    /// How a call's messages name the method `d`: `type.name` for the descriptor
    /// itself, or for a bound method (`receiver`) its [`Vm::bound_qualname`].
    #[cold]
    fn call_qualname(&self, d: &Descr, receiver: Option<Value>) -> String {
        match receiver {
            Some(receiver) => self.bound_qualname(d, receiver),
            None => self.descr_qualname(d),
        }
    }

    /// `__qualname__` of the method `d` bound to `receiver`: qualified by the receiver's
    /// class (the receiver itself when it is a class); special methods by the class
    /// that defines them.
    pub(crate) fn bound_qualname(&self, d: &Descr, receiver: Value) -> String {
        let class = match (d.kind, self.as_type(receiver)) {
            (DescrKind::Slot(..), _) => d.owner,
            (_, Some(c)) => c,
            (_, None) => self.type_of(receiver),
        };
        format!("{}.{}", self.type_qualname(class), d.name)
    }

    /// Whether `receiver` may be the first argument of the method descriptor `d`: an
    /// instance of its type, or for class methods a subclass.
    #[inline]
    fn receiver_fits(&self, d: &Descr, receiver: Value) -> bool {
        self.type_of(receiver) == d.owner || self.receiver_fits_subclass(d, receiver)
    }

    /// [`Vm::receiver_fits`] when the receiver's type is not the descriptor's own.
    #[cold]
    fn receiver_fits_subclass(&self, d: &Descr, receiver: Value) -> bool {
        match d.kind {
            DescrKind::ClassMethod(..) => self
                .as_type(receiver)
                .is_some_and(|c| self.is_subclass(c, d.owner)),
            _ => self.is_subclass(self.type_of(receiver), d.owner),
        }
    }

    /// `__qualname__` of a descriptor: `type.name`.
    pub(crate) fn descr_qualname(&self, d: &Descr) -> String {
        format!("{}.{}", self.type_qualname(d.owner), d.name)
    }

    /// `TypeError` for reading or setting the attribute descriptor, or binding the method
    /// descriptor, `d` through an object not of its type.
    #[cold]
    fn receiver_mismatch(&mut self, d: &Descr, obj: Value) -> ObjRef {
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name,
            self.type_name_of_type(d.owner),
            self.type_name(obj)
        );
        self.type_error(msg)
    }

    /// `TypeError` for calling the method descriptor `d` with a receiver of another type.
    #[cold]
    fn descr_call_mismatch(&mut self, d: &Descr, receiver: Value) -> ObjRef {
        let (name, owner) = (d.name, self.type_name_of_type(d.owner));
        let got = self.type_name(receiver);
        let msg = match (d.kind, self.as_type(receiver)) {
            (DescrKind::Slot(..), _) => {
                format!("descriptor '{name}' requires a '{owner}' object but received a '{got}'")
            }
            (DescrKind::ClassMethod(..), Some(c)) => format!(
                "descriptor '{name}' requires a subtype of '{owner}' but received '{}'",
                self.type_name_of_type(c)
            ),
            (DescrKind::ClassMethod(..), None) => format!(
                "descriptor '{name}' for type '{owner}' needs a type, not a '{got}' as arg 2"
            ),
            _ => return self.receiver_mismatch(d, receiver),
        };
        self.type_error(msg)
    }

    /// `TypeError` for calling the method descriptor `d` with no receiver at all.
    #[cold]
    fn descr_needs_argument(&mut self, d: &Descr) -> ObjRef {
        let msg = match d.kind {
            DescrKind::Method(..) => {
                format!(
                    "unbound method {}() needs an argument",
                    self.descr_qualname(d)
                )
            }
            _ => format!(
                "descriptor '{}' of '{}' object needs an argument",
                d.name,
                self.type_name_of_type(d.owner)
            ),
        };
        self.type_error(msg)
    }

    /// `TypeError` for a `NoArgs` or `One` method, called as `qualname`, given `given`
    /// arguments.
    #[cold]
    fn descr_arity_error(
        &mut self,
        d: &Descr,
        qualname: &str,
        params: Params,
        given: usize,
    ) -> ObjRef {
        let msg = match (d.kind, params) {
            (DescrKind::Slot(..), Params::NoArgs) => format!("expected 0 arguments, got {given}"),
            (DescrKind::Slot(..), _) => format!("expected 1 argument, got {given}"),
            (_, Params::NoArgs) => format!("{qualname}() takes no arguments ({given} given)"),
            _ => format!("{qualname}() takes exactly one argument ({given} given)"),
        };
        self.type_error(msg)
    }

    /// `TypeError` for keyword arguments to a method, called as `qualname`, that takes
    /// none.
    #[cold]
    fn descr_keywords_error(&mut self, d: &Descr, qualname: &str) -> ObjRef {
        let msg = match d.kind {
            DescrKind::Slot(..) => format!("wrapper {}() takes no keyword arguments", d.name),
            _ => format!("{qualname}() takes no keyword arguments"),
        };
        self.type_error(msg)
    }
}

/// `__get__` of functions, `staticmethod`, `classmethod` and the builtin descriptors.
pub const GET_SLOTS: &[MethodDef] = &[("__get__", get_slot, Params::Positional)];

/// `__set__` and `__delete__` of the builtin attribute descriptors.
pub const SET_SLOTS: &[MethodDef] = &[
    ("__set__", set_slot, Params::Positional),
    ("__delete__", delete_slot, Params::One),
];

/// `d.__get__(obj, type=None)`: what reading `d` through `obj` (or, when `obj` is
/// `None`, from the class `type`) gives.
fn get_slot(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    // CPython unpacks these arguments under an empty name.
    vm.check_arity("", &args[1..], 1, 2)?;
    let not_none = |v: &Value| !matches!(v, Value::None);
    let obj = Some(args[1]).filter(not_none);
    let class = args.get(2).copied().filter(not_none);
    let cls = match (obj, class) {
        (None, None) => return Err(vm.type_error("__get__(None, None) is invalid")),
        (_, Some(c)) => vm.as_type(c).unwrap_or_else(|| vm.type_of(c)),
        (Some(o), None) => vm.type_of(o),
    };
    let name = vm.descr(args[0]).map_or("?", |d| d.name);
    vm.bind_attr(args[0], obj, cls, name)
}

/// `d.__set__(obj, value)`.
fn set_slot(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("", &args[1..], 2, 2)?;
    store_through_slot(vm, args[0], args[1], Some(args[2]))
}

/// `d.__delete__(obj)`.
fn delete_slot(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    store_through_slot(vm, args[0], args[1], None)
}

fn store_through_slot(vm: &mut Vm, d: Value, obj: Value, value: Option<Value>) -> PyResult<Value> {
    let name = vm.descr(d).map_or("?", |d| d.name);
    let cls = vm.type_of(obj);
    vm.set_through_descr(d, obj, cls, name, value)?;
    Ok(Value::None)
}
