//! Generator objects and how they run.
//!
//! `RETURN_GENERATOR` copies the new frame's window (localsplus and operand stack) into a
//! [`Generator`] and returns it. Resuming copies the window back on top of the value
//! stack and pushes a frame of kind [`FrameKind::Gen`]; `YIELD_VALUE` copies it out
//! again. `FOR_ITER` and `SEND` resume a generator in the same dispatch loop; native
//! consumers (`next()`, `list()`, ...) run a nested, depth-limited loop.
//!
//! Coroutines (`Object::Coroutine`, made when the code is `CO_COROUTINE`) are the same
//! [`Generator`] under another variant, so nothing that iterates generators sees them;
//! everything here serves both, naming the kind in its messages. A generator suspended
//! in a `SEND` loop (`yield from`, `await`) passes `throw` and `close` on to the
//! iterator it delegates to, as CPython's `_gen_throw` does.

use std::rc::Rc;

use crate::exceptions::ExcKind;
use crate::frame::{Frame, FrameKind, Resumer};
use crate::objects::descr::{AttrDef, MethodDef, Params};
use crate::objects::{CodeData, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Where a generator is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Made, not yet started.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Its frame is on the frame stack.
    Running,
    /// Returned or raised; it yields nothing more.
    Finished,
}

/// A generator: a suspended frame.
pub struct Generator {
    /// The generator function's code.
    pub code: Rc<CodeData>,
    /// The generator function (its closure feeds the frame's free variables).
    pub func: ObjRef,
    /// The globals dict.
    pub globals: ObjRef,
    /// `__qualname__` of the function when the generator was made.
    pub qualname: Rc<str>,
    /// Index of the instruction to resume at.
    pub pc: usize,
    /// The saved window (localsplus, then the operand stack); empty while running.
    pub saved: Vec<Value>,
    /// Where it is in its life.
    pub state: GenState,
}

impl Generator {
    /// Appends the values the generator keeps alive (for the collector).
    pub(crate) fn trace(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&self.code.consts);
        out.extend(self.code.names.iter().map(|&n| Value::Obj(n)));
        out.push(Value::Obj(self.func));
        out.push(Value::Obj(self.globals));
        out.extend_from_slice(&self.saved);
    }
}

/// One step of a generator run from native code.
pub(crate) enum GenStep {
    /// It yielded a value.
    Yield(Value),
    /// It returned a value (it is finished now).
    Return(Value),
}

impl Vm {
    /// `RETURN_GENERATOR`: turns the running frame (about to execute `pc`) into a
    /// generator object and returns it.
    pub(crate) fn make_generator(&mut self, pc: usize) -> Value {
        let f = self.frame();
        let (code, func, globals, base) = (f.code.clone(), f.func, f.globals, f.base);
        let func = func.unwrap_or(globals);
        let qualname = match self.heap.get(func) {
            Object::Function(f) => f.qualname().clone(),
            _ => code.code.qualname.clone(),
        };
        let saved = self.stack[base..self.sp].to_vec();
        let is_coroutine = code.code.is_coroutine();
        let gen = Box::new(Generator {
            code,
            func,
            globals,
            qualname,
            pc,
            saved,
            state: GenState::Created,
        });
        Value::Obj(self.alloc(if is_coroutine {
            Object::Coroutine(gen)
        } else {
            Object::Generator(gen)
        }))
    }

    /// The generator behind `v`, if it is one.
    #[inline]
    pub(crate) fn as_generator(&self, v: Value) -> Option<ObjRef> {
        v.as_obj()
            .filter(|&r| matches!(self.heap.get(r), Object::Generator(_)))
    }

    /// The coroutine behind `v`, if it is one.
    pub(crate) fn as_coroutine(&self, v: Value) -> Option<ObjRef> {
        v.as_obj()
            .filter(|&r| matches!(self.heap.get(r), Object::Coroutine(_)))
    }

    /// The generator or coroutine `g`.
    pub(crate) fn gen_ref(&self, g: ObjRef) -> &Generator {
        match self.heap.get(g) {
            Object::Generator(g) | Object::Coroutine(g) => g,
            _ => unreachable!("checked to be a generator"),
        }
    }

    fn gen_mut(&mut self, g: ObjRef) -> &mut Generator {
        match self.heap.get_mut(g) {
            Object::Generator(g) | Object::Coroutine(g) => g,
            _ => unreachable!("checked to be a generator"),
        }
    }

    /// `"generator"` or `"coroutine"`, as messages name `g`.
    fn gen_kind(&self, g: ObjRef) -> &'static str {
        match self.heap.get(g) {
            Object::Coroutine(_) => "coroutine",
            _ => "generator",
        }
    }

    /// The iterator `g` delegates to while it is suspended in the `SEND` loop of a
    /// `yield from` or `await` (CPython's `_PyGen_yf`): the top of its saved stack when
    /// it resumes at a `RESUME 2` or `RESUME 3`.
    pub(crate) fn gen_delegate(&self, g: ObjRef) -> Option<Value> {
        let gen = self.gen_ref(g);
        if gen.state != GenState::Suspended {
            return None;
        }
        let ins = gen.code.code.instructions.get(gen.pc)?;
        if ins.op == pyc_bytecode::Opcode::Resume && ins.arg >= 2 {
            gen.saved.last().copied()
        } else {
            None
        }
    }

    /// Pushes the frame of generator `g`, sending it `sent`. `Ok(false)` when the
    /// generator is already finished (nothing was pushed).
    pub(crate) fn resume_gen(
        &mut self,
        g: ObjRef,
        sent: Value,
        resumer: Resumer,
    ) -> PyResult<bool> {
        let kind = self.gen_kind(g);
        match self.gen_mut(g).state {
            GenState::Finished if kind == "coroutine" => {
                return Err(self.err(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
            GenState::Finished => return Ok(false),
            GenState::Running => {
                return Err(self.value_error(format!("{kind} already executing")));
            }
            GenState::Created if !matches!(sent, Value::None) => {
                return Err(self.type_error(format!(
                    "can't send non-None value to a just-started {kind}"
                )));
            }
            _ => {}
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(self.err(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let base = self.sp;
        let window = self.gen_ref(g).saved.len();
        self.reserve_stack(base + window + 1);
        // Copy the saved window back in one go (the heap and the stack are separate).
        let (Object::Generator(gen) | Object::Coroutine(gen)) = self.heap.get_mut(g) else {
            unreachable!("checked to be a generator")
        };
        gen.state = GenState::Running;
        self.stack[base..base + window].copy_from_slice(&gen.saved);
        gen.saved.clear();
        let (code, pc, func, globals) = (gen.code.clone(), gen.pc, gen.func, gen.globals);
        self.stack[base + window] = sent;
        self.sp = base + window + 1;
        self.frames.push(Frame {
            code,
            pc,
            base,
            func: Some(func),
            globals,
            locals: None,
            ret_base: base,
            is_entry: false,
            kind: FrameKind::Gen { gen: g, resumer },
        });
        Ok(true)
    }

    /// `YIELD_VALUE` in the running generator frame (about to execute `pc`): saves its
    /// window and pops it. Returns whether it was an entry frame.
    pub(crate) fn suspend_gen(&mut self, pc: usize) -> PyResult<bool> {
        let f = self.frames.pop().expect("a frame is running");
        let FrameKind::Gen { gen, .. } = f.kind else {
            self.frames.push(f);
            return Err(self.err(ExcKind::RuntimeError, "yield outside a generator frame"));
        };
        let (Object::Generator(g) | Object::Coroutine(g)) = self.heap.get_mut(gen) else {
            unreachable!("a generator frame's generator")
        };
        g.saved.extend_from_slice(&self.stack[f.base..self.sp]);
        g.pc = pc;
        g.state = GenState::Suspended;
        self.truncate_stack(f.ret_base);
        Ok(f.is_entry)
    }

    /// Marks a generator whose frame returned or raised as finished.
    pub(crate) fn finish_gen(&mut self, g: ObjRef) {
        let gen = self.gen_mut(g);
        gen.state = GenState::Finished;
        gen.saved = Vec::new();
    }

    /// Runs generator `g` from native code until it yields or returns, resumed with
    /// `sent`, or with `raise` raised where it is suspended (an exception it does not
    /// handle comes back out, and finishes it). A finished generator returns `None`, or
    /// raises `raise` at once.
    pub(crate) fn gen_step(
        &mut self,
        g: ObjRef,
        sent: Value,
        raise: Option<ObjRef>,
    ) -> PyResult<GenStep> {
        self.check_native_depth()?;
        if !self.resume_gen(g, sent, Resumer::Native)? {
            return match raise {
                Some(exc) => Err(exc),
                None => Ok(GenStep::Return(Value::None)),
            };
        }
        let v = self.run_nested(raise)?;
        Ok(match self.gen_mut(g).state {
            GenState::Finished => GenStep::Return(v),
            _ => GenStep::Yield(v),
        })
    }

    /// `gen.throw(exc)`: the next value the generator yields after handling `exc`, or
    /// `StopIteration(value)` if it returns. A generator suspended in a `SEND` loop
    /// throws `exc` into the iterator it delegates to first (closing it instead for a
    /// `GeneratorExit`); when that iterator finishes, the loop is left as `SEND` leaves
    /// it, with the iterator's return value, or its exception raised in `g`.
    pub(crate) fn gen_throw(&mut self, g: ObjRef, exc: ObjRef) -> PyResult<Value> {
        let mut exc = exc;
        if let Some(sub) = self.gen_delegate(g) {
            let exit = self.exc_class(ExcKind::GeneratorExit);
            self.gen_mut(g).state = GenState::Running;
            let thrown = if self.exc_matches(exc, exit) {
                self.close_iter(sub).err().map(Err)
            } else {
                self.throw_into(sub, exc).transpose()
            };
            self.gen_mut(g).state = GenState::Suspended;
            match thrown {
                None => {}
                Some(Ok(v)) => return Ok(v),
                Some(Err(e)) if self.exc_matches(exc, exit) => exc = e,
                Some(Err(e)) => {
                    self.leave_send_loop(g);
                    let stop = self.exc_class(ExcKind::StopIteration);
                    if self.exc_matches(e, stop) {
                        let value = self.stop_iteration_value(e);
                        return self.gen_send(g, value);
                    }
                    exc = e;
                }
            }
        }
        let step = self.gen_step(g, Value::None, Some(exc))?;
        self.yielded_or_stop(step)
    }

    /// Throws `exc` into the iterator `sub` a generator delegates to: `Ok(None)` when
    /// it has no `throw` method (the exception is then raised in the generator itself).
    fn throw_into(&mut self, sub: Value, exc: ObjRef) -> PyResult<Option<Value>> {
        if let Some(s) = self.as_generator(sub).or_else(|| self.as_coroutine(sub)) {
            return self.gen_throw(s, exc).map(Some);
        }
        if let Some(w) = self.as_coro_wrapper(sub) {
            return self.gen_throw(w, exc).map(Some);
        }
        match self.attr_if_any(sub, "throw")? {
            Some(throw) => self.call_value(throw, &[Value::Obj(exc)]).map(Some),
            None => Ok(None),
        }
    }

    /// Closes the iterator `sub` a generator delegates to (its `close()`, if any).
    fn close_iter(&mut self, sub: Value) -> PyResult<()> {
        if let Some(s) = self.as_generator(sub).or_else(|| self.as_coroutine(sub)) {
            return self.gen_close(s).map(drop);
        }
        if let Some(w) = self.as_coro_wrapper(sub) {
            return self.gen_close(w).map(drop);
        }
        if let Some(close) = self.attr_if_any(sub, "close")? {
            self.call_value(close, &[])?;
        }
        Ok(())
    }

    /// Pops the delegated-to iterator of suspended `g` and moves it to the target of
    /// its `SEND` (two instructions before the `RESUME` it waits at).
    fn leave_send_loop(&mut self, g: ObjRef) {
        let gen = self.gen_mut(g);
        gen.saved.pop();
        let send = gen.code.code.instructions[gen.pc - 2];
        gen.pc = send.arg as usize;
    }

    /// `obj.name`, or `None` when `obj` has no such attribute.
    fn attr_if_any(&mut self, obj: Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(e, self.exc_class(ExcKind::AttributeError)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `gen.close()`: raises `GeneratorExit` where the generator is suspended; it must
    /// not yield again. A generator that has not started, or has finished, just ends.
    pub(crate) fn gen_close(&mut self, g: ObjRef) -> PyResult<Value> {
        if matches!(
            self.gen_mut(g).state,
            GenState::Created | GenState::Finished
        ) {
            self.finish_gen(g);
            return Ok(Value::None);
        }
        let mut raise = None;
        if let Some(sub) = self.gen_delegate(g) {
            self.gen_mut(g).state = GenState::Running;
            raise = self.close_iter(sub).err();
            self.gen_mut(g).state = GenState::Suspended;
        }
        let exit = match raise {
            Some(e) => e,
            None => {
                let exit = self.exc_class(ExcKind::GeneratorExit);
                self.new_exception(exit, Vec::new())
            }
        };
        match self.gen_step(g, Value::None, Some(exit)) {
            Ok(GenStep::Yield(_)) => {
                let msg = format!("{} ignored GeneratorExit", self.gen_kind(g));
                Err(self.err(ExcKind::RuntimeError, msg))
            }
            Ok(GenStep::Return(_)) => Ok(Value::None),
            Err(e)
                if [ExcKind::GeneratorExit, ExcKind::StopIteration]
                    .into_iter()
                    .any(|kind| self.exc_matches(e, self.exc_class(kind))) =>
            {
                Ok(Value::None)
            }
            Err(e) => Err(e),
        }
    }

    /// `gen.send(v)` / `next(gen)`: the next yielded value, or `StopIteration(value)`.
    pub(crate) fn gen_send(&mut self, g: ObjRef, sent: Value) -> PyResult<Value> {
        let step = self.gen_step(g, sent, None)?;
        self.yielded_or_stop(step)
    }

    /// What a generator step gives a native caller: the yielded value, or
    /// `StopIteration(value)` for a return.
    fn yielded_or_stop(&mut self, step: GenStep) -> PyResult<Value> {
        match step {
            GenStep::Yield(v) => Ok(v),
            GenStep::Return(v) => {
                let class = self.exc_class(ExcKind::StopIteration);
                let args = if matches!(v, Value::None) {
                    Vec::new()
                } else {
                    vec![v]
                };
                Err(self.new_exception(class, args))
            }
        }
    }

    /// The exception the frame of generator `g` lets escape: `StopIteration` becomes
    /// `RuntimeError: generator raised StopIteration` (with the original as its cause).
    pub(crate) fn gen_escaping(&mut self, g: ObjRef, exc: ObjRef) -> ObjRef {
        let stop = self.exc_class(ExcKind::StopIteration);
        if !self.exc_matches(exc, stop) {
            return exc;
        }
        let msg = format!("{} raised StopIteration", self.gen_kind(g));
        let new = self.err(ExcKind::RuntimeError, msg);
        if let Object::Exception(e) = self.heap.get_mut(new) {
            e.cause = Value::Obj(exc);
            e.context = Value::Obj(exc);
            e.suppress_context = true;
        }
        new
    }
}

/// `generator` methods.
pub const METHODS: &[MethodDef] = &[
    ("send", send, Params::One),
    ("throw", throw, Params::Positional),
    ("close", close, Params::NoArgs),
];

/// `generator` special methods.
pub const SLOTS: &[MethodDef] = &[("__next__", next, Params::NoArgs)];

/// `generator` attributes.
pub const ATTRS: &[AttrDef] = &[("__name__", name, None), ("__qualname__", qualname, None)];

/// `generator` members.
pub const MEMBERS: &[AttrDef] = &[("gi_running", running, None)];

/// The generator or coroutine `v` (the descriptor call or attribute lookup checked the
/// receiver).
fn this(vm: &Vm, v: Value) -> &Generator {
    vm.gen_ref(vm.obj_of(v))
}

/// `__name__` of a generator or coroutine.
pub(crate) fn name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = this(vm, v).code.code.name.clone();
    Ok(vm.new_str(&*n))
}

/// `__qualname__` of a generator or coroutine.
pub(crate) fn qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = this(vm, v).qualname.clone();
    Ok(vm.new_str(&*n))
}

/// `gi_running` / `cr_running`.
pub(crate) fn running(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, v).state == GenState::Running))
}

/// `generator.send(value)` (also `coroutine.send`).
pub(crate) fn send(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    let g = vm.obj_of(args[0]);
    vm.gen_send(g, args[1])
}

/// `generator.throw(exc)` or `generator.throw(type, value)`: raises the exception where
/// the generator is suspended.
pub(crate) fn throw(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    vm.check_arity("throw", &args[1..], 1, 3)?;
    let g = vm.obj_of(args[0]);
    // `throw(type, value)`: `value` itself when it is already an instance of `type`.
    let typ = args[1];
    let is_exception = typ.as_obj().is_some_and(|r| match vm.heap.get(r) {
        Object::Exception(_) => true,
        Object::Type(_) => vm.is_exception_class(r),
        _ => false,
    });
    if !is_exception {
        let msg = format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(typ)
        );
        return Err(vm.type_error(msg));
    }
    let exc = match args.get(2).copied().filter(|v| !matches!(v, Value::None)) {
        None => vm.make_exception(typ)?,
        Some(value) => {
            let instance = value
                .as_obj()
                .filter(|&e| matches!(vm.heap.get(e), Object::Exception(_)))
                .filter(|&e| vm.exc_matches(e, vm.obj_of(typ)));
            match instance {
                Some(e) => e,
                None => {
                    let made = vm.call_value(typ, &[value])?;
                    vm.make_exception(made)?
                }
            }
        }
    };
    vm.gen_throw(g, exc)
}

/// `generator.close()` (also `coroutine.close`).
pub(crate) fn close(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    let g = vm.obj_of(args[0]);
    vm.gen_close(g)
}

/// `generator.__next__()`.
fn next(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    let g = vm.obj_of(args[0]);
    vm.gen_send(g, Value::None)
}
