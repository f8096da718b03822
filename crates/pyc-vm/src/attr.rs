//! Attribute access: `LOAD_ATTR`, `STORE_ATTR`, `DELETE_ATTR`, `LOAD_METHOD`, and the
//! introspection attributes of functions, cells, code objects, classes and exceptions.

use std::rc::Rc;

use crate::exceptions::ExcKind;
use crate::heap::Heap;
use crate::objects::generator::GenState;
use crate::objects::{CodeData, Object, PyStr};
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
    pub(crate) fn get_attr(&mut self, obj: Value, name: &str) -> PyResult<Value> {
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

    /// `object.__getattribute__`: `obj.name` by the default rules (no hooks).
    pub(crate) fn generic_get_attr(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(v);
        }
        if let Some(r) = obj.as_obj() {
            match self.heap.get(r) {
                Object::Type(_) => {
                    if let Some(v) = self.lookup_in_type(r, name) {
                        return Ok(self.bind_class_attr(v, r));
                    }
                    return Err(self.no_attribute(obj, name));
                }
                &Object::Super(class, this) => return self.super_attr(class, this, name),
                _ => {}
            }
        }
        let t = self.type_of(obj);
        let found = self.lookup_in_type(t, name);
        if let Some(Value::Obj(p)) = found {
            if matches!(self.heap.get(p), Object::Property(..)) {
                return self.bind_instance_attr(Value::Obj(p), obj, t, name);
            }
        }
        if let Some(d) = obj.as_obj().and_then(|r| self.instance_dict(r, false)) {
            if let Some(v) = self.dict_get_str(d, name) {
                return Ok(v);
            }
        }
        match (found, obj.as_obj().map(|r| self.heap.get(r))) {
            (Some(v), _) => self.bind_instance_attr(v, obj, t, name),
            // A bound method answers for its function, as CPython's does.
            (None, Some(&Object::Method(f, _))) => self.get_attr(f, name),
            (None, _) => Err(self.no_attribute(obj, name)),
        }
    }

    /// What reading a class attribute `v` from the class `cls` gives.
    pub(crate) fn bind_class_attr(&mut self, v: Value, cls: ObjRef) -> Value {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(&Object::StaticMethod(f)) => f,
            Some(&Object::ClassMethod(f)) => {
                Value::Obj(self.alloc(Object::Method(f, Value::Obj(cls))))
            }
            _ => v,
        }
    }

    /// What reading the attribute `v`, found on `obj`'s class `cls`, from `obj` gives:
    /// functions bind to `obj`, class methods to `cls`, properties run their getter.
    pub(crate) fn bind_instance_attr(
        &mut self,
        v: Value,
        obj: Value,
        cls: ObjRef,
        name: &str,
    ) -> PyResult<Value> {
        let Some(r) = v.as_obj() else { return Ok(v) };
        Ok(match *self.heap.get(r) {
            Object::Builtin(_) | Object::Function(_) => {
                Value::Obj(self.alloc(Object::Method(v, obj)))
            }
            Object::StaticMethod(f) => f,
            Object::ClassMethod(f) => Value::Obj(self.alloc(Object::Method(f, Value::Obj(cls)))),
            Object::Property(Value::None, _) => {
                let msg = format!(
                    "property '{name}' of '{}' object has no getter",
                    self.type_qualname(cls)
                );
                return Err(self.err(ExcKind::AttributeError, msg));
            }
            Object::Property(get, _) => return self.call_value(get, &[obj]),
            _ => v,
        })
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
    /// instance attribute access (a property, or one of the attribute hooks): until one
    /// can, the fast paths need not look for them.
    pub(crate) fn note_class_attr(&mut self, name: &str, v: Value) {
        let is_property = v
            .as_obj()
            .is_some_and(|r| matches!(self.heap.get(r), Object::Property(..)));
        let is_hook = matches!(name, "__getattribute__" | "__setattr__" | "__delattr__");
        self.class_attr_hooks |= is_property || is_hook;
    }

    /// Whether reading (`hook` = `__getattribute__`) or writing (`__setattr__`) the
    /// attribute `name` of an instance of `class` must take the general path: the class
    /// has a property of that name or defines the hook.
    fn class_intercepts(&self, class: ObjRef, name: ObjRef, text: &str, hook: &str) -> bool {
        if !self.class_attr_hooks {
            return false;
        }
        let is_property = self
            .lookup_in_type_named(class, name, text)
            .and_then(Value::as_obj)
            .is_some_and(|p| matches!(self.heap.get(p), Object::Property(..)));
        is_property || self.attr_hook(class, hook).is_some()
    }

    /// The class's own `hook` (`__getattribute__`, `__setattr__`, `__delattr__` or
    /// `__getattr__`) if it defines one in Python; `object`'s builtin defaults are not
    /// hooks.
    fn attr_hook(&self, class: ObjRef, hook: &str) -> Option<Value> {
        self.lookup_in_type(class, hook).filter(|h| {
            !h.as_obj()
                .is_some_and(|r| matches!(self.heap.get(r), Object::Builtin(_)))
        })
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
                let is_func = method.as_obj().is_some_and(|r| {
                    matches!(self.heap.get(r), Object::Builtin(_) | Object::Function(_))
                });
                if !is_func {
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

    fn str_value(&mut self, s: &str) -> Value {
        Value::Obj(self.alloc(Object::Str(PyStr::new(Box::from(s)))))
    }

    fn names_tuple(&mut self, names: Vec<Rc<str>>) -> Value {
        let items = names.iter().map(|n| self.str_value(n)).collect();
        self.new_tuple(items)
    }

    /// Attributes stored in the object itself rather than found on its class.
    fn special_attr(&mut self, obj: Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Obj(self.type_of(obj))));
        }
        let Value::Obj(r) = obj else {
            return Ok(None);
        };
        let opt = |r: Option<ObjRef>| r.map_or(Value::None, Value::Obj);
        let v = match self.heap.get(r) {
            Object::Function(f) => match name {
                "__name__" => {
                    let n = f.name().clone();
                    self.str_value(&n)
                }
                "__qualname__" => {
                    let n = f.qualname().clone();
                    self.str_value(&n)
                }
                "__code__" => Value::Obj(f.code_obj),
                "__closure__" => opt(f.closure),
                "__defaults__" => opt(f.defaults),
                "__kwdefaults__" => opt(f.kwdefaults),
                "__globals__" => Value::Obj(f.globals),
                "__doc__" => f.doc,
                "__module__" => {
                    let g = f.globals;
                    self.dict_get_str(g, "__name__").unwrap_or(Value::None)
                }
                "__dict__" => match f.dict {
                    Some(d) => Value::Obj(d),
                    None => {
                        let d = self.new_dict();
                        if let Object::Function(f) = self.heap.get_mut(r) {
                            f.dict = Some(d);
                        }
                        Value::Obj(d)
                    }
                },
                _ => match f.dict {
                    Some(d) => match self.dict_get_str(d, name) {
                        Some(v) => v,
                        None => return Ok(None),
                    },
                    None => return Ok(None),
                },
            },
            Object::Cell(c) => match name {
                "cell_contents" if c.is_null() => {
                    return Err(self.value_error("Cell is empty"));
                }
                "cell_contents" => *c,
                _ => return Ok(None),
            },
            Object::Code(c) => {
                let co = c.code.clone();
                match name {
                    "co_name" => self.str_value(&co.name),
                    "co_qualname" => self.str_value(&co.qualname),
                    "co_filename" => self.str_value(&co.filename),
                    "co_firstlineno" => Value::Int(co.firstlineno.into()),
                    "co_argcount" => Value::Int(co.argcount.into()),
                    "co_posonlyargcount" => Value::Int(co.posonlyargcount.into()),
                    "co_kwonlyargcount" => Value::Int(co.kwonlyargcount.into()),
                    "co_flags" => Value::Int(co.flags.into()),
                    "co_stacksize" => Value::Int(co.stacksize.into()),
                    "co_nlocals" => Value::Int(co.varnames().len() as i64),
                    "co_varnames" => self.names_tuple(co.varnames()),
                    "co_cellvars" => self.names_tuple(co.cellvars()),
                    "co_freevars" => self.names_tuple(co.freevars()),
                    "co_names" => self.names_tuple(co.names.clone()),
                    "co_consts" => {
                        let consts = c.consts.clone();
                        self.new_tuple(consts)
                    }
                    _ => return Ok(None),
                }
            }
            Object::Type(t) => match name {
                "__name__" => {
                    let n = t.name.clone();
                    self.str_value(&n)
                }
                "__qualname__" => {
                    let n = t.qualname.clone();
                    self.str_value(&n)
                }
                "__base__" => opt(t.base),
                "__bases__" => {
                    let bases = t.bases.iter().map(|&b| Value::Obj(b)).collect();
                    self.new_tuple(bases)
                }
                "__mro__" => {
                    let mut mro = vec![Value::Obj(r)];
                    mro.extend(t.mro.iter().map(|&c| Value::Obj(c)));
                    self.new_tuple(mro)
                }
                "__dict__" => Value::Obj(t.dict),
                "__doc__" if !t.user => Value::None,
                "__module__" if !t.user => self.str_value("builtins"),
                _ => return Ok(None),
            },
            Object::Instance(i) => match name {
                "__dict__" => Value::Obj(i.dict),
                _ => return Ok(None),
            },
            Object::Generator(g) => match name {
                "__name__" => {
                    let n = g.code.code.name.clone();
                    self.str_value(&n)
                }
                "__qualname__" => {
                    let n = g.qualname.clone();
                    self.str_value(&n)
                }
                "gi_running" => Value::Bool(g.state == GenState::Running),
                _ => return Ok(None),
            },
            Object::Exception(e) => match name {
                "args" => Value::Obj(e.args),
                "value" if self.is_subclass(e.class, self.exc_class(ExcKind::StopIteration)) => {
                    self.stop_iteration_value(r)
                }
                "code" if self.is_subclass(e.class, self.exc_class(ExcKind::SystemExit)) => {
                    self.system_exit_code(r)
                }
                "__cause__" => e.cause,
                "__context__" => e.context,
                "__suppress_context__" => Value::Bool(e.suppress_context),
                "__traceback__" => Value::None,
                _ => return Ok(None),
            },
            Object::Builtin(b) => match name {
                "__name__" | "__qualname__" => {
                    let n = b.name;
                    self.str_value(n)
                }
                "__doc__" => Value::None,
                _ => return Ok(None),
            },
            Object::Method(f, s) => match name {
                "__func__" => *f,
                "__self__" => *s,
                // Everything else is the function's (`__doc__`, `__code__`, ...).
                _ => {
                    let f = *f;
                    return self.special_attr(f, name);
                }
            },
            &Object::Range(a, b, c) => match name {
                "start" => Value::Int(a),
                "stop" => Value::Int(b),
                "step" => Value::Int(c),
                _ => return Ok(None),
            },
            Object::Slice(parts) => match name {
                "start" => parts[0],
                "stop" => parts[1],
                "step" => parts[2],
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    /// `obj.name = v`: the class's `__setattr__` if it defines one, else the default.
    pub(crate) fn set_attr(&mut self, obj: Value, name: &str, v: Value) -> PyResult<()> {
        if let Some(hook) = self.intercepting_hook(obj, "__setattr__") {
            let name = self.new_str(name);
            return self.call_value(hook, &[obj, name, v]).map(drop);
        }
        self.generic_set_attr(obj, name, v)
    }

    /// `object.__setattr__`: `obj.name = v` by the default rules (no hooks).
    pub(crate) fn generic_set_attr(&mut self, obj: Value, name: &str, v: Value) -> PyResult<()> {
        let Value::Obj(r) = obj else {
            return Err(self.no_attribute(obj, name));
        };
        if let Some(set) = self.property_setter(obj, name)? {
            return self.call_value(set, &[obj, v]).map(drop);
        }
        let user_type = matches!(self.heap.get(r), Object::Type(t) if t.user);
        let special_exc = matches!(
            name,
            "__cause__" | "__context__" | "__suppress_context__" | "args"
        );
        if user_type || (!special_exc && matches!(self.heap.get(r), Object::Exception(_))) {
            if user_type {
                self.forget_type_lookups();
                self.note_class_attr(name, v);
            }
            let d = match self.heap.get(r) {
                Object::Type(t) => t.dict,
                _ => self.instance_dict(r, true).unwrap_or(r),
            };
            self.dict_set_str(d, name, v);
            return Ok(());
        }
        let text = self.as_str(v).map(Rc::from);
        match (self.heap.get_mut(r), name) {
            (Object::Cell(c), "cell_contents") => *c = v,
            (Object::Function(f), "__name__" | "__qualname__") => {
                let Some(text) = text else {
                    return Err(self.type_error(format!("{name} must be set to a string object")));
                };
                let (mut new_name, mut new_qualname) = (f.name().clone(), f.qualname().clone());
                if name == "__name__" {
                    new_name = text;
                } else {
                    new_qualname = text;
                }
                f.renamed = Some(Box::new((new_name, new_qualname)));
            }
            (Object::Function(f), "__defaults__") => f.defaults = v.as_obj(),
            (Object::Function(f), "__doc__") => f.doc = v,
            (Object::Function(f), "__kwdefaults__") => f.kwdefaults = v.as_obj(),
            (Object::Function(f), _) => {
                let d = match f.dict {
                    Some(d) => d,
                    None => {
                        let d = self.new_dict();
                        if let Object::Function(f) = self.heap.get_mut(r) {
                            f.dict = Some(d);
                        }
                        d
                    }
                };
                self.dict_set_str(d, name, v);
            }
            (Object::Exception(e), "__cause__") => {
                e.cause = v;
                e.suppress_context = true;
            }
            (Object::Exception(e), "__context__") => e.context = v,
            (Object::Exception(_), "args") => {
                let items = self.collect_iterable(v)?;
                let t = self.new_tuple(items);
                if let (Object::Exception(e), Value::Obj(t)) = (self.heap.get_mut(r), t) {
                    e.args = t;
                }
            }
            (Object::Instance(i), _) => {
                let d = i.dict;
                self.dict_set_str(d, name, v);
            }
            (Object::Exception(e), "__suppress_context__") => {
                e.suppress_context = matches!(v, Value::Bool(true));
            }
            (Object::Type(t), _) => {
                let msg = format!(
                    "cannot set '{name}' attribute of immutable type '{}'",
                    t.name
                );
                return Err(self.type_error(msg));
            }
            _ => return Err(self.no_attribute(obj, name)),
        }
        Ok(())
    }

    /// `del obj.name`: the class's `__delattr__` if it defines one, else the default.
    pub(crate) fn del_attr(&mut self, obj: Value, name: &str) -> PyResult<()> {
        if let Some(hook) = self.intercepting_hook(obj, "__delattr__") {
            let name = self.new_str(name);
            return self.call_value(hook, &[obj, name]).map(drop);
        }
        self.generic_del_attr(obj, name)
    }

    /// `object.__delattr__`: `del obj.name` by the default rules (no hooks).
    pub(crate) fn generic_del_attr(&mut self, obj: Value, name: &str) -> PyResult<()> {
        let Value::Obj(r) = obj else {
            return Err(self.no_attribute(obj, name));
        };
        let dict = match self.heap.get(r) {
            Object::Type(t) if t.user => Some(t.dict),
            Object::Instance(i) => Some(i.dict),
            Object::Exception(e) => e.dict,
            _ => None,
        };
        if let Some(d) = dict {
            if matches!(self.heap.get(r), Object::Type(_)) {
                self.forget_type_lookups();
            }
            let key = self.new_str(name);
            return match self.dict_del(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.no_attribute(obj, name)),
            };
        }
        match (self.heap.get_mut(r), name) {
            (Object::Cell(c), "cell_contents") => {
                *c = Value::Null;
                Ok(())
            }
            (Object::Function(f), "__doc__") => {
                f.doc = Value::None;
                Ok(())
            }
            (Object::Function(f), _) if f.dict.is_some() => {
                let d = f.dict.unwrap_or(r);
                let key = self.new_str(name);
                match self.dict_del(d, key)? {
                    Some(_) => Ok(()),
                    None => Err(self.no_attribute(obj, name)),
                }
            }
            _ => Err(self.err(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
            )),
        }
    }

    /// The setter of a property `name` on `obj`'s class (`AttributeError` for a property
    /// without one); `None` when `name` is not a property.
    fn property_setter(&mut self, obj: Value, name: &str) -> PyResult<Option<Value>> {
        let t = self.type_of(obj);
        if !self.is_user_type(t) {
            return Ok(None);
        }
        match self
            .lookup_in_type(t, name)
            .and_then(Value::as_obj)
            .map(|p| self.heap.get(p))
        {
            Some(&Object::Property(_, Value::None)) => {
                let msg = format!(
                    "property '{name}' of '{}' object has no setter",
                    self.type_qualname(t)
                );
                Err(self.err(ExcKind::AttributeError, msg))
            }
            Some(&Object::Property(_, set)) => Ok(Some(set)),
            _ => Ok(None),
        }
    }
}
