//! Weak references: the handle under `weakref.ref` (which `pyc-stdlib` writes in
//! Python on top of it). A handle names its referent without keeping it alive: the
//! collector does not trace the referent, empties the handle when the referent dies and
//! queues the handle's callback, which runs at the next safe point (see [`crate::gc`]).

use crate::exceptions::ExcKind;
use crate::gc::WeakCallback;
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// A weak reference handle.
pub struct WeakRefObj {
    /// The referent; `None` once it died.
    pub target: Option<ObjRef>,
    /// Called with `arg` when the referent dies (`None`: nothing to call).
    pub callback: Value,
    /// What `callback` receives: the weak reference object the program holds.
    pub arg: Value,
}

impl Vm {
    /// A weak reference handle to `target`; once `target` dies, `callback(arg)` runs
    /// (unless `callback` is `None` or the handle itself died first). `TypeError` for
    /// objects CPython does not let weak references name (ints, strs, tuples, lists,
    /// dicts, builtin exceptions, ...).
    pub fn new_weakref(&mut self, target: Value, callback: Value, arg: Value) -> PyResult<Value> {
        let weakrefable = target.as_obj().is_some_and(|r| match self.heap.get(r) {
            Object::Instance(_)
            | Object::Function(_)
            | Object::Type(_)
            | Object::Set(_)
            | Object::Generator(_)
            | Object::Coroutine(_)
            | Object::Code(_)
            | Object::Module(_)
            | Object::Method(..)
            | Object::Builtin(_) => true,
            Object::Exception(e) => self.is_user_type(e.class),
            _ => false,
        });
        let Some(target) = target.as_obj().filter(|_| weakrefable) else {
            let msg = format!(
                "cannot create weak reference to '{}' object",
                self.type_name(target)
            );
            return Err(self.type_error(msg));
        };
        let w = self.alloc(Object::WeakRef(Box::new(WeakRefObj {
            target: Some(target),
            callback,
            arg,
        })));
        self.heap.weakrefs.push(w);
        Ok(Value::Obj(w))
    }

    /// The referent of a weak reference handle, or `None` once it died; `TypeError`
    /// when `handle` is not one.
    pub fn weakref_target(&mut self, handle: Value) -> PyResult<Value> {
        match handle.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::WeakRef(w)) => Ok(w.target.map_or(Value::None, Value::Obj)),
            _ => {
                let msg = format!("expected a weak reference, not {}", self.type_name(handle));
                Err(self.type_error(msg))
            }
        }
    }

    /// The `arg`s of the live weak reference handles to `target` (the weak reference
    /// objects the program holds), oldest first.
    pub fn weak_referrers(&self, target: Value) -> Vec<Value> {
        let Some(target) = target.as_obj() else {
            return Vec::new();
        };
        self.heap
            .weakrefs
            .iter()
            .filter_map(|&w| match self.heap.get(w) {
                Object::WeakRef(h) if h.target == Some(target) => Some(h.arg),
                _ => None,
            })
            .collect()
    }

    /// Queues the callbacks of weak references emptied by a collection.
    pub(crate) fn queue_weak_callbacks(&mut self, callbacks: Vec<WeakCallback>) {
        self.weak_callbacks.extend(callbacks);
    }

    /// Runs the queued weak reference callbacks, oldest first. An exception in one is
    /// reported on stderr as CPython reports an unraisable exception, and the rest run.
    pub(crate) fn run_weak_callbacks(&mut self) {
        while !self.weak_callbacks.is_empty() {
            let WeakCallback { callback, arg } = self.weak_callbacks.remove(0);
            if let Err(exc) = self.call_value(callback, &[arg]) {
                self.report_unraisable("Exception ignored in: ", callback, exc);
            }
        }
    }

    /// Writes `Exception ignored in: <obj repr>` and the exception's traceback to
    /// stderr, as CPython's `PyErr_WriteUnraisable` (`what` is the line's start).
    pub fn report_unraisable(&mut self, what: &str, obj: Value, exc: ObjRef) {
        self.flush();
        let repr = self
            .repr_of(obj)
            .unwrap_or_else(|_| "<object repr() failed>".to_string());
        let rendered = if self.exc_matches(exc, self.exc_class(ExcKind::SystemExit)) {
            String::new()
        } else {
            self.uncaught(exc).render()
        };
        eprint!("{what}{repr}\n{rendered}");
    }
}
