//! The builtins namespace: functions ([`functions`]), type constructors ([`ctors`]) and
//! the namespaces of builtin types ([`methods`]), plus argument-checking helpers.

mod build_class;
mod ctors;
pub(crate) use ctors::fill_dict;
mod functions;
mod methods;
mod runtime;

use std::rc::Rc;

use crate::exceptions::ExcKind;
use crate::objects::{Builtin, NativeFn, Object};
use crate::types::new_type;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Keyword arguments as passed to native functions.
pub type Kw = [(Rc<str>, Value)];

impl Vm {
    /// Fills the builtins dict and the builtin types' namespaces.
    pub(crate) fn init_builtins(&mut self) {
        self.init_exception_types();
        self.register_types();
        self.register_functions();
        self.register_runtime_functions();
        self.register_methods();
        self.register_class_builtins();
    }

    fn init_exception_types(&mut self) {
        for &kind in ExcKind::ALL {
            let base = if kind == ExcKind::BaseException {
                self.types.object
            } else {
                self.exc_types[kind.base() as usize]
            };
            let t = new_type(&mut self.heap, kind.name(), Some(base));
            if let Object::Type(ty) = self.heap.get_mut(t) {
                ty.ctor = Some(ctors::exception_new);
            }
            self.exc_types.push(t);
            self.dict_set_str(self.builtins, kind.name(), Value::Obj(t));
        }
    }

    /// Adds a builtin function to the builtins namespace.
    pub(crate) fn add_function(&mut self, name: &'static str, f: NativeFn, takes_kw: bool) {
        let b = self.alloc(Object::Builtin(Box::new(Builtin { name, f, takes_kw })));
        self.dict_set_str(self.builtins, name, Value::Obj(b));
    }

    /// Makes a builtin type callable and visible in builtins under its name.
    pub(crate) fn add_type(&mut self, t: ObjRef, ctor: Option<NativeFn>) {
        let name = match self.heap.get_mut(t) {
            Object::Type(ty) => {
                ty.ctor = ctor;
                ty.name.clone()
            }
            _ => return,
        };
        self.dict_set_str(self.builtins, &name, Value::Obj(t));
    }

    /// Checks the number of positional arguments with the messages of CPython's
    /// argument clinic: `name() takes exactly one argument (0 given)`, `name() takes no
    /// arguments (1 given)`, `name expected 2 arguments, got 1`, `name expected at least
    /// 1 argument, got 0`, `name expected at most 2 arguments, got 3`.
    pub fn check_arity(
        &mut self,
        name: &str,
        args: &[Value],
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        let n = args.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let msg = match (min, max) {
            (1, 1) => format!("{name}() takes exactly one argument ({n} given)"),
            (0, 0) => format!("{name}() takes no arguments ({n} given)"),
            _ => {
                let (bound, count) = if n < min {
                    ("at least ", min)
                } else {
                    ("at most ", max)
                };
                let bound = if min == max { "" } else { bound };
                let s = if count == 1 { "" } else { "s" };
                format!("{name} expected {bound}{count} argument{s}, got {n}")
            }
        };
        Err(self.type_error(msg))
    }

    /// Checks the number of positional arguments with the messages of functions that
    /// CPython parses the older way: `name() takes at least 1 argument (0 given)`,
    /// `name() takes at most 3 arguments (4 given)`.
    pub fn check_arg_count(
        &mut self,
        name: &str,
        args: &[Value],
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        let n = args.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let (bound, count) = match (n < min, min == max) {
            (_, true) => ("exactly", min),
            (true, false) => ("at least", min),
            (false, false) => ("at most", max),
        };
        let s = if count == 1 { "" } else { "s" };
        let msg = format!("{name}() takes {bound} {count} argument{s} ({n} given)");
        Err(self.type_error(msg))
    }

    /// Finds a keyword argument, rejecting names not in `allowed` with the message of
    /// CPython's argument clinic.
    pub fn kwarg(
        &mut self,
        fname: &str,
        kw: &Kw,
        name: &str,
        allowed: &[&str],
    ) -> PyResult<Option<Value>> {
        for (k, _) in kw {
            if !allowed.contains(&&**k) {
                let msg = format!("'{k}' is an invalid keyword argument for {fname}()");
                return Err(self.type_error(msg));
            }
        }
        Ok(kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| *v))
    }

    /// The text of a str argument, or `TypeError`.
    pub fn str_arg(&mut self, v: Value, what: &str) -> PyResult<String> {
        match self.as_str(v) {
            Some(s) => Ok(s.to_string()),
            None => {
                let msg = format!("{what} must be str, not {}", self.type_name(v));
                Err(self.type_error(msg))
            }
        }
    }

    /// An int argument as `i64`, or `TypeError`.
    pub fn int_arg(&mut self, v: Value) -> PyResult<i64> {
        if self.is_int(v) {
            return self.int_to_i64(v);
        }
        let msg = format!(
            "'{}' object cannot be interpreted as an integer",
            self.type_name(v)
        );
        Err(self.type_error(msg))
    }
}
