//! Coroutine objects (what calling an `async def` function makes), their
//! `coroutine_wrapper` iterators (`coro.__await__()`), and `GET_AWAITABLE`.
//!
//! A coroutine is a [`crate::objects::Generator`] held as `Object::Coroutine`: it runs,
//! suspends and resumes through the generator machinery, but it is not an iterator;
//! `await` (`GET_AWAITABLE` then the `SEND` loop) or `send`/`throw`/`close` drive it.

use crate::exceptions::ExcKind;
use crate::objects::descr::{AttrDef, MethodDef, Params};
use crate::objects::frames::FrameObj;
use crate::objects::generator::{self, GenState};
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// The coroutine a `coroutine_wrapper` value wraps, if `v` is one.
    pub(crate) fn as_coro_wrapper(&self, v: Value) -> Option<ObjRef> {
        match self.heap.get(v.as_obj()?) {
            &Object::CoroWrapper(c) => Some(c),
            _ => None,
        }
    }

    /// `GET_AWAITABLE place`: the iterator `await v` drives. A coroutine is its own
    /// (unless another `await` is already driving it); anything else must have an
    /// `__await__` returning an iterator that is not a coroutine. `place` 1 and 2 (what
    /// `__aenter__` and `__aexit__` returned) name the `async with` in the error for an
    /// object without `__await__`.
    pub(crate) fn get_awaitable(&mut self, v: Value, place: u32) -> PyResult<Value> {
        let it = match self.awaitable_iter(v) {
            Ok(it) => it,
            Err(_) if place > 0 && !self.has_await(v) => {
                let method = if place == 1 {
                    "__aenter__"
                } else {
                    "__aexit__"
                };
                let msg = format!(
                    "'async with' received an object from {method} that does not implement __await__: {}",
                    self.type_name(v)
                );
                return Err(self.type_error(msg));
            }
            Err(e) => return Err(e),
        };
        if let Some(c) = self.as_coroutine(it) {
            if self.gen_delegate(c).is_some() {
                return Err(self.err(ExcKind::RuntimeError, "coroutine is being awaited already"));
            }
        }
        Ok(it)
    }

    /// Whether `v` is a coroutine or its class defines `__await__`.
    fn has_await(&self, v: Value) -> bool {
        self.as_coroutine(v).is_some() || self.has_special(v, "__await__")
    }

    /// CPython's `_PyCoro_GetAwaitableIter`: a coroutine, or the iterator `__await__`
    /// returns.
    pub(crate) fn awaitable_iter(&mut self, v: Value) -> PyResult<Value> {
        if self.as_coroutine(v).is_some() {
            return Ok(v);
        }
        let awaited = if self.is_user_value(v) {
            self.call_special(v, "__await__", &[])?
        } else {
            None
        };
        let Some(it) = awaited else {
            let msg = format!(
                "object {} can't be used in 'await' expression",
                self.type_name(v)
            );
            return Err(self.type_error(msg));
        };
        if self.as_coroutine(it).is_some() {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if !self.is_iterator(it) {
            let msg = format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(it)
            );
            return Err(self.type_error(msg));
        }
        Ok(it)
    }

    /// Whether `v` is an iterator: a builtin one, a generator, a coroutine wrapper, or
    /// an object whose class defines `__next__`.
    pub(crate) fn is_iterator(&self, v: Value) -> bool {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Iter(_) | Object::Generator(_) | Object::CoroWrapper(_)) => true,
            _ => self.has_special(v, "__next__"),
        }
    }

    /// `coro.cr_frame`: `None` once it has finished, else a snapshot of its frame
    /// (its locals as they were saved, the line it waits at).
    fn coroutine_frame(&mut self, c: ObjRef) -> Value {
        let g = self.gen_ref(c);
        if g.state == GenState::Finished {
            return Value::None;
        }
        let (code, globals) = (g.code.clone(), g.globals);
        let index = g.pc.saturating_sub(1);
        let values: Vec<(usize, Value)> = g.saved.iter().copied().enumerate().collect();
        let locals = self.new_dict();
        for (i, v) in values {
            let Some(name) = code.code.localsplus_names.get(i) else {
                break;
            };
            let kind = code.code.localsplus_kinds[i];
            let cell = pyc_bytecode::fast_kind::CELL | pyc_bytecode::fast_kind::FREE;
            let v = if kind & cell != 0
                && matches!(v.as_obj().map(|r| self.heap.get(r)), Some(Object::Cell(_)))
            {
                self.cell_get(v)
            } else {
                v
            };
            if !v.is_null() {
                self.dict_set_str(locals, name, v);
            }
        }
        let lineno = code.code.line_of(index);
        Value::Obj(self.alloc(Object::Frame(Box::new(FrameObj {
            code,
            globals,
            locals,
            lineno,
            index: index as u32,
            back: Value::None,
        }))))
    }
}

/// `coroutine` methods.
pub const METHODS: &[MethodDef] = &[
    ("send", generator::send, Params::One),
    ("throw", generator::throw, Params::Positional),
    ("close", generator::close, Params::NoArgs),
];

/// `coroutine` special methods.
pub const SLOTS: &[MethodDef] = &[("__await__", await_, Params::NoArgs)];

/// `coroutine` attributes.
pub const ATTRS: &[AttrDef] = &[
    ("__name__", generator::name, None),
    ("__qualname__", generator::qualname, None),
    ("cr_await", cr_await, None),
    ("cr_frame", cr_frame, None),
    ("cr_code", cr_code, None),
];

/// `coroutine` members.
pub const MEMBERS: &[AttrDef] = &[("cr_running", generator::running, None)];

/// `coroutine_wrapper` methods: the coroutine's, as an iterator.
pub const WRAPPER_METHODS: &[MethodDef] = &[
    ("send", wrapper_send, Params::One),
    ("throw", wrapper_throw, Params::Positional),
    ("close", wrapper_close, Params::NoArgs),
];

/// `coroutine_wrapper` special methods.
pub const WRAPPER_SLOTS: &[MethodDef] = &[
    ("__next__", wrapper_next, Params::NoArgs),
    ("__iter__", wrapper_iter, Params::NoArgs),
];

/// `coroutine.__await__()`: an iterator over the coroutine.
fn await_(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    let c = vm.obj_of(args[0]);
    Ok(Value::Obj(vm.alloc(Object::CoroWrapper(c))))
}

/// `cr_await`: what the coroutine is awaiting while suspended in an `await`, else `None`.
fn cr_await(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm.gen_delegate(vm.obj_of(v)).unwrap_or(Value::None))
}

/// `cr_frame`.
fn cr_frame(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm.coroutine_frame(vm.obj_of(v)))
}

/// `cr_code`: the code object of the function that made the coroutine.
fn cr_code(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = vm.gen_ref(vm.obj_of(v));
    Ok(match vm.heap.get(g.func) {
        Object::Function(f) => Value::Obj(f.code_obj),
        _ => Value::None,
    })
}

/// The coroutine behind a `coroutine_wrapper` receiver.
fn wrapped(vm: &Vm, v: Value) -> ObjRef {
    vm.as_coro_wrapper(v)
        .expect("the descriptor checked the receiver")
}

fn wrapper_send(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    let c = wrapped(vm, args[0]);
    vm.gen_send(c, args[1])
}

fn wrapper_throw(vm: &mut Vm, args: &[Value], kw: &crate::builtins::Kw) -> PyResult<Value> {
    let c = Value::Obj(wrapped(vm, args[0]));
    let mut with_coroutine = args.to_vec();
    with_coroutine[0] = c;
    generator::throw(vm, &with_coroutine, kw)
}

fn wrapper_close(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    let c = wrapped(vm, args[0]);
    vm.gen_close(c)
}

fn wrapper_next(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    let c = wrapped(vm, args[0]);
    vm.gen_send(c, Value::None)
}

fn wrapper_iter(_vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    Ok(args[0])
}
