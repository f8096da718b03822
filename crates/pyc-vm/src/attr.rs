//! Attribute access: `LOAD_ATTR`, `STORE_ATTR`, `DELETE_ATTR`, `LOAD_METHOD` and the
//! attribute hooks. The lookup is CPython's: a data descriptor on the object's class,
//! else the object's `__dict__`, else the class attribute through its `__get__`
//! ([`Vm::bind_attr`]); the attributes of builtin objects are descriptors in their
//! types' namespaces ([`crate::objects::descr`]).

use crate::exceptions::ExcKind;
use crate::heap::Heap;
use crate::objects::{CodeData, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// What a `LOAD_METHOD` instruction found last: the plain function `method` on class
/// `ty`, found while the type lookups were in `generation`. Types and values it names are
/// not roots: a collection starts a new generation first.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MethodCacheEntry {
    ty: ObjRef,
    generation: u64,
    method: Value,
}

/// Whether `name` is a special name, `__x__`.
fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// The `__dict__` of `obj` when it is an instance of a user class and no class namespace
/// has ever held a property or an attribute hook: where the inline attribute checks
/// below may look.
#[inline(always)]
fn plain_instance_dict(heap: &Heap, class_attr_hooks: bool, obj: Value) -> Option<ObjRef> {
    if class_attr_hooks {
        return None;
    }
    match heap.get(obj.as_obj()?) {
        Object::Instance(i) => Some(i.dict),
        _ => None,
    }
}

/// `LOAD_ATTR`'s inline check, for the dispatch loop: the value of `code.names[index]`
/// in a plain instance's `__dict__` ([`plain_instance_dict`]) when the instruction's hint
/// names that entry. It takes the heap rather than the VM so that the loop can copy the
/// value straight into a stack slot while holding it. `None` leaves the lookup to
/// [`Vm::load_instance_attr`].
#[inline(always)]
pub(crate) fn hinted_instance_value<'h>(
    heap: &'h Heap,
    class_attr_hooks: bool,
    obj: Value,
    code: &CodeData,
    index: usize,
) -> Option<&'h Value> {
    let Object::Dict(d) = heap.get(plain_instance_dict(heap, class_attr_hooks, obj)?) else {
        return None;
    };
    d.value_if_key_at(code.attr_hints[index].get() as usize, code.names[index])
}

/// `STORE_ATTR`'s inline check, the counterpart of [`hinted_instance_value`]: the value
/// slot to overwrite, found the same way.
#[inline(always)]
pub(crate) fn hinted_instance_slot<'h>(
    heap: &'h mut Heap,
    class_attr_hooks: bool,
    obj: Value,
    code: &CodeData,
    index: usize,
) -> Option<&'h mut Value> {
    let dict = plain_instance_dict(heap, class_attr_hooks, obj)?;
    let Object::Dict(d) = heap.get_mut(dict) else {
        return None;
    };
    d.value_mut_if_key_at(code.attr_hints[index].get() as usize, code.names[index])
}

impl Vm {
    /// `obj.name`: the class's `__getattribute__` if it defines one, else the default
    /// lookup; when either raises `AttributeError`, the class's `__getattr__`.
    pub fn get_attr(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        let found = match self.intercepting_hook(obj, "__getattribute__") {
            Some(hook) => {
                let name = self.new_str(name);
                self.call_value(hook, &[obj, name])
            }
            None => self.generic_get_attr(obj, name),
        };
        match found {
            Err(e) if self.exc_matches(e, self.exc_class(ExcKind::AttributeError)) => {
                match self.instance_hook(obj, "__getattr__") {
                    Some(fallback) => {
                        let name = self.new_str(name);
                        self.call_value(fallback, &[obj, name])
                    }
                    None => Err(e),
                }
            }
            found => found,
        }
    }

    /// An attribute name passed as an argument (`getattr`, `setattr`, `hasattr`,
    /// `object.__setattr__`, ...), which must be a str.
    pub(crate) fn attr_name_arg(&mut self, v: Value) -> PyResult<String> {
        match self.as_str(v) {
            Some(s) => Ok(s.to_owned()),
            None => {
                let msg = format!("attribute name must be string, not '{}'", self.type_name(v));
                Err(self.type_error(msg))
            }
        }
    }

    /// `object.__getattribute__`: `obj.name` by the default rules (no hooks): a data
    /// descriptor on the object's class, else the object's `__dict__`, else whatever the
    /// class has, through its `__get__` ([`Vm::bind_attr`]).
    pub(crate) fn generic_get_attr(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        if let Some(r) = obj.as_obj() {
            match *self.heap.get(r) {
                Object::Type(_) => return self.type_get_attr(r, name),
                Object::Super(class, this) => return self.super_attr(class, this, name),
                _ => {}
            }
        }
        let t = self.type_of(obj);
        let found = self.lookup_in_type(t, name);
        if let Some(v) = found.filter(|&v| self.is_data_descr(v)) {
            return self.bind_attr(v, Some(obj), t, name);
        }
        if let Some(d) = obj.as_obj().and_then(|r| self.instance_dict(r, false)) {
            if let Some(v) = self.dict_get_str(d, name) {
                return Ok(v);
            }
        }
        match found {
            Some(v) => self.bind_attr(v, Some(obj), t, name),
            None => self.missing_attr(obj, name),
        }
    }

    /// `cls.name` for a class: a data descriptor of its metaclass (`__name__`,
    /// `__mro__`, ...) first, then the class's own MRO, then anything else the metaclass
    /// has (`mro`, a metaclass's methods, bound to the class).
    fn type_get_attr(&mut self, cls: ObjRef, name: &str) -> PyResult<Value> {
        let meta = self.type_of(Value::Obj(cls));
        let meta_attr = self.lookup_in_type(meta, name);
        if let Some(v) = meta_attr.filter(|&v| self.is_data_descr(v)) {
            return self.bind_attr(v, Some(Value::Obj(cls)), meta, name);
        }
        if let Some(v) = self.lookup_in_type(cls, name) {
            return self.bind_attr(v, None, cls, name);
        }
        match meta_attr {
            Some(v) => self.bind_attr(v, Some(Value::Obj(cls)), meta, name),
            None => Err(self.no_attribute(Value::Obj(cls), name)),
        }
    }

    /// `obj.name` when neither `obj` nor its class has `name`: a bound Python method
    /// hands the lookup to its function (`m.__name__`), anything else has no such
    /// attribute.
    fn missing_attr(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        if let Some(&Object::Method(f, _)) = obj.as_obj().map(|r| self.heap.get(r)) {
            if self.descr(f).is_none() {
                return self.get_attr(f, name);
            }
        }
        Err(self.no_attribute(obj, name))
    }

    /// `LOAD_METHOD name` when `name` is not a plain method of `obj`'s class (the
    /// dispatch loop pushes `method obj` itself for those, see [`Vm::push_method`]):
    /// `obj` -> `NULL attr`.
    pub(crate) fn load_method(&mut self, text: &str) -> PyResult<()> {
        let obj = self.pop();
        let v = self.get_attr(obj, text)?;
        self.push(Value::Null);
        self.push(v);
        Ok(())
    }

    /// `LOAD_ATTR` of `code.names[index]` on the instance at `stack[at]`, replacing it
    /// with the attribute, when the instance's class has no property of that name and no
    /// `__getattribute__`, and its `__dict__` holds it: the common case. The instruction's hint (where the name was
    /// last found in an instance dict) is tried before a hashed lookup. `false` sends the
    /// lookup down the general path ([`Vm::get_attr`]).
    ///
    /// The attribute is copied from the dict entry straight into the stack slot: handing
    /// it back as a return value would store it in pieces, and the next instruction's
    /// whole-value load of the slot would then wait for those stores to retire instead of
    /// being forwarded.
    // Kept out of line so the dispatch loop's hot path stays small.
    #[inline(never)]
    pub(crate) fn load_instance_attr(&mut self, at: usize, code: &CodeData, index: usize) -> bool {
        let Some((class, dict)) = self.instance_parts(self.stack[at]) else {
            return false;
        };
        let name = code.names[index];
        if self.class_intercepts(class, name, &code.code.names[index], "__getattribute__") {
            return false;
        }
        let hint = &code.attr_hints[index];
        let i = match self
            .dict_ref(dict)
            .value_if_key_at(hint.get() as usize, name)
        {
            Some(_) => hint.get() as usize,
            None => match self.dict_find_name(dict, name) {
                Some(i) => {
                    hint.set(i as u32);
                    i
                }
                None => return false,
            },
        };
        self.stack[at] = self.dict_ref(dict).value_at(i);
        true
    }

    /// `STORE_ATTR` of `code.names[index]` on an instance of a user class whose class has
    /// no property of that name and no `__setattr__`, with the same hint as
    /// [`Vm::load_instance_attr`]; `false` sends the store down the general path
    /// ([`Vm::set_attr`]).
    // Kept out of line so the dispatch loop's hot path stays small.
    #[inline(never)]
    pub(crate) fn set_instance_attr(
        &mut self,
        obj: Value,
        code: &CodeData,
        index: usize,
        v: Value,
    ) -> bool {
        let Some((class, dict)) = self.instance_parts(obj) else {
            return false;
        };
        let name = code.names[index];
        if self.class_intercepts(class, name, &code.code.names[index], "__setattr__") {
            return false;
        }
        let hint = &code.attr_hints[index];
        let d = self.dict_mut(dict);
        if d.value_if_key_at(hint.get() as usize, name).is_some() {
            d.set_value_at(hint.get() as usize, v);
        } else {
            hint.set(self.dict_set_name(dict, name, v) as u32);
        }
        true
    }

    fn instance_parts(&self, obj: Value) -> Option<(ObjRef, ObjRef)> {
        match self.heap.get(obj.as_obj()?) {
            Object::Instance(i) => Some((i.class, i.dict)),
            _ => None,
        }
    }

    /// Records whether `name = v`, about to live in a class namespace, can intercept
    /// instance attribute access (a data descriptor such as a property, or one of the
    /// attribute hooks): until one can, the fast paths need not look for them. Data
    /// descriptors with dunder names (every class has `__class__`, and most a
    /// `__dict__`) are looked for anyway ([`Vm::class_intercepts`]).
    pub(crate) fn note_class_attr(&mut self, name: &str, v: Value) {
        let is_hook = matches!(name, "__getattribute__" | "__setattr__" | "__delattr__");
        self.class_attr_hooks |= is_hook || (!is_dunder(name) && self.is_data_descr(v));
    }

    /// Whether reading (`hook` = `__getattribute__`) or writing (`__setattr__`) the
    /// attribute `name` of an instance of `class` must take the general path: the class
    /// has a data descriptor of that name (a property, `__class__`, `__dict__`) or
    /// defines the hook.
    fn class_intercepts(&self, class: ObjRef, name: ObjRef, text: &str, hook: &str) -> bool {
        if !self.class_attr_hooks && !is_dunder(text) {
            return false;
        }
        let is_data = self
            .lookup_in_type_named(class, name, text)
            .is_some_and(|v| self.is_data_descr(v));
        is_data || (self.class_attr_hooks && self.attr_hook(class, hook).is_some())
    }

    /// The class's own `hook` (`__getattribute__`, `__setattr__`, `__delattr__` or
    /// `__getattr__`) if it defines one in Python; `object`'s builtin defaults are not
    /// hooks.
    fn attr_hook(&self, class: ObjRef, hook: &str) -> Option<Value> {
        self.lookup_in_type(class, hook)
            .filter(|&h| self.descr(h).is_none())
    }

    /// [`Vm::attr_hook`] for an instance of a user class.
    fn instance_hook(&self, obj: Value, hook: &str) -> Option<Value> {
        match self.heap.get(obj.as_obj()?) {
            Object::Instance(i) => self.attr_hook(i.class, hook),
            _ => None,
        }
    }

    /// [`Vm::instance_hook`] for `__getattribute__`, `__setattr__` and `__delattr__`,
    /// which no class can define before `class_attr_hooks` is set.
    fn intercepting_hook(&self, obj: Value, hook: &str) -> Option<Value> {
        if !self.class_attr_hooks {
            return None;
        }
        self.instance_hook(obj, hook)
    }

    /// `LOAD_METHOD` of `code.names[index]` on `stack[at]` when it finds a plain
    /// function on the object's class (no class receiver, no instance attribute
    /// shadowing it): leaves `function obj` at `stack[at..at + 2]`, which must exist.
    /// The instruction remembers the last class and function it found, valid while the
    /// type lookups it came from are ([`Vm::forget_type_lookups`]). `false` sends the
    /// lookup down the general path ([`Vm::load_method`]).
    // Kept out of line so the dispatch loop's hot path stays small.
    #[inline(never)]
    pub(crate) fn push_method(&mut self, at: usize, code: &CodeData, index: usize) -> bool {
        let obj = self.stack[at];
        let (ty, dict) = match obj {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Type(_) | Object::Super(..) => return false,
                Object::Instance(i) => (i.class, Some(i.dict)),
                Object::Exception(e) => (e.class, e.dict),
                _ => (self.type_of(obj), None),
            },
            _ => (self.type_of(obj), None),
        };
        let name = code.names[index];
        if dict.is_some_and(|d| self.dict_find_name(d, name).is_some()) {
            return false;
        }
        let cache = &code.method_cache[index];
        let method = match cache.get() {
            Some(e) if e.ty == ty && e.generation == self.type_generation => e.method,
            // A class that gains `__getattribute__` starts a new generation, so only a
            // miss needs to look for one.
            _ => {
                if self.class_attr_hooks && self.attr_hook(ty, "__getattribute__").is_some() {
                    return false;
                }
                let Some(method) = self.lookup_in_type_named(ty, name, &code.code.names[index])
                else {
                    return false;
                };
                if !self.is_method_of(method, ty) {
                    return false;
                }
                cache.set(Some(MethodCacheEntry {
                    ty,
                    generation: self.type_generation,
                    method,
                }));
                method
            }
        };
        self.stack[at + 1] = obj;
        self.stack[at] = method;
        true
    }

    /// `obj.name = v`: the class's `__setattr__` if it defines one, else the default.
    pub fn set_attr(&mut self, obj: Value, name: &str, v: Value) -> PyResult<()> {
        if let Some(hook) = self.intercepting_hook(obj, "__setattr__") {
            let name = self.new_str(name);
            return self.call_value(hook, &[obj, name, v]).map(drop);
        }
        self.generic_set_attr(obj, name, v)
    }

    /// `object.__setattr__`: `obj.name = v` by the default rules (no hooks).
    pub(crate) fn generic_set_attr(&mut self, obj: Value, name: &str, v: Value) -> PyResult<()> {
        self.store_attr(obj, name, Some(v))
    }

    /// `del obj.name`: the class's `__delattr__` if it defines one, else the default.
    pub fn del_attr(&mut self, obj: Value, name: &str) -> PyResult<()> {
        if let Some(hook) = self.intercepting_hook(obj, "__delattr__") {
            let name = self.new_str(name);
            return self.call_value(hook, &[obj, name]).map(drop);
        }
        self.generic_del_attr(obj, name)
    }

    /// `object.__delattr__`: `del obj.name` by the default rules (no hooks).
    pub(crate) fn generic_del_attr(&mut self, obj: Value, name: &str) -> PyResult<()> {
        self.store_attr(obj, name, None)
    }

    /// Writes (`Some`) or deletes (`None`) `obj.name` by the default rules: through a
    /// data descriptor on the object's class, else in the object's `__dict__`.
    fn store_attr(&mut self, obj: Value, name: &str, v: Option<Value>) -> PyResult<()> {
        if let Some(cls) = self.as_type(obj) {
            return self.type_store_attr(cls, name, v);
        }
        let t = self.type_of(obj);
        let found = self.lookup_in_type(t, name);
        if let Some(d) = found.filter(|&d| self.is_data_descr(d)) {
            return self.set_through_descr(d, obj, t, name, v);
        }
        let Some(dict) = obj.as_obj().and_then(|r| self.instance_dict(r, true)) else {
            return Err(self.no_attribute_to_store(obj, name, found.is_some()));
        };
        self.store_in_dict(dict, obj, name, v)
    }

    /// `cls.name = v` (or `del cls.name` for `None`): a data descriptor of `type`
    /// (`__name__`, ...), else the class namespace. Builtin types are immutable.
    fn type_store_attr(&mut self, cls: ObjRef, name: &str, v: Option<Value>) -> PyResult<()> {
        if !self.is_user_type(cls) {
            let msg = format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                self.type_name_of_type(cls)
            );
            return Err(self.type_error(msg));
        }
        let meta = self.types.type_;
        if let Some(d) = self
            .lookup_in_type(meta, name)
            .filter(|&d| self.is_data_descr(d))
        {
            return self.set_through_descr(d, Value::Obj(cls), meta, name, v);
        }
        self.forget_type_lookups();
        if let Some(v) = v {
            self.note_class_attr(name, v);
        }
        let dict = self.class_dict(cls);
        self.store_in_dict(dict, Value::Obj(cls), name, v)
    }

    /// Writes (`Some`) or deletes (`None`) `name` in `dict`, the `__dict__` of `obj`.
    fn store_in_dict(
        &mut self,
        dict: ObjRef,
        obj: Value,
        name: &str,
        v: Option<Value>,
    ) -> PyResult<()> {
        match v {
            Some(v) => {
                self.dict_set_str(dict, name, v);
                Ok(())
            }
            None => {
                let key = self.new_str(name);
                match self.dict_del(dict, key)? {
                    Some(_) => Ok(()),
                    None => Err(self.no_attribute(obj, name)),
                }
            }
        }
    }

    /// `AttributeError` for storing `name` on an object without a `__dict__`; `on_class`
    /// when its class has the name (a method, say), which is then read-only.
    #[cold]
    fn no_attribute_to_store(&mut self, obj: Value, name: &str, on_class: bool) -> ObjRef {
        if !on_class {
            return self.no_attribute(obj, name);
        }
        let msg = format!(
            "'{}' object attribute '{name}' is read-only",
            self.type_name(obj)
        );
        self.err(ExcKind::AttributeError, msg)
    }
}
