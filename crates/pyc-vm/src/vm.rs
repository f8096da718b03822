//! The `Vm` struct: heap, value stack, frames, builtins, and small helpers used everywhere.

use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use pyc_bytecode::{CodeObject, Constant};

use crate::frame::{Frame, FrameKind};
use crate::gc::Marker;
use crate::heap::Heap;
use crate::objects::{CodeData, Object, PyStr};
use crate::traceback::Uncaught;
use crate::types::Types;
use crate::value::{ObjRef, Value};
use crate::PyResult;

/// Python's default recursion limit: the most frames that may be active at once.
pub(crate) const RECURSION_LIMIT: usize = 1000;

/// Deepest nesting of native builtins calling back into Python (`sorted(key=...)` inside
/// a key function, ...). Each level is a Rust call of the dispatch loop.
pub(crate) const NATIVE_DEPTH_LIMIT: usize = 200;

/// The virtual machine.
pub struct Vm {
    pub(crate) heap: Heap,
    /// The value stack's slots (see [`crate::stack`]); `sp` values are in use.
    pub(crate) stack: Vec<Value>,
    /// The logical top of `stack`.
    pub(crate) sp: usize,
    /// Scratch space for arguments: binding them to parameters and passing them to
    /// native functions, reused across calls.
    pub(crate) arg_buffer: Vec<Value>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) builtins: ObjRef,
    pub(crate) types: Types,
    pub(crate) exc_types: Vec<ObjRef>,
    /// The exception currently being handled (`sys.exc_info()`), or `None`.
    pub(crate) handled: Value,
    /// How many native builtins are currently calling back into Python.
    pub(crate) native_depth: usize,
    /// Set when the exception being raised is a re-raise (no new traceback entry).
    pub(crate) reraise: bool,
    pub(crate) out: Box<dyn Write>,
    pub(crate) sources: HashMap<String, Vec<String>>,
    /// One str object per distinct name in loaded code, so that the same name in two
    /// code objects is the same object and dict lookups of names compare by identity.
    /// Interned strings live as long as the VM (they are roots).
    pub(crate) interned: HashMap<Rc<str>, ObjRef>,
    /// Whether any class namespace has ever held something that intercepts instance
    /// attribute access: a property (a data descriptor), `__getattribute__`,
    /// `__setattr__` or `__delattr__`. Until then instance attributes need no check for
    /// them.
    pub(crate) class_attr_hooks: bool,
    /// Where attribute names resolve on types (see [`crate::type_cache`]).
    pub(crate) type_attrs: std::cell::RefCell<crate::type_cache::TypeAttrCache>,
    /// Bumped whenever `type_attrs` is emptied; the per-instruction method caches
    /// (`CodeData::method_cache`) are valid only in the generation that filled them.
    pub(crate) type_generation: u64,
    /// The most Python frames that may be active at once (`sys.setrecursionlimit`).
    pub(crate) recursion_limit: usize,
    /// The compiler `compile()`, `exec`, `eval` and imports use (see [`crate::host`]).
    pub(crate) compiler: Option<Rc<dyn crate::host::SourceCompiler>>,
    /// The native and embedded modules the embedder registered.
    pub(crate) registry: crate::import::Registry,
    /// The `sys` module.
    pub(crate) sys: ObjRef,
    /// `sys.modules`.
    pub(crate) sys_modules: ObjRef,
    /// Modules whose body is running (for the circular-import message).
    pub(crate) initializing: Vec<ObjRef>,
    /// The class of modules' `__spec__`, made on first use.
    pub(crate) module_spec_class: Option<ObjRef>,
    /// Callbacks of weak references whose referents died, waiting for a safe point.
    pub(crate) weak_callbacks: Vec<crate::gc::WeakCallback>,
    /// What [`Vm::run_exit_hooks`] calls when the program ends: `[func, args tuple,
    /// kwargs dict or None]` (`atexit`'s callbacks).
    pub(crate) exit_hooks: Vec<[Value; 3]>,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    /// A VM with fresh builtins, printing to the process's standard output.
    pub fn new() -> Vm {
        Vm::with_output(Box::new(std::io::BufWriter::new(std::io::stdout())))
    }

    /// A VM whose `print` writes to `out`.
    pub fn with_output(out: Box<dyn Write>) -> Vm {
        let mut heap = Heap::new();
        let types = Types::create(&mut heap);
        let builtins = heap.alloc(Object::Dict(Box::default()));
        let sys_modules = heap.alloc(Object::Dict(Box::default()));
        let sys_dict = heap.alloc(Object::Dict(Box::default()));
        let sys = heap.alloc(Object::Module(sys_dict));
        let mut vm = Vm {
            heap,
            stack: vec![Value::Null; 1024],
            sp: 0,
            arg_buffer: Vec::new(),
            frames: Vec::new(),
            builtins,
            types,
            exc_types: Vec::new(),
            handled: Value::None,
            native_depth: 0,
            reraise: false,
            out,
            sources: HashMap::new(),
            interned: HashMap::new(),
            class_attr_hooks: false,
            type_attrs: std::cell::RefCell::new(crate::type_cache::TypeAttrCache::new()),
            type_generation: 0,
            recursion_limit: RECURSION_LIMIT,
            compiler: None,
            registry: Default::default(),
            sys,
            sys_modules,
            initializing: Vec::new(),
            module_spec_class: None,
            weak_callbacks: Vec::new(),
            exit_hooks: Vec::new(),
        };
        let name = vm.new_str("sys");
        vm.dict_set_str(sys_dict, "__name__", name);
        vm.init_builtins();
        vm.init_type_ctors();
        vm.init_sys();
        vm
    }

    /// Registers the text of a source file so tracebacks can show its lines.
    pub fn add_source(&mut self, filename: &str, source: &str) {
        let lines = source.lines().map(str::to_string).collect();
        self.sources.insert(filename.to_string(), lines);
    }

    /// The lines of a source file the VM loaded (the main program, imported modules),
    /// as registered by [`Vm::add_source`].
    pub fn source_lines(&self, filename: &str) -> Option<&[String]> {
        self.sources.get(filename).map(Vec::as_slice)
    }

    /// Registers `func(*args, **kwargs)` to run when the program ends (`atexit.register`;
    /// like CPython, the interpreter keeps `atexit`'s callbacks). `kwargs` is a dict or
    /// `None`.
    pub fn add_exit_hook(&mut self, func: Value, args: Value, kwargs: Value) {
        self.exit_hooks.push([func, args, kwargs]);
    }

    /// Removes every exit hook whose function equals `func` (`atexit.unregister`).
    pub fn remove_exit_hooks(&mut self, func: Value) -> PyResult<()> {
        let mut kept = Vec::new();
        for hook in std::mem::take(&mut self.exit_hooks) {
            if !self.values_eq(hook[0], func)? {
                kept.push(hook);
            }
        }
        // Hooks registered while comparing (by an `__eq__`) stay too.
        kept.append(&mut self.exit_hooks);
        self.exit_hooks = kept;
        Ok(())
    }

    /// How many exit hooks are registered (`atexit._ncallbacks()`).
    pub fn exit_hook_count(&self) -> usize {
        self.exit_hooks.len()
    }

    /// Forgets every exit hook (`atexit._clear()`).
    pub fn clear_exit_hooks(&mut self) {
        self.exit_hooks.clear();
    }

    /// Runs the exit hooks, the last registered first, as the program ends (the embedder
    /// calls it after printing an uncaught exception's traceback, as CPython does). An
    /// exception in a hook is reported on stderr as `Exception ignored in atexit
    /// callback: <func>` with its traceback, and the others still run.
    pub fn run_exit_hooks(&mut self) {
        while let Some([func, args, kwargs]) = self.exit_hooks.pop() {
            let mut args = self
                .seq_items(args)
                .map(<[Value]>::to_vec)
                .unwrap_or_default();
            let mut names: Vec<Rc<str>> = Vec::new();
            if let Some(d) = kwargs.as_obj() {
                if matches!(self.heap.get(d), Object::Dict(_)) {
                    for (k, v) in self.dict_ref(d).iter() {
                        if let Some(k) = self.as_str(k) {
                            names.push(Rc::from(k));
                            args.push(v);
                        }
                    }
                }
            }
            let names = (!names.is_empty()).then_some(names);
            if let Err(exc) = self.call_value_kw(func, &args, names) {
                self.report_unraisable("Exception ignored in atexit callback: ", func, exc);
            }
        }
        self.flush();
    }

    /// Runs a module code object (as `__main__`) to completion.
    pub fn run_module(&mut self, code: Rc<CodeObject>) -> Result<(), Uncaught> {
        let code = self.load_code(code);
        let globals = self.main_module(&code.code.filename.clone());
        self.run_main(code, globals)
    }

    /// Runs `code` as the `__main__` module whose namespace is `globals`.
    pub(crate) fn run_main(&mut self, code: Rc<CodeData>, globals: ObjRef) -> Result<(), Uncaught> {
        let base = self.sp;
        self.resize_stack(base + code.nlocalsplus);
        self.frames.push(Frame {
            code,
            pc: 0,
            base,
            func: None,
            globals,
            locals: Some(globals),
            ret_base: base,
            is_entry: true,
            kind: FrameKind::Call,
        });
        let result = self.run_loop();
        self.flush();
        match result {
            Ok(_) => Ok(()),
            Err(exc) => Err(self.uncaught(exc)),
        }
    }

    /// Makes the `__main__` module for a program from `filename` (a path, or `<string>`
    /// and the like, which get no `__file__`), registers it in `sys.modules` and returns
    /// its namespace.
    pub(crate) fn main_module(&mut self, filename: &str) -> ObjRef {
        let module = self.new_module("__main__");
        let globals = self.module_dict(module);
        let builtins = self
            .sys_module("builtins")
            .unwrap_or(Value::Obj(self.builtins));
        self.dict_set_str(globals, "__builtins__", builtins);
        if !filename.starts_with('<') {
            let file = self.new_str(filename);
            self.dict_set_str(globals, "__file__", file);
            self.dict_set_str(globals, "__cached__", Value::None);
        }
        let key = self.new_str("__main__");
        self.dict_set(self.sys_modules, key, Value::Obj(module))
            .expect("str keys hash");
        globals
    }

    /// Number of live heap objects (for tests and `gc` statistics).
    pub fn live_objects(&self) -> usize {
        self.heap.live()
    }

    /// Forgets every remembered lookup on types: after a class namespace changed, or
    /// before a collection.
    pub(crate) fn forget_type_lookups(&mut self) {
        self.type_attrs.get_mut().clear();
        self.type_generation += 1;
    }

    /// Runs a full collection now and returns how many objects it freed. The callbacks
    /// of weak references it emptied are queued for the next safe point (see
    /// [`Vm::collect`] to run them at once).
    pub fn collect_garbage(&mut self) -> usize {
        // A collection may free a type or a cached value and reuse its slot.
        self.forget_type_lookups();
        let mut m = Marker::new();
        let heap = &mut self.heap;
        for &v in &self.stack[..self.sp] {
            m.root(heap, v);
        }
        for f in &self.frames {
            for &c in &f.code.consts {
                m.root(heap, c);
            }
            for &n in &f.code.names {
                m.root_ref(heap, n);
            }
            if let Some(func) = f.func {
                m.root_ref(heap, func);
            }
            m.root_ref(heap, f.globals);
            if let Some(l) = f.locals {
                m.root_ref(heap, l);
            }
        }
        for &r in self.interned.values() {
            m.root_ref(heap, r);
        }
        m.pin_older(heap);
        m.root(heap, self.handled);
        m.root_ref(heap, self.builtins);
        m.root_ref(heap, self.sys);
        m.root_ref(heap, self.sys_modules);
        for &r in self.initializing.iter().chain(&self.module_spec_class) {
            m.root_ref(heap, r);
        }
        for &t in self.types.all().iter().chain(&self.exc_types) {
            m.root_ref(heap, t);
        }
        for w in &self.weak_callbacks {
            m.root(heap, w.callback);
            m.root(heap, w.arg);
        }
        for &h in self.exit_hooks.iter().flatten() {
            m.root(heap, h);
        }
        let (freed, callbacks) = m.finish(heap);
        self.queue_weak_callbacks(callbacks);
        freed
    }

    /// `gc.collect()`: a full collection, then the callbacks of the weak references it
    /// emptied. Returns how many objects were freed.
    pub fn collect(&mut self) -> usize {
        let freed = self.collect_garbage();
        self.run_weak_callbacks();
        freed
    }

    /// Runs `f`, which may run Python code (and so collect), while the calling native
    /// code is suspended: everything allocated so far is pinned until `f` returns, so
    /// values the caller keeps in Rust locals cannot be freed (see [`crate::gc`]).
    #[inline]
    pub(crate) fn suspend_native<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> R {
        let saved = self.heap.pin_boundary;
        self.heap.pin_boundary = self.heap.begin_epoch();
        let r = f(self);
        self.heap.pin_boundary = saved;
        r
    }

    /// Flushes Python's standard output.
    pub(crate) fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// Stores a new heap object.
    #[inline]
    pub(crate) fn alloc(&mut self, obj: Object) -> ObjRef {
        self.heap.alloc(obj)
    }

    /// A new `str`.
    pub fn new_str(&mut self, s: impl Into<Box<str>>) -> Value {
        Value::Obj(self.heap.alloc(Object::Str(PyStr::new(s.into()))))
    }

    /// A new `tuple`.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        self.new_tuple_from(&items)
    }

    /// A new `tuple` holding a copy of `items`.
    pub(crate) fn new_tuple_from(&mut self, items: &[Value]) -> Value {
        let b = self.heap.tuple_box(items);
        Value::Obj(self.heap.alloc(Object::Tuple(b)))
    }

    /// A new `list`.
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.heap.alloc(Object::List(items)))
    }

    /// A new empty `dict`.
    pub fn new_dict(&mut self) -> ObjRef {
        let d = self.heap.dict_box();
        self.heap.alloc(Object::Dict(d))
    }

    /// A new empty `set`.
    pub fn new_set(&mut self) -> ObjRef {
        let d = self.heap.dict_box();
        self.heap.alloc(Object::Set(d))
    }

    /// An int value from a big integer, unboxed when it fits in `i64`.
    pub fn int_from_big(&mut self, n: BigInt) -> Value {
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(self.heap.alloc(Object::BigInt(n))),
        }
    }

    /// The text of a str value.
    #[inline]
    pub fn as_str(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => Some(&s.s),
                _ => None,
            },
            _ => None,
        }
    }

    /// The items of a tuple or list value.
    pub fn seq_items(&self, v: Value) -> Option<&[Value]> {
        seq_slice(&self.heap, v)
    }

    /// The top frame (the dispatch loop always has one while running).
    #[inline]
    pub(crate) fn frame(&self) -> &Frame {
        self.frames.last().expect("a frame is running")
    }

    /// The top frame, mutably.
    #[inline]
    pub(crate) fn frame_mut(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a frame is running")
    }

    /// Turns a compiled code object into a [`CodeData`], loading its constants (nested
    /// code objects included) and names into heap values.
    pub(crate) fn load_code(&mut self, code: Rc<CodeObject>) -> Rc<CodeData> {
        let consts = code
            .consts
            .iter()
            .map(|c| self.load_const(c))
            .collect::<Vec<_>>();
        let names: Vec<ObjRef> = code.names.iter().map(|n| self.intern(n)).collect();
        let global_cache = names.iter().map(|_| Default::default()).collect();
        let attr_hints = names.iter().map(|_| Default::default()).collect();
        let method_cache = names.iter().map(|_| Default::default()).collect();
        let simple_args = code.kwonlyargcount == 0
            && code.flags
                & (pyc_bytecode::code_flags::VARARGS | pyc_bytecode::code_flags::VARKEYWORDS)
                == 0;
        let free_vars_on_entry = match code.instructions.first() {
            Some(ins) if ins.op == pyc_bytecode::Opcode::CopyFreeVars => ins.arg as usize,
            _ => 0,
        };
        Rc::new(CodeData {
            nlocalsplus: code.nlocalsplus(),
            simple_args,
            free_vars_on_entry,
            code,
            consts,
            names,
            global_cache,
            attr_hints,
            method_cache,
        })
    }

    /// The one str object for the name `name`.
    pub(crate) fn intern(&mut self, name: &Rc<str>) -> ObjRef {
        if let Some(&r) = self.interned.get(name) {
            return r;
        }
        let r = self.heap.alloc(Object::Str(PyStr::new(Box::from(&**name))));
        self.interned.insert(name.clone(), r);
        r
    }

    fn load_const(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(b) => self.int_from_big(b.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Str(s) => self.new_str(Box::from(&**s)),
            Constant::Bytes(b) => self.new_bytes(&**b),
            Constant::Tuple(items) => {
                let items = items.iter().map(|c| self.load_const(c)).collect();
                self.new_tuple(items)
            }
            Constant::FrozenSet(items) => {
                // A folded frozenset is only ever iterated, searched or merged into a
                // set, so a set (holding the items in their folded order) stands for it.
                let set = Value::Obj(self.new_set());
                for item in items.iter() {
                    let v = self.load_const(item);
                    self.set_add(set, v).expect("constants are hashable");
                }
                set
            }
            Constant::Ellipsis => Value::Obj(self.types.ellipsis_obj),
            Constant::Code(code) => {
                let data = self.load_code(code.clone());
                Value::Obj(self.heap.alloc(Object::Code(data)))
            }
        }
    }
}

/// The items of a tuple or list value (borrowing only the heap, so the value stack can be
/// written at the same time).
pub(crate) fn seq_slice(heap: &Heap, v: Value) -> Option<&[Value]> {
    match v {
        Value::Obj(r) => match heap.get(r) {
            Object::Tuple(items) => Some(items),
            Object::List(items) => Some(items),
            _ => None,
        },
        _ => None,
    }
}
