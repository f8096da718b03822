//! Calling: `CALL`, `CALL_FUNCTION_EX`, `MAKE_FUNCTION`, argument binding with CPython's
//! messages, and [`Vm::call_value`] for native code calling back into Python.
//!
//! A Python function call lays the callee's localsplus over its arguments on the value
//! stack (the fast path copies nothing) and pushes a frame; the dispatch loop continues
//! with it. Native code calling Python runs a nested dispatch loop, counted against
//! [`NATIVE_DEPTH_LIMIT`] as well as the recursion limit.

use std::rc::Rc;

use pyc_bytecode::code_flags;

use crate::exceptions::ExcKind;
use crate::frame::{Frame, FrameKind};
use crate::objects::descr::DescrCall;
use crate::objects::{CodeData, Descr, Function, Object};
use crate::value::{ObjRef, Value};
use crate::vm::{Vm, NATIVE_DEPTH_LIMIT};
use crate::PyResult;

/// Keyword argument names of a call (their values are the last arguments).
pub type KwNames = Vec<Rc<str>>;

impl Vm {
    /// `CALL n`: `NULL|method callable|self args...` -> result. `Ok(true)` when a Python
    /// frame was pushed.
    pub(crate) fn call_op(&mut self, n: usize, kwnames: Option<KwNames>) -> PyResult<bool> {
        let slot = self.sp - n - 2;
        if self.stack[slot].is_null() {
            return self.invoke(slot, slot + 1, n, kwnames);
        }
        // `method self args...`: `LOAD_METHOD` found `method` on the class of `self`.
        if let Some(d) = self.descr(self.stack[slot]).copied() {
            let v = self.call_descr(&d, slot, n + 1, kwnames, DescrCall::Method)?;
            self.truncate_stack(slot);
            self.push(v);
            return Ok(false);
        }
        self.invoke(slot, slot, n + 1, kwnames)
    }

    /// `CALL n`'s fast path: a Python function called with exactly its positional
    /// parameters and no keywords, below the recursion limit, gets its frame pushed right
    /// here, its localsplus laid over the arguments already on the stack. `false` sends
    /// every other call (and every error) down the general path ([`Vm::call_op`]).
    #[inline]
    pub(crate) fn push_exact_call(&mut self, n: usize) -> bool {
        let ret_base = self.sp - n - 2;
        let (fpos, nargs) = if self.stack[ret_base].is_null() {
            (ret_base + 1, n)
        } else {
            (ret_base, n + 1)
        };
        let Value::Obj(fr) = self.stack[fpos] else {
            return false;
        };
        let Object::Function(f) = self.heap.get(fr) else {
            return false;
        };
        if !f.code.simple_args
            || nargs != f.code.code.argcount as usize
            || self.frames.len() >= self.recursion_limit
        {
            return false;
        }
        let (code, globals, closure) = (f.code.clone(), f.globals, f.closure);
        let base = fpos + 1;
        // The free variables' slots are about to receive the closure's cells: only the
        // other locals start out unbound.
        let free = if closure.is_some() {
            code.free_vars_on_entry
        } else {
            0
        };
        self.resize_stack(base + code.nlocalsplus - free);
        let pc = self.copy_free_vars_on_entry(&code, closure, base);
        self.frames.push(Frame {
            code,
            pc,
            base,
            func: Some(fr),
            globals,
            locals: None,
            ret_base,
            is_entry: false,
            kind: FrameKind::Call,
        });
        true
    }

    /// A closure's body starts with `COPY_FREE_VARS n`: a call does it while the function
    /// is at hand, copying the cells into the last `n` localsplus slots of the new frame
    /// at `base` (the stack then ends after localsplus), and the frame starts after it.
    /// Returns the frame's first instruction.
    #[inline(always)]
    fn copy_free_vars_on_entry(
        &mut self,
        code: &CodeData,
        closure: Option<ObjRef>,
        base: usize,
    ) -> usize {
        match (code.free_vars_on_entry, closure) {
            (0, _) | (_, None) => 0,
            (n, Some(closure)) => {
                let end = base + code.nlocalsplus;
                self.reserve_stack(end);
                self.copy_cells(closure, end - n, n);
                self.sp = end;
                1
            }
        }
    }

    /// Calls the callable at `stack[fpos]` with the `nargs` values above it (the last
    /// `kwnames.len()` of them keyword arguments). The stack is cut back to `ret_base`
    /// when the call completes. `Ok(true)` when a Python frame was pushed, `Ok(false)`
    /// when the result has been pushed already.
    pub(crate) fn invoke(
        &mut self,
        ret_base: usize,
        fpos: usize,
        nargs: usize,
        kwnames: Option<KwNames>,
    ) -> PyResult<bool> {
        let func = self.stack[fpos];
        let Value::Obj(fr) = func else {
            return Err(self.not_callable(func));
        };
        let result = match self.heap.get(fr) {
            Object::Function(_) => {
                self.push_py_frame(fr, ret_base, fpos + 1, nargs, kwnames)?;
                return Ok(true);
            }
            // Static methods are callable since Python 3.10: they call what they wrap.
            &Object::StaticMethod(f) => {
                self.stack[fpos] = f;
                return self.invoke(ret_base, fpos, nargs, kwnames);
            }
            &Object::Method(f, s) => {
                let fpos = if fpos > ret_base {
                    self.stack[fpos - 1] = f;
                    self.stack[fpos] = s;
                    fpos - 1
                } else {
                    self.stack[fpos] = f;
                    self.insert_stack(fpos + 1, s);
                    fpos
                };
                let Some(d) = self.descr(f).copied() else {
                    return self.invoke(ret_base, fpos, nargs + 1, kwnames);
                };
                self.call_descr(&d, fpos, nargs + 1, kwnames, DescrCall::Bound)?
            }
            Object::Builtin(b) => {
                let (f, takes_kw, name) = (b.f, b.takes_kw, b.name);
                if !takes_kw && kwnames.as_ref().is_some_and(|k| !k.is_empty()) {
                    return Err(self.type_error(format!("{name}() takes no keyword arguments")));
                }
                self.call_native(f, None, fpos + 1, nargs, kwnames)?
            }
            Object::Descr(d) => {
                let d = **d;
                self.call_descr(&d, fpos, nargs, kwnames, DescrCall::Unbound)?
            }
            Object::Type(t) if t.user => {
                return self.call_class(fr, ret_base, fpos, nargs, kwnames)
            }
            Object::Type(t) => match t.ctor {
                Some(_)
                    if !ctor_takes_keywords(&t.name)
                        && kwnames.as_ref().is_some_and(|k| !k.is_empty()) =>
                {
                    let msg = format!("{}() takes no keyword arguments", t.name);
                    return Err(self.type_error(msg));
                }
                Some(f) => self.call_native(f, Some(func), fpos + 1, nargs, kwnames)?,
                None => {
                    let msg = format!("cannot create '{}' instances", t.name);
                    return Err(self.type_error(msg));
                }
            },
            Object::BuildClass => {
                self.start_class_body(ret_base, fpos, nargs, kwnames)?;
                return Ok(true);
            }
            Object::Instance(i) => {
                let Some(call) = self.lookup_in_type(i.class, "__call__") else {
                    return Err(self.not_callable(func));
                };
                self.insert_stack(fpos, call);
                return self.invoke(ret_base, fpos, nargs + 1, kwnames);
            }
            _ => return Err(self.not_callable(func)),
        };
        self.truncate_stack(ret_base);
        self.push(result);
        Ok(false)
    }

    /// Calls the builtin method descriptor `d`, at `stack[fpos]`, with the `nargs`
    /// values above it, the receiver first, once [`Vm::descr_call_target`] accepts them.
    #[inline(always)]
    fn call_descr(
        &mut self,
        d: &Descr,
        fpos: usize,
        nargs: usize,
        kwnames: Option<KwNames>,
        how: DescrCall,
    ) -> PyResult<Value> {
        let nkw = kwnames.as_ref().map_or(0, Vec::len);
        let Some(f) = self.descr_call_target(d, fpos + 1, nargs - nkw, nkw, how)? else {
            return Err(self.not_callable(self.stack[fpos]));
        };
        self.call_native(f, None, fpos + 1, nargs, kwnames)
    }

    #[cold]
    fn not_callable(&mut self, v: Value) -> ObjRef {
        let msg = format!("'{}' object is not callable", self.type_name(v));
        self.type_error(msg)
    }

    /// Runs a native function on arguments still on the value stack (so they stay rooted).
    fn call_native(
        &mut self,
        f: crate::objects::NativeFn,
        first: Option<Value>,
        start: usize,
        nargs: usize,
        kwnames: Option<KwNames>,
    ) -> PyResult<Value> {
        let nkw = kwnames.as_ref().map_or(0, Vec::len);
        let npos = nargs - nkw;
        // The positional arguments go through the reused argument buffer (no allocation
        // per call); a native function that calls back into Python finds it taken and
        // uses a fresh one, and this one is put back afterwards.
        let mut args = std::mem::take(&mut self.arg_buffer);
        args.clear();
        args.extend(first);
        args.extend_from_slice(&self.stack[start..start + npos]);
        let kw: Vec<(Rc<str>, Value)> = match kwnames {
            Some(names) => names
                .into_iter()
                .zip(self.stack[start + npos..start + nargs].iter().copied())
                .collect(),
            None => Vec::new(),
        };
        let result = f(self, &args, &kw);
        self.arg_buffer = args;
        result
    }

    /// Pushes a frame for the Python function `fr` whose arguments are at
    /// `stack[args_start..]`.
    pub(crate) fn push_py_frame(
        &mut self,
        fr: ObjRef,
        ret_base: usize,
        args_start: usize,
        nargs: usize,
        kwnames: Option<KwNames>,
    ) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.err(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let Object::Function(f) = self.heap.get(fr) else {
            unreachable!("push_py_frame on a non-function")
        };
        let code = f.code.clone();
        let globals = f.globals;
        let closure = f.closure;
        if kwnames.is_none() && code.simple_args && nargs == code.code.argcount as usize {
            self.resize_stack(args_start + code.nlocalsplus);
        } else {
            self.bind_args(fr, &code, args_start, nargs, kwnames.unwrap_or_default())?;
        }
        let pc = self.copy_free_vars_on_entry(&code, closure, args_start);
        self.frames.push(Frame {
            code,
            pc,
            base: args_start,
            func: Some(fr),
            globals,
            locals: None,
            ret_base,
            is_entry: false,
            kind: FrameKind::Call,
        });
        Ok(())
    }

    /// The general binding of arguments to parameters: positional, keywords, defaults,
    /// keyword-only, `*args` and `**kwargs`, with CPython's error messages. On success
    /// `stack[args_start..args_start + nlocalsplus]` is the new frame's localsplus.
    fn bind_args(
        &mut self,
        fr: ObjRef,
        code: &CodeData,
        args_start: usize,
        nargs: usize,
        kwnames: KwNames,
    ) -> PyResult<()> {
        // The arguments move to a reused buffer (no allocation per call) while the
        // parameters are laid out where they were.
        let mut args = std::mem::take(&mut self.arg_buffer);
        args.clear();
        args.extend_from_slice(&self.stack[args_start..self.sp]);
        self.sp = args_start;
        let result = self.bind_from(fr, code, args_start, nargs, &kwnames, &args);
        self.arg_buffer = args;
        result
    }

    /// [`Vm::bind_args`] with the arguments in `args`.
    fn bind_from(
        &mut self,
        fr: ObjRef,
        code: &CodeData,
        args_start: usize,
        nargs: usize,
        kwnames: &KwNames,
        args: &[Value],
    ) -> PyResult<()> {
        let co = &code.code;
        let npos = nargs - kwnames.len();
        let argcount = co.argcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & code_flags::VARARGS != 0;
        let has_varkw = co.flags & code_flags::VARKEYWORDS != 0;
        self.resize_stack(args_start + code.nlocalsplus);
        let slots = args_start;
        let ncopy = npos.min(argcount);
        self.stack[slots..slots + ncopy].copy_from_slice(&args[..ncopy]);
        let mut next = argcount + kwonly;
        if has_varargs {
            self.stack[slots + next] = self.new_tuple_from(&args[ncopy..npos]);
            next += 1;
        }
        let kwdict = if has_varkw {
            let d = self.new_dict();
            self.stack[slots + next] = Value::Obj(d);
            Some(d)
        } else {
            None
        };
        // Keywords never name a positional-only parameter (with `**kwargs` such a keyword
        // goes into the dict).
        let posonly = co.posonlyargcount as usize;
        for (name, &value) in kwnames.iter().zip(&args[npos..nargs]) {
            let pos = co.localsplus_names[posonly..argcount + kwonly]
                .iter()
                .position(|p| p == name)
                .map(|i| posonly + i);
            match (pos, kwdict) {
                (Some(i), _) => {
                    if !self.stack[slots + i].is_null() {
                        let qualname = self.func_qualname(fr);
                        return Err(self.type_error(format!(
                            "{qualname}() got multiple values for argument '{name}'"
                        )));
                    }
                    self.stack[slots + i] = value;
                }
                (None, Some(d)) => {
                    let key = self.new_str(&**name);
                    self.dict_set(d, key, value)?;
                }
                (None, None) => {
                    let qualname = self.func_qualname(fr);
                    let posonly_given: Vec<&str> = co.localsplus_names[..posonly]
                        .iter()
                        .flat_map(|p| kwnames.iter().filter(move |k| *k == p))
                        .map(|k| &**k)
                        .collect();
                    let msg = if posonly_given.is_empty() {
                        format!("{qualname}() got an unexpected keyword argument '{name}'")
                    } else {
                        format!(
                            "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                            posonly_given.join(", ")
                        )
                    };
                    return Err(self.type_error(msg));
                }
            }
        }
        let (defaults, kwdefaults) = match self.heap.get(fr) {
            Object::Function(f) => (f.defaults, f.kwdefaults),
            _ => (None, None),
        };
        let defaults = defaults.map(Value::Obj);
        let ndefaults = defaults
            .and_then(|d| self.seq_items(d))
            .map_or(0, <[Value]>::len);
        if npos > argcount && !has_varargs {
            let qualname = self.func_qualname(fr);
            let kwonly_given = self.stack[slots + argcount..slots + argcount + kwonly]
                .iter()
                .filter(|v| !v.is_null())
                .count();
            return Err(self.too_many_positional(
                &qualname,
                argcount,
                ndefaults,
                npos,
                kwonly_given,
            ));
        }
        let first_default = argcount - ndefaults.min(argcount);
        let mut missing = Vec::new();
        for i in npos.min(argcount)..argcount {
            if self.stack[slots + i].is_null() {
                if i >= first_default {
                    // Read straight from the defaults tuple (the heap and the stack are
                    // separate fields).
                    if let Some(items) = defaults.and_then(|d| crate::vm::seq_slice(&self.heap, d))
                    {
                        self.stack[slots + i] = items[i - first_default];
                    }
                } else {
                    missing.push(co.localsplus_names[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            let qualname = self.func_qualname(fr);
            return Err(self.missing_args(&qualname, "positional", &missing));
        }
        for i in argcount..argcount + kwonly {
            if self.stack[slots + i].is_null() {
                let name = co.localsplus_names[i].clone();
                match kwdefaults.and_then(|d| self.dict_get_str(d, &name)) {
                    Some(v) => self.stack[slots + i] = v,
                    None => missing.push(name),
                }
            }
        }
        if !missing.is_empty() {
            let qualname = self.func_qualname(fr);
            return Err(self.missing_args(&qualname, "keyword-only", &missing));
        }
        Ok(())
    }

    fn func_qualname(&self, fr: ObjRef) -> Rc<str> {
        match self.heap.get(fr) {
            Object::Function(f) => f.qualname().clone(),
            _ => Rc::from("?"),
        }
    }

    #[cold]
    fn too_many_positional(
        &mut self,
        qualname: &str,
        argcount: usize,
        ndefaults: usize,
        given: usize,
        kwonly_given: usize,
    ) -> ObjRef {
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {argcount} positional arguments",
                argcount - ndefaults
            )
        } else {
            let s = if argcount == 1 { "" } else { "s" };
            format!("{argcount} positional argument{s}")
        };
        // With keyword-only arguments given too, CPython spells both counts out.
        let (given_text, was) = if kwonly_given > 0 {
            let s = if given == 1 { "" } else { "s" };
            let ks = if kwonly_given == 1 { "" } else { "s" };
            let was = if given + kwonly_given == 1 {
                "was"
            } else {
                "were"
            };
            (
                format!(
                    "{given} positional argument{s} (and {kwonly_given} keyword-only argument{ks})"
                ),
                was,
            )
        } else {
            (given.to_string(), if given == 1 { "was" } else { "were" })
        };
        self.type_error(format!(
            "{qualname}() takes {takes} but {given_text} {was} given"
        ))
    }

    #[cold]
    fn missing_args(&mut self, qualname: &str, kind: &str, names: &[Rc<str>]) -> ObjRef {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        let s = if names.len() == 1 { "" } else { "s" };
        self.type_error(format!(
            "{qualname}() missing {} required {kind} argument{s}: {list}",
            names.len()
        ))
    }

    /// `CALL_FUNCTION_EX`: `NULL callable args_tuple [kwargs_dict]` -> result.
    pub(crate) fn call_function_ex(&mut self, has_kwargs: bool) -> PyResult<bool> {
        let kwargs = if has_kwargs { Some(self.pop()) } else { None };
        let args = self.pop();
        let slot = self.sp - 2;
        // Positional arguments go straight from the tuple or list onto the stack.
        let npos = match self.seq_items(args).map(<[Value]>::len) {
            Some(n) => {
                self.reserve_stack(self.sp + n);
                if let Some(items) = crate::vm::seq_slice(&self.heap, args) {
                    self.stack[self.sp..self.sp + n].copy_from_slice(items);
                }
                self.sp += n;
                n
            }
            None => {
                let func = self.stack[if self.stack[slot].is_null() {
                    slot + 1
                } else {
                    slot
                }];
                let items = self
                    .collect_iterable(args)
                    .map_err(|e| self.not_iterable_after_star(e, args, Some(func)))?;
                let n = items.len();
                self.extend_stack(items);
                n
            }
        };
        let mut names = Vec::new();
        let mut values = Vec::new();
        let kwargs = kwargs.and_then(Value::as_obj);
        if let Some(d) = kwargs.filter(|&d| !self.dict_ref(d).is_empty()) {
            let items: Vec<(Value, Value)> = self.dict_ref(d).iter().collect();
            for (k, v) in items {
                match self.as_str(k) {
                    Some(s) => names.push(Rc::from(s)),
                    None => return Err(self.type_error("keywords must be strings")),
                }
                values.push(v);
            }
        }
        let nargs = npos + values.len();
        self.extend_stack(values);
        let kw = if names.is_empty() { None } else { Some(names) };
        if self.stack[slot].is_null() {
            self.invoke(slot, slot + 1, nargs, kw)
        } else {
            self.invoke(slot, slot, nargs + 1, kw)
        }
    }

    /// Calls `func(*args)` from native code and returns its result.
    pub fn call_value(&mut self, func: Value, args: &[Value]) -> PyResult<Value> {
        self.call_value_kw(func, args, None)
    }

    /// Calls `func` from native code; the last `kwnames.len()` of `args` are keywords.
    pub fn call_value_kw(
        &mut self,
        func: Value,
        args: &[Value],
        kwnames: Option<KwNames>,
    ) -> PyResult<Value> {
        self.suspend_native(|vm| vm.call_suspended(func, args, kwnames))
    }

    /// [`Vm::call_value_kw`] once the calling native code is suspended.
    fn call_suspended(
        &mut self,
        func: Value,
        args: &[Value],
        kwnames: Option<KwNames>,
    ) -> PyResult<Value> {
        let ret_base = self.sp;
        self.push(Value::Null);
        self.push(func);
        self.extend_stack(args.iter().copied());
        match self.invoke(ret_base, ret_base + 1, args.len(), kwnames) {
            Ok(true) => {
                if let Err(e) = self.check_native_depth() {
                    let f = self.frames.pop().expect("frame was just pushed");
                    self.truncate_stack(f.ret_base);
                    return Err(e);
                }
                self.run_nested(None)
            }
            Ok(false) => {
                let v = self.pop();
                self.truncate_stack(ret_base);
                Ok(v)
            }
            Err(e) => {
                self.truncate_stack(ret_base);
                Err(e)
            }
        }
    }

    /// `RecursionError` when native code may not start another nested dispatch loop.
    pub(crate) fn check_native_depth(&mut self) -> PyResult<()> {
        if self.native_depth >= NATIVE_DEPTH_LIMIT {
            return Err(self.err(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Runs the frame just pushed in a nested dispatch loop, until it returns (or, for a
    /// generator, yields). With `raise`, that exception is first raised in the frame
    /// where it stands (`gen.throw()`).
    pub(crate) fn run_nested(&mut self, raise: Option<ObjRef>) -> PyResult<Value> {
        self.frame_mut().is_entry = true;
        self.native_depth += 1;
        let r = self.suspend_native(|vm| match raise {
            Some(exc) => vm.unwind(exc).and_then(|()| vm.run_loop()),
            None => vm.run_loop(),
        });
        self.native_depth -= 1;
        r
    }

    /// `MAKE_FUNCTION flags`: `[defaults] [kwdefaults] [annotations] [closure] code` ->
    /// `function`. `false`, with nothing popped, when the top is not a code object (only
    /// malformed bytecode has that; the general path reports it).
    // Kept out of line so the dispatch loop's hot path stays small.
    #[inline(never)]
    pub(crate) fn make_function(&mut self, flags: u32) -> bool {
        let Some(code_obj) = self.top().as_obj() else {
            return false;
        };
        let Object::Code(code) = self.heap.get(code_obj) else {
            return false;
        };
        let code = code.clone();
        self.pop();
        let opt = |vm: &mut Vm, bit: u32| {
            if flags & bit != 0 {
                vm.pop().as_obj()
            } else {
                None
            }
        };
        let closure = opt(self, 0x08);
        let annotations = opt(self, 0x04);
        let kwdefaults = opt(self, 0x02);
        let defaults = opt(self, 0x01);
        let globals = self.frame().globals;
        let parts = FunctionParts {
            closure,
            defaults,
            kwdefaults,
            annotations,
        };
        let r = self.new_function(code_obj, code, globals, parts);
        self.push(Value::Obj(r));
        true
    }

    /// A new function running `code` (whose heap object is `code_obj`) in `globals`.
    #[inline(always)]
    pub(crate) fn new_function(
        &mut self,
        code_obj: ObjRef,
        code: Rc<CodeData>,
        globals: ObjRef,
        parts: FunctionParts,
    ) -> ObjRef {
        let doc = match code.code.consts.first() {
            Some(pyc_bytecode::Constant::Str(_)) => code.consts[0],
            _ => Value::None,
        };
        let f = Function {
            renamed: None,
            doc,
            code,
            code_obj,
            globals,
            defaults: parts.defaults,
            kwdefaults: parts.kwdefaults,
            closure: parts.closure,
            dict: None,
            module: Value::Null,
            annotations: parts.annotations,
        };
        let f = self.heap.function_box(f);
        self.alloc(Object::Function(f))
    }
}

/// The optional parts of a new function: `__closure__`, `__defaults__`,
/// `__kwdefaults__` and the annotations `MAKE_FUNCTION` received.
#[derive(Default)]
pub(crate) struct FunctionParts {
    pub closure: Option<ObjRef>,
    pub defaults: Option<ObjRef>,
    pub kwdefaults: Option<ObjRef>,
    pub annotations: Option<ObjRef>,
}

/// Whether calling the builtin type `name` accepts keyword arguments at all (CPython's
/// others answer `X() takes no keyword arguments`).
fn ctor_takes_keywords(name: &str) -> bool {
    !matches!(
        name,
        "float"
            | "list"
            | "tuple"
            | "set"
            | "frozenset"
            | "range"
            | "map"
            | "filter"
            | "reversed"
            | "bool"
            | "slice"
            | "super"
            | "staticmethod"
            | "classmethod"
    )
}
