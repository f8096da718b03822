//! The dispatch loop.
//!
//! Each instruction meets two `match`es. The first holds the hot instructions on their
//! common path (locals, cells, constants, small-int arithmetic, jumps, builtin-sequence
//! `FOR_ITER`, instance attributes, exact calls and returns); they run on the loop's
//! register state — program counter, frame base and the stack top `sp` — and `continue`.
//! Everything else, including every error case of the hot ones, writes `sp` back to
//! `self.sp` and goes through the second, general `match`, whose arms call small helpers.
//!
//! A Python-to-Python call pushes a [`Frame`](crate::frame::Frame) and continues in the
//! same loop; a return pops it. The loop returns to Rust only when an entry frame (the
//! module, or a call made from native code) returns or an exception escapes it.

use std::rc::Rc;

use pyc_bytecode::{Constant, Instruction, Opcode};

use crate::attr::{hinted_instance_slot, hinted_instance_value};
use crate::exceptions::ExcKind;
use crate::frame::{FrameKind, Resumer};
use crate::objects::{CodeData, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// What the dispatch loop does after [`Vm::step`] ran an instruction.
#[derive(Clone, Copy, Debug)]
enum Flow {
    /// Go on with the next instruction.
    Next,
    /// Go on at this instruction of the same frame.
    Jump(usize),
    /// The running frame changed (a call, return, resume or yield): read its state again.
    Reload,
    /// The entry frame returned (or yielded) this value: leave the loop.
    Exit(Value),
}

impl Vm {
    /// Runs the top frame (and everything it calls) until it returns.
    pub(crate) fn run_loop(&mut self) -> PyResult<Value> {
        let mut code: Rc<CodeData>;
        let mut pc: usize;
        let mut base: usize;
        // The stack top, kept in a register for the hot instructions; `self.sp` is written
        // back before, and read again after, every other instruction.
        let mut sp: usize;
        macro_rules! reload {
            () => {{
                let f = self.frame();
                code = f.code.clone();
                pc = f.pc;
                base = f.base;
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                let v = $v;
                self.reserve_stack(sp + 1);
                self.stack[sp] = v;
                sp += 1;
            }};
        }
        reload!();
        sp = self.sp;
        let mut kw_names: Option<u32> = None;
        loop {
            let Some(&ins) = code.code.instructions.get(pc) else {
                return Err(self.err(ExcKind::RuntimeError, "instruction index out of range"));
            };
            pc += 1;
            let arg = ins.arg as usize;
            // The hottest instructions, on their common path: only locals, cells and the
            // stack top are touched. Everything else, error cases included, falls through
            // to the general `match` below.
            match ins.op {
                Opcode::LoadFast => {
                    // Copy, then check: the value moves as one 16-byte load and store,
                    // which the next instruction's load of it can forward from.
                    self.reserve_stack(sp + 1);
                    self.stack[sp] = self.stack[base + arg];
                    if !self.stack[sp].is_null() {
                        sp += 1;
                        continue;
                    }
                }
                Opcode::StoreFast => {
                    sp -= 1;
                    self.stack[base + arg] = self.stack[sp];
                    continue;
                }
                Opcode::LoadConst => {
                    push!(code.consts[arg]);
                    continue;
                }
                Opcode::LoadDeref => {
                    // Copied whole from the cell, then checked, as LOAD_FAST.
                    self.reserve_stack(sp + 1);
                    if let Value::Obj(r) = self.stack[base + arg] {
                        if let Object::Cell(v) = self.heap.get(r) {
                            self.stack[sp] = *v;
                            if !self.stack[sp].is_null() {
                                sp += 1;
                                continue;
                            }
                        }
                    }
                }
                Opcode::StoreDeref => {
                    sp -= 1;
                    let v = self.stack[sp];
                    self.cell_set(self.stack[base + arg], v);
                    continue;
                }
                Opcode::LoadClosure => {
                    push!(self.stack[base + arg]);
                    continue;
                }
                // Allocation only counts; it never collects, so these need no safe point.
                Opcode::MakeCell => {
                    self.make_cell(base + arg);
                    continue;
                }
                Opcode::MakeFunction => {
                    self.sp = sp;
                    if self.make_function(ins.arg) {
                        sp = self.sp;
                        continue;
                    }
                }
                // `f(*args, **kwargs)` builds a dict and merges `kwargs` into it: usually
                // nothing, which needs no hashing at all.
                Opcode::BuildMap if arg == 0 => {
                    self.reserve_stack(sp + 1);
                    self.put_empty_dict(sp);
                    sp += 1;
                    continue;
                }
                Opcode::DictMerge | Opcode::DictUpdate
                    if self.is_empty_dict(self.stack[sp - 1]) =>
                {
                    sp -= 1;
                    continue;
                }
                Opcode::BuildTuple => {
                    sp = self.build_tuple(sp, arg);
                    continue;
                }
                Opcode::PopTop => {
                    sp -= 1;
                    continue;
                }
                Opcode::PushNull => {
                    push!(Value::Null);
                    continue;
                }
                Opcode::Copy => {
                    push!(self.stack[sp - arg]);
                    continue;
                }
                Opcode::Swap => {
                    self.stack.swap(sp - 1, sp - arg);
                    continue;
                }
                Opcode::Nop => continue,
                Opcode::JumpForward => {
                    pc = arg;
                    continue;
                }
                Opcode::JumpBackward if !self.heap.wants_collection() => {
                    pc = arg;
                    continue;
                }
                Opcode::Resume if !self.heap.wants_collection() => continue,
                Opcode::BinaryOp => {
                    if let Some(v) = small_int_op(ins.arg, self.stack[sp - 2], self.stack[sp - 1]) {
                        sp -= 1;
                        self.stack[sp - 1] = v;
                        continue;
                    }
                }
                Opcode::CompareOp => {
                    if let (Value::Int(x), Value::Int(y)) = (self.stack[sp - 2], self.stack[sp - 1])
                    {
                        sp -= 1;
                        self.stack[sp - 1] = Value::Bool(compare_ints(arg, x, y));
                        continue;
                    }
                }
                Opcode::PopJumpForwardIfFalse | Opcode::PopJumpForwardIfTrue => {
                    if let Value::Bool(b) = self.stack[sp - 1] {
                        sp -= 1;
                        if b == (ins.op == Opcode::PopJumpForwardIfTrue) {
                            pc = arg;
                        }
                        continue;
                    }
                }
                Opcode::Call if kw_names.is_none() => {
                    self.sp = sp;
                    self.frame_mut().pc = pc;
                    if self.push_exact_call(arg) {
                        reload!();
                        sp = self.sp;
                        continue;
                    }
                }
                Opcode::LoadGlobal => {
                    self.reserve_stack(sp + 2);
                    let pushed = self.push_cached_global(sp, &code, arg);
                    if pushed > 0 {
                        sp += pushed;
                        continue;
                    }
                }
                Opcode::LoadAttr => {
                    let (heap, props) = (&self.heap, self.class_attr_hooks);
                    if let Some(v) =
                        hinted_instance_value(heap, props, self.stack[sp - 1], &code, arg)
                    {
                        self.stack[sp - 1] = *v;
                        continue;
                    }
                    if self.load_instance_attr(sp - 1, &code, arg) {
                        continue;
                    }
                }
                Opcode::StoreAttr => {
                    let (heap, props) = (&mut self.heap, self.class_attr_hooks);
                    if let Some(slot) =
                        hinted_instance_slot(heap, props, self.stack[sp - 1], &code, arg)
                    {
                        *slot = self.stack[sp - 2];
                        sp -= 2;
                        continue;
                    }
                    let (obj, v) = (self.stack[sp - 1], self.stack[sp - 2]);
                    if self.set_instance_attr(obj, &code, arg, v) {
                        sp -= 2;
                        continue;
                    }
                }
                Opcode::LoadMethod => {
                    self.reserve_stack(sp + 1);
                    if self.push_method(sp - 1, &code, arg) {
                        sp += 1;
                        continue;
                    }
                }
                Opcode::ReturnValue => {
                    // The common return: hand the value to the calling Python frame.
                    let f = self.frame();
                    if f.kind == FrameKind::Call && !f.is_entry {
                        let ret_base = f.ret_base;
                        self.stack[ret_base] = self.stack[sp - 1];
                        sp = ret_base + 1;
                        self.frames.pop();
                        reload!();
                        continue;
                    }
                }
                Opcode::ForIter => {
                    if let Some(next) = self.next_fast(self.stack[sp - 1]) {
                        match next {
                            // `for name in ...` stores the item at once: do it here.
                            Some(v) => match code.code.instructions.get(pc) {
                                Some(store) if store.op == Opcode::StoreFast => {
                                    self.stack[base + store.arg as usize] = v;
                                    pc += 1;
                                }
                                _ => push!(v),
                            },
                            None => {
                                sp -= 1;
                                pc = arg;
                            }
                        }
                        continue;
                    }
                }
                _ => {}
            }
            self.sp = sp;
            match self.step(ins, &code, pc, base, &mut kw_names) {
                Ok(Flow::Next) => {}
                Ok(Flow::Jump(target)) => pc = target,
                Ok(Flow::Reload) => reload!(),
                Ok(Flow::Exit(v)) => return Ok(v),
                Err(exc) => {
                    self.unwind(exc)?;
                    reload!();
                }
            }
            sp = self.sp;
        }
    }

    /// Runs one instruction off the hot path (see the module doc), with the stack top in
    /// `self.sp` and the frame's register state passed in. An error leaves the failing
    /// frame's `pc` recorded for the traceback and the exception table.
    #[inline(never)]
    fn step(
        &mut self,
        ins: Instruction,
        code: &Rc<CodeData>,
        pc: usize,
        base: usize,
        kw_names: &mut Option<u32>,
    ) -> PyResult<Flow> {
        let arg = ins.arg as usize;
        let mut flow = Flow::Next;
        let result: PyResult<()> = match ins.op {
            Opcode::Resume => {
                self.safe_point();
                Ok(())
            }
            Opcode::LoadFast => {
                let v = self.stack[base + arg];
                if v.is_null() {
                    Err(self.unbound_local(&code.code.localsplus_names[arg]))
                } else {
                    self.push(v);
                    Ok(())
                }
            }
            Opcode::DeleteFast => {
                if self.stack[base + arg].is_null() {
                    Err(self.unbound_local(&code.code.localsplus_names[arg]))
                } else {
                    self.stack[base + arg] = Value::Null;
                    Ok(())
                }
            }
            Opcode::LoadGlobal => self.load_global(code, arg),
            Opcode::StoreGlobal => {
                let v = self.pop();
                let globals = self.frame().globals;
                self.dict_set(globals, Value::Obj(code.names[arg]), v)
            }
            Opcode::DeleteGlobal => {
                let globals = self.frame().globals;
                self.delete_name_in(globals, code.names[arg])
            }
            Opcode::LoadName => self.load_name(code.names[arg]),
            Opcode::StoreName => {
                let v = self.pop();
                let f = self.frame();
                let locals = f.locals.unwrap_or(f.globals);
                self.dict_set(locals, Value::Obj(code.names[arg]), v)
            }
            Opcode::DeleteName => {
                let f = self.frame();
                let locals = f.locals.unwrap_or(f.globals);
                self.delete_name_in(locals, code.names[arg])
            }
            // These always complete on the hot path, which never sends them here.
            Opcode::Nop
            | Opcode::PopTop
            | Opcode::PushNull
            | Opcode::Copy
            | Opcode::Swap
            | Opcode::LoadConst
            | Opcode::StoreFast
            | Opcode::LoadClosure
            | Opcode::StoreDeref
            | Opcode::JumpForward
            | Opcode::MakeCell
            | Opcode::BuildTuple => {
                unreachable!("{} always completes on the hot path", ins.op.name())
            }
            Opcode::CopyFreeVars => {
                self.copy_free_vars(base + code.nlocalsplus - arg, arg);
                Ok(())
            }
            Opcode::LoadDeref => match self.cell_get(self.stack[base + arg]) {
                Value::Null => Err(self.unbound_deref(code, arg)),
                v => {
                    self.push(v);
                    Ok(())
                }
            },
            Opcode::DeleteDeref => {
                let cell = self.stack[base + arg];
                if self.cell_get(cell).is_null() {
                    Err(self.unbound_deref(code, arg))
                } else {
                    self.cell_set(cell, Value::Null);
                    Ok(())
                }
            }
            Opcode::LoadClassderef => self.load_classderef(code, base, arg),
            Opcode::LoadAttr => {
                let obj = self.pop();
                let v = self.get_attr(obj, &code.code.names[arg]);
                v.map(|v| self.push(v))
            }
            Opcode::StoreAttr => {
                let obj = self.pop();
                let v = self.pop();
                self.set_attr(obj, &code.code.names[arg], v)
            }
            Opcode::DeleteAttr => {
                let obj = self.pop();
                self.del_attr(obj, &code.code.names[arg])
            }
            // The plain-method case took the fast path above.
            Opcode::LoadMethod => self.load_method(&code.code.names[arg]),
            Opcode::BinarySubscr => {
                let key = self.pop();
                let container = self.pop();
                let v = self.get_item(container, key);
                v.map(|v| self.push(v))
            }
            Opcode::StoreSubscr => {
                let key = self.pop();
                let container = self.pop();
                let v = self.pop();
                self.set_item(container, key, v)
            }
            Opcode::DeleteSubscr => {
                let key = self.pop();
                let container = self.pop();
                self.del_item(container, key)
            }
            Opcode::BuildSlice => {
                let step = if arg == 3 { self.pop() } else { Value::None };
                let stop = self.pop();
                let start = self.pop();
                let s = self.alloc(Object::Slice(Box::new([start, stop, step])));
                self.push(Value::Obj(s));
                Ok(())
            }
            Opcode::BinaryOp => {
                let b = self.pop();
                let a = self.pop();
                let r = match small_int_op(ins.arg, a, b) {
                    Some(v) => Ok(v),
                    None => self.binary_op(ins.arg, a, b),
                };
                r.map(|v| self.push(v))
            }
            Opcode::UnaryNegative => self.unary(|vm, v| vm.unary_op('-', v)),
            Opcode::UnaryPositive => self.unary(|vm, v| vm.unary_op('+', v)),
            Opcode::UnaryInvert => self.unary(|vm, v| vm.unary_op('~', v)),
            Opcode::UnaryNot => self.unary(|vm, v| Ok(Value::Bool(!vm.truth(v)?))),
            Opcode::CompareOp => {
                let b = self.pop();
                let a = self.pop();
                let r = match (a, b) {
                    (Value::Int(x), Value::Int(y)) => Ok(Value::Bool(compare_ints(arg, x, y))),
                    _ => self.compare(ins.arg, a, b),
                };
                r.map(|v| self.push(v))
            }
            Opcode::IsOp => {
                let b = self.pop();
                let a = self.pop();
                self.push(Value::Bool(a.is_same(b) != (arg == 1)));
                Ok(())
            }
            Opcode::ContainsOp => {
                let container = self.pop();
                let item = self.pop();
                let r = self.contains(container, item);
                r.map(|b| self.push(Value::Bool(b != (arg == 1))))
            }
            Opcode::BuildList => {
                let items = self.split_stack(self.sp - arg);
                let l = self.new_list(items);
                self.push(l);
                Ok(())
            }
            Opcode::BuildMap => self.build_map(arg),
            Opcode::BuildConstKeyMap => self.build_const_key_map(arg),
            Opcode::BuildSet => self.build_set(arg),
            Opcode::BuildString => self.build_string(arg),
            Opcode::ListAppend => {
                let v = self.pop();
                let list = self.stack[self.sp - arg];
                self.list_append(list, v);
                Ok(())
            }
            Opcode::SetAdd => {
                let v = self.pop();
                let set = self.stack[self.sp - arg];
                self.set_add(set, v)
            }
            Opcode::MapAdd => {
                let v = self.pop();
                let k = self.pop();
                let d = self.stack[self.sp - arg];
                self.dict_set(self.obj_of(d), k, v)
            }
            Opcode::ListExtend => {
                let it = self.pop();
                let list = self.stack[self.sp - arg];
                self.list_extend_star(self.obj_of(list), it)
            }
            Opcode::SetUpdate => {
                let it = self.pop();
                let set = self.stack[self.sp - arg];
                self.set_update(set, it)
            }
            Opcode::DictUpdate | Opcode::DictMerge => {
                // `[func args] d ... m`: the mapping stays on the stack while it is read.
                let m = self.top();
                let d = self.stack[self.sp - 1 - arg];
                let call = (ins.op == Opcode::DictMerge).then(|| self.stack[self.sp - 3 - arg]);
                let r = self.dict_update(d, m, call);
                self.pop();
                r
            }
            Opcode::ListToTuple => {
                let l = self.pop();
                let items = self.seq_items(l).map(<[Value]>::to_vec).unwrap_or_default();
                let t = self.new_tuple(items);
                self.push(t);
                Ok(())
            }
            Opcode::UnpackSequence => self.unpack_sequence(arg),
            Opcode::UnpackEx => self.unpack_ex(arg & 0xff, arg >> 8),
            Opcode::FormatValue => self.format_value(ins.arg),
            Opcode::JumpBackward => {
                self.safe_point();
                flow = Flow::Jump(arg);
                Ok(())
            }
            Opcode::JumpBackwardNoInterrupt => {
                flow = Flow::Jump(arg);
                Ok(())
            }
            Opcode::PopJumpForwardIfNone
            | Opcode::PopJumpBackwardIfNone
            | Opcode::PopJumpForwardIfNotNone
            | Opcode::PopJumpBackwardIfNotNone => {
                use Opcode::*;
                if matches!(ins.op, PopJumpBackwardIfNone | PopJumpBackwardIfNotNone) {
                    self.safe_point();
                }
                let is_none = matches!(self.pop(), Value::None);
                let if_none = matches!(ins.op, PopJumpForwardIfNone | PopJumpBackwardIfNone);
                if is_none == if_none {
                    flow = Flow::Jump(arg);
                }
                Ok(())
            }
            Opcode::PopJumpForwardIfFalse | Opcode::PopJumpBackwardIfFalse => {
                if ins.op == Opcode::PopJumpBackwardIfFalse {
                    self.safe_point();
                }
                let v = self.pop();
                match self.truth(v) {
                    Ok(t) => {
                        if !t {
                            flow = Flow::Jump(arg);
                        }
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
            Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue => {
                if ins.op == Opcode::PopJumpBackwardIfTrue {
                    self.safe_point();
                }
                let v = self.pop();
                match self.truth(v) {
                    Ok(t) => {
                        if t {
                            flow = Flow::Jump(arg);
                        }
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
            Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                let v = self.top();
                match self.truth(v) {
                    Ok(t) => {
                        if t == (ins.op == Opcode::JumpIfTrueOrPop) {
                            flow = Flow::Jump(arg);
                        } else {
                            self.pop();
                        }
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
            Opcode::GetIter => {
                let v = self.pop();
                let it = self.get_iter(v);
                it.map(|it| self.push(it))
            }
            Opcode::ForIter => {
                // Ranges, lists and tuples took the fast path above; this is the rest.
                self.frame_mut().pc = pc;
                let it = self.top();
                let next = match self.as_generator(it) {
                    Some(g) => self
                        .resume_gen(g, Value::None, Resumer::ForIter(arg))
                        .map(|pushed| if pushed { None } else { Some(None) }),
                    None => self.iter_next(it).map(Some),
                };
                match next {
                    Ok(None) => {
                        flow = Flow::Reload;
                        Ok(())
                    }
                    Ok(Some(Some(v))) => {
                        self.push(v);
                        Ok(())
                    }
                    Ok(Some(None)) => {
                        self.pop();
                        flow = Flow::Jump(arg);
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
            Opcode::KwNames => {
                *kw_names = Some(ins.arg);
                Ok(())
            }
            Opcode::Call => {
                self.frame_mut().pc = pc;
                let names = kw_names.take().map(|i| kw_names_of(code, i as usize));
                let pushed = self.call_op(arg, names);
                pushed.map(|pushed| {
                    if pushed {
                        flow = Flow::Reload;
                    }
                })
            }
            Opcode::CallFunctionEx => {
                self.frame_mut().pc = pc;
                match self.call_function_ex(arg & 1 != 0) {
                    Ok(true) => {
                        flow = Flow::Reload;
                        Ok(())
                    }
                    Ok(false) => Ok(()),
                    Err(e) => Err(e),
                }
            }
            // A code object on top took the hot path.
            Opcode::MakeFunction => Err(self.type_error("MAKE_FUNCTION expects a code object")),
            Opcode::ReturnValue | Opcode::ReturnGenerator => {
                let v = if ins.op == Opcode::ReturnValue {
                    self.pop()
                } else {
                    self.make_generator(pc)
                };
                let (is_entry, r) = self.return_from_frame(v);
                if is_entry {
                    return r.map(|v| Flow::Exit(v.unwrap_or(Value::None)));
                }
                flow = Flow::Reload;
                r.map(|v| self.extend_stack(v))
            }
            Opcode::YieldValue => {
                let v = self.pop();
                match self.suspend_gen(pc) {
                    Ok(true) => return Ok(Flow::Exit(v)),
                    Ok(false) => {
                        self.push(v);
                        flow = Flow::Reload;
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
            Opcode::Send => {
                self.frame_mut().pc = pc;
                match self.send_op(arg) {
                    Ok(true) => {
                        flow = Flow::Reload;
                        Ok(())
                    }
                    Ok(false) => {
                        flow = Flow::Reload;
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
            Opcode::GetYieldFromIter => {
                let v = self.top();
                if self.as_generator(v).is_some() {
                    Ok(())
                } else if self.as_coroutine(v).is_some() {
                    Err(self.type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ))
                } else {
                    self.pop();
                    let it = self.get_iter(v);
                    it.map(|it| self.push(it))
                }
            }
            Opcode::GetAwaitable => {
                let v = self.pop();
                self.get_awaitable(v, arg as u32).map(|it| self.push(it))
            }
            Opcode::GetAiter => {
                let v = self.pop();
                self.get_aiter(v).map(|it| self.push(it))
            }
            Opcode::GetAnext => {
                let it = self.top();
                self.get_anext(it).map(|a| self.push(a))
            }
            Opcode::EndAsyncFor => {
                let exc = self.pop();
                self.pop();
                let exc = self.obj_of(exc);
                if self.exc_matches(exc, self.exc_class(ExcKind::StopAsyncIteration)) {
                    Ok(())
                } else {
                    self.reraise = true;
                    Err(exc)
                }
            }
            Opcode::LoadBuildClass => match self.dict_get_str(self.builtins, "__build_class__") {
                Some(bc) => {
                    self.push(bc);
                    Ok(())
                }
                None => Err(self.name_error("__build_class__")),
            },
            Opcode::RaiseVarargs => self.raise_varargs(arg),
            Opcode::PushExcInfo => {
                let exc = self.pop();
                self.push(self.handled);
                self.push(exc);
                self.handled = exc;
                Ok(())
            }
            Opcode::PopExcept => {
                self.handled = self.pop();
                Ok(())
            }
            Opcode::CheckExcMatch => self.check_exc_match(),
            Opcode::BeforeWith | Opcode::BeforeAsyncWith | Opcode::WithExceptStart => {
                self.frame_mut().pc = pc;
                let pushed = match ins.op {
                    Opcode::BeforeWith => self.before_with(false),
                    Opcode::BeforeAsyncWith => self.before_with(true),
                    _ => self.with_except_start(),
                };
                pushed.map(|pushed| {
                    if pushed {
                        flow = Flow::Reload;
                    }
                })
            }
            Opcode::Reraise => {
                let exc = self.pop();
                self.reraise = true;
                Err(self.obj_of(exc))
            }
            Opcode::LoadAssertionError => {
                let c = self.exc_class(ExcKind::AssertionError);
                self.push(Value::Obj(c));
                Ok(())
            }
            Opcode::ImportName => self.import_name_op(code.names[arg]),
            Opcode::ImportFrom => self.import_from_op(code.names[arg]),
            Opcode::ImportStar => self.import_star_op(),
            Opcode::PrintExpr => self.print_expr(),
        };
        match result {
            Ok(()) => Ok(flow),
            Err(exc) => {
                // After a return the caller's frame is current, its `pc` already saved.
                if !matches!(flow, Flow::Reload) {
                    self.frame_mut().pc = pc;
                }
                Err(exc)
            }
        }
    }

    /// Collects garbage if enough was allocated. Called only where every live object is
    /// reachable from the roots: at function entry (`RESUME`) and on loop back edges, so
    /// every loop and every recursion passes one.
    #[inline]
    fn safe_point(&mut self) {
        if self.heap.wants_collection() {
            self.collect_garbage();
        }
        if !self.weak_callbacks.is_empty() {
            self.run_weak_callbacks();
        }
    }

    /// The object of a value known to be a heap object (the compiler guarantees it).
    #[inline]
    pub(crate) fn obj_of(&self, v: Value) -> ObjRef {
        match v {
            Value::Obj(r) => r,
            _ => self.types.ellipsis_obj,
        }
    }

    fn unary(&mut self, f: impl FnOnce(&mut Vm, Value) -> PyResult<Value>) -> PyResult<()> {
        let v = self.pop();
        let r = f(self, v)?;
        self.push(r);
        Ok(())
    }

    /// Pops the returning frame and cuts the stack back. Returns whether it was an entry
    /// frame, and what to push for the caller (nothing when a generator resumed by
    /// `FOR_ITER` finished).
    fn return_from_frame(&mut self, v: Value) -> (bool, PyResult<Option<Value>>) {
        let f = self.frames.pop().expect("a frame is running");
        let r = match f.kind {
            FrameKind::Call => Ok(Some(v)),
            FrameKind::Init => self.finish_init(f.ret_base, v).map(Some),
            FrameKind::ClassBody { args } => self.finish_class_body(&f, args, v).map(Some),
            FrameKind::Gen { gen, resumer } => {
                self.finish_gen(gen);
                match resumer {
                    Resumer::Native => Ok(Some(v)),
                    Resumer::ForIter(target) | Resumer::Send(target) => {
                        self.truncate_stack(f.ret_base);
                        self.pop();
                        self.frame_mut().pc = target;
                        let sent = matches!(resumer, Resumer::Send(_));
                        Ok(sent.then_some(v))
                    }
                }
            }
        };
        self.truncate_stack(f.ret_base);
        (f.is_entry, r)
    }

    /// `SEND target`: `iterator value` -> `iterator value'`, or the sub-iterator's return
    /// value with a jump to `target`. `Ok(true)` when a generator frame was pushed.
    fn send_op(&mut self, target: usize) -> PyResult<bool> {
        let v = self.pop();
        let it = self.top();
        if let Some(g) = self.as_generator(it).or_else(|| self.as_coroutine(it)) {
            if self.resume_gen(g, v, Resumer::Send(target))? {
                return Ok(true);
            }
            self.pop();
            self.push(Value::None);
            self.frame_mut().pc = target;
            return Ok(false);
        }
        let next = if matches!(v, Value::None) {
            self.iter_next(it)
        } else {
            let send = self.get_attr(it, "send")?;
            self.call_value(send, &[v]).map(Some)
        };
        match next {
            Ok(Some(x)) => self.push(x),
            Ok(None) => {
                self.pop();
                self.push(Value::None);
                self.frame_mut().pc = target;
            }
            Err(e) => {
                let stop = self.exc_class(ExcKind::StopIteration);
                if !self.exc_matches(e, stop) {
                    return Err(e);
                }
                let value = self.stop_iteration_value(e);
                self.pop();
                self.push(value);
                self.frame_mut().pc = target;
            }
        }
        Ok(false)
    }

    /// Finds a handler for `exc` in the current frame or its callers, popping frames
    /// without one. `Err(exc)` when it escapes the entry frame.
    pub(crate) fn unwind(&mut self, mut exc: ObjRef) -> PyResult<()> {
        let mut add_tb = !std::mem::take(&mut self.reraise);
        if add_tb {
            self.set_context(exc);
        }
        loop {
            let frame = self.frame();
            let idx = frame.pc.saturating_sub(1);
            let handler = frame.code.code.handler_for(idx).copied();
            let ops_base = frame.base + frame.code.nlocalsplus;
            if add_tb {
                let entry = crate::objects::TbEntry {
                    code: frame.code.clone(),
                    line: frame.code.code.line_of(idx),
                    index: idx as u32,
                    globals: frame.globals,
                };
                if let Object::Exception(e) = self.heap.get_mut(exc) {
                    e.traceback.push(entry);
                }
            }
            add_tb = true;
            if let Some(h) = handler {
                let depth = ops_base + h.depth as usize;
                self.truncate_stack(depth);
                if h.lasti {
                    self.push(Value::Int(idx as i64));
                }
                self.push(Value::Obj(exc));
                self.frame_mut().pc = h.target as usize;
                return Ok(());
            }
            let f = self.frames.pop().expect("a frame is running");
            self.truncate_stack(f.ret_base);
            if let FrameKind::Gen { gen, .. } = f.kind {
                self.finish_gen(gen);
                exc = self.gen_escaping(gen, exc);
            }
            if f.is_entry {
                return Err(exc);
            }
        }
    }

    /// Sets `exc.__context__` to the exception being handled, as a new raise does.
    fn set_context(&mut self, exc: ObjRef) {
        let Value::Obj(h) = self.handled else { return };
        if h == exc {
            return;
        }
        if let Object::Exception(e) = self.heap.get_mut(exc) {
            if matches!(e.context, Value::None) {
                e.context = Value::Obj(h);
            }
        }
    }
}

/// `BINARY_OP`'s fast path: the result of the common operators on two small ints when it
/// fits in an `i64` (everything else, including overflow into a big int, division and
/// shifts, takes [`Vm::binary_op`]). The in-place forms behave the same on ints.
#[inline]
fn small_int_op(op: u32, a: Value, b: Value) -> Option<Value> {
    let (Value::Int(x), Value::Int(y)) = (a, b) else {
        return None;
    };
    let op = op % pyc_bytecode::opcode::INPLACE_OFFSET;
    let r = match op {
        0 => x.checked_add(y)?,
        10 => x.checked_sub(y)?,
        5 => x.checked_mul(y)?,
        1 => x & y,
        7 => x | y,
        12 => x ^ y,
        _ => return None,
    };
    Some(Value::Int(r))
}

/// `COMPARE_OP`'s fast path on two small ints (`arg` indexes `<, <=, ==, !=, >, >=`).
#[inline]
fn compare_ints(arg: usize, x: i64, y: i64) -> bool {
    match arg {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

/// The keyword names recorded by `KW_NAMES consti`.
fn kw_names_of(code: &CodeData, i: usize) -> Vec<Rc<str>> {
    match code.code.consts.get(i) {
        Some(Constant::Tuple(items)) => items
            .iter()
            .filter_map(|c| match c {
                Constant::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}
