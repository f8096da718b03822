//! User classes: making one from a class body's namespace (bases, C3 MRO), calling one
//! to make an instance (`__init__` runs as a frame of kind [`FrameKind::Init`]), and the
//! names of user classes (`__module__`, `__qualname__`).

use std::rc::Rc;

use crate::call::KwNames;
use crate::exceptions::ExcKind;
use crate::frame::FrameKind;
use crate::objects::{Instance, Object, TypeObj};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// Makes the class `name` with `bases` from the namespace dict `ns` (which becomes
    /// its `__dict__`; `__qualname__` moves out of it into the class).
    pub(crate) fn create_class(
        &mut self,
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
            if t != self.types.object && !self.is_user_type(t) && !self.is_subclass(t, exc_base) {
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
        // A class without a docstring still has `__doc__` in its own namespace.
        if self.dict_get_str(ns, "__doc__").is_none() {
            self.dict_set_str(ns, "__doc__", Value::None);
        }
        Ok(self.alloc(Object::Type(Box::new(TypeObj {
            name: Rc::from(name),
            qualname,
            base: base_types.first().copied(),
            bases: base_types,
            mro,
            dict: ns,
            user: true,
            ctor: None,
        }))))
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

    /// Calls the user class `cls` whose arguments are at `stack[fpos + 1..]`: makes the
    /// instance and runs `__init__`. `Ok(true)` when an `__init__` frame was pushed (its
    /// return leaves the instance at `ret_base`).
    pub(crate) fn call_class(
        &mut self,
        cls: ObjRef,
        ret_base: usize,
        fpos: usize,
        nargs: usize,
        kwnames: Option<KwNames>,
    ) -> PyResult<bool> {
        let nkw = kwnames.as_ref().map_or(0, Vec::len);
        let is_exc = self.is_subclass(cls, self.exc_class(ExcKind::BaseException));
        let inst = if is_exc {
            let args = self.stack[fpos + 1..fpos + 1 + nargs - nkw].to_vec();
            Value::Obj(self.new_exception(cls, args))
        } else {
            let dict = self.new_dict();
            Value::Obj(self.alloc(Object::Instance(Box::new(Instance { class: cls, dict }))))
        };
        let init = self.lookup_in_type(cls, "__init__");
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
        let qualname = self.type_qualname(cls);
        if is_exc && nkw > 0 {
            self.truncate_stack(ret_base);
            return Err(self.type_error(format!("{qualname}() takes no keyword arguments")));
        }
        if !is_exc && nargs > 0 && self.lookup_in_type(cls, "__new__").is_none() {
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
            Object::Type(ty) if ty.user => self
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

    /// The `__dict__` of an instance or exception, made on demand for exceptions when
    /// `create` is set.
    pub(crate) fn instance_dict(&mut self, r: ObjRef, create: bool) -> Option<ObjRef> {
        match self.heap.get(r) {
            Object::Instance(i) => Some(i.dict),
            Object::Exception(e) => match e.dict {
                Some(d) => Some(d),
                None if create => {
                    let d = self.new_dict();
                    if let Object::Exception(e) = self.heap.get_mut(r) {
                        e.dict = Some(d);
                    }
                    Some(d)
                }
                None => None,
            },
            _ => None,
        }
    }
}
