//! The `sys` module. It is the interpreter's own state (the module cache, the search
//! path, the recursion limit, the exception being handled), so it lives in the VM, as
//! CPython's `Python/sysmodule.c` lives in its core; every other module ships in
//! `pyc-stdlib`.

use crate::builtins::Kw;
use crate::exceptions::ExcKind;
use crate::import::LIBRARY_ENTRY;
use crate::objects::{Builtin, NativeFn, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The CPython version pyc follows.
const VERSION: (i64, i64, i64) = (3, 11, 7);

impl Vm {
    /// Makes `sys` (registered in `sys.modules`) with its defaults: `argv == ['']` and
    /// `sys.path == ['<pyc-lib>']`; [`Vm::set_argv`] and [`Vm::set_path`] change them.
    pub(crate) fn init_sys(&mut self) {
        let sys = self.sys;
        let dict = self.module_dict(sys);
        for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
            self.dict_set_str(dict, key, Value::None);
        }
        let modules = Value::Obj(self.sys_modules);
        self.dict_set_str(dict, "modules", modules);
        let key = self.new_str("sys");
        self.dict_set(self.sys_modules, key, Value::Obj(sys))
            .expect("str keys hash");
        let key = self.new_str("builtins");
        let builtins_module = self.new_module("builtins");
        self.dict_set(self.sys_modules, key, Value::Obj(builtins_module))
            .expect("str keys hash");
        // The builtins module's namespace is the builtins dict itself.
        if let Object::Module(d) = self.heap.get_mut(builtins_module) {
            *d = self.builtins;
        }
        let name = self.new_str("builtins");
        self.dict_set_str(self.builtins, "__name__", name);
        self.init_std_streams();
        self.set_argv(&[String::new()]);
        self.set_path(&[]);
        let (major, minor, micro) = VERSION;
        let version = self.new_str(format!(
            "{major}.{minor}.{micro} (pyc {})",
            env!("CARGO_PKG_VERSION")
        ));
        self.dict_set_str(dict, "version", version);
        let release = self.new_str("final");
        let info = self.new_tuple(vec![
            Value::Int(major),
            Value::Int(minor),
            Value::Int(micro),
            release,
            Value::Int(0),
        ]);
        self.dict_set_str(dict, "version_info", info);
        let hexversion = (major << 24) | (minor << 16) | (micro << 8) | 0xf0;
        self.dict_set_str(dict, "hexversion", Value::Int(hexversion));
        let implementation = self.new_module("pyc");
        let pyc_name = self.new_str("pyc");
        self.module_set(implementation, "name", pyc_name);
        let cache_tag = Value::None;
        self.module_set(implementation, "cache_tag", cache_tag);
        self.module_set(implementation, "version", info);
        self.dict_set_str(dict, "implementation", Value::Obj(implementation));
        for (key, text) in [
            ("platform", std::env::consts::OS),
            (
                "byteorder",
                if cfg!(target_endian = "little") {
                    "little"
                } else {
                    "big"
                },
            ),
            ("executable", ""),
            ("prefix", LIBRARY_ENTRY),
        ] {
            let v = self.new_str(text);
            self.dict_set_str(dict, key, v);
        }
        self.dict_set_str(dict, "maxsize", Value::Int(i64::MAX));
        self.dict_set_str(dict, "maxunicode", Value::Int(0x10ffff));
        self.dict_set_str(dict, "dont_write_bytecode", Value::Bool(true));
        let names = ["builtins", "sys"].map(|n| self.new_str(n)).to_vec();
        let names = self.new_tuple(names);
        self.dict_set_str(dict, "builtin_module_names", names);
        let functions: &[(&'static str, NativeFn, bool)] = &[
            ("exit", sys_exit, false),
            ("getrecursionlimit", getrecursionlimit, false),
            ("setrecursionlimit", setrecursionlimit, false),
            ("exc_info", exc_info, false),
            ("exception", exception, false),
            ("intern", intern, false),
            ("getsizeof", getsizeof, false),
            ("_getframe", getframe, false),
            ("get_int_max_str_digits", get_int_max_str_digits, false),
            ("set_int_max_str_digits", set_int_max_str_digits, true),
        ];
        for &(name, f, takes_kw) in functions {
            self.module_add_function(sys, name, f, takes_kw);
        }
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: &[String]) {
        let items = argv.iter().map(|a| self.new_str(a.as_str())).collect();
        let list = self.new_list(items);
        self.module_set(self.sys, "argv", list);
    }

    /// Sets `sys.path` to `entries` followed by the embedded library.
    pub fn set_path(&mut self, entries: &[String]) {
        let mut items: Vec<Value> = entries.iter().map(|e| self.new_str(e.as_str())).collect();
        items.push(self.new_str(LIBRARY_ENTRY));
        let list = self.new_list(items);
        self.module_set(self.sys, "path", list);
    }

    /// Adds a native function to a module's namespace.
    pub fn module_add_function(
        &mut self,
        module: ObjRef,
        name: &'static str,
        f: NativeFn,
        takes_kw: bool,
    ) {
        let b = self.alloc(Object::Builtin(Box::new(Builtin { name, f, takes_kw })));
        self.module_set(module, name, Value::Obj(b));
    }
}

/// `sys.exit(status=None)`: raises `SystemExit`.
fn sys_exit(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("exit", args, 0, 1)?;
    let class = vm.exc_class(ExcKind::SystemExit);
    let args = args.to_vec();
    Err(vm.new_exception(class, args))
}

fn getrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

/// `sys.setrecursionlimit(n)`: Python frames never recurse on the native stack, so any
/// limit is safe.
fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("setrecursionlimit", args, 1, 1)?;
    if matches!(args[0], Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.int_arg(args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len();
    if (n as usize) <= depth {
        let msg = format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        );
        return Err(vm.err(ExcKind::RecursionError, msg));
    }
    vm.recursion_limit = n.min(i64::from(i32::MAX)) as usize;
    Ok(Value::None)
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled.
fn exc_info(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("exc_info", args, 0, 0)?;
    let exc = vm.handled;
    let items = match exc {
        Value::Obj(r) => {
            let class = vm.type_of(exc);
            let tb = vm.traceback_of(r);
            vec![Value::Obj(class), exc, tb]
        }
        _ => vec![Value::None; 3],
    };
    Ok(vm.new_tuple(items))
}

/// `sys.exception()`: the exception being handled, or `None`.
fn exception(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("exception", args, 0, 0)?;
    Ok(vm.handled)
}

fn intern(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("intern", args, 1, 1)?;
    match vm.as_str(args[0]) {
        Some(s) => {
            let s: std::rc::Rc<str> = s.into();
            Ok(Value::Obj(vm.intern(&s)))
        }
        None => {
            let msg = format!(
                "intern() argument must be str, not {}",
                vm.type_name(args[0])
            );
            Err(vm.type_error(msg))
        }
    }
}

/// `sys._getframe(depth=0)`: the caller's frame object, or one `depth` calls up.
fn getframe(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("_getframe", args, 0, 1)?;
    let depth = match args.first() {
        Some(&d) => vm.int_arg(d)?.max(0) as usize,
        None => 0,
    };
    match vm.frame_object(depth) {
        Some(f) => Ok(f),
        None => Err(vm.value_error("call stack is not deep enough")),
    }
}

/// `sys.getsizeof(obj)`: the bytes pyc's heap uses for the object itself.
fn getsizeof(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("getsizeof", args, 1, 2)?;
    Ok(Value::Int(vm.size_of(args[0]) as i64))
}

fn get_int_max_str_digits(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("get_int_max_str_digits", args, 0, 0)?;
    Ok(Value::Int(crate::format::int_max_str_digits() as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`: 0 (no limit) or at least 640.
fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let named = vm.kwarg("set_int_max_str_digits", kw, "maxdigits", &["maxdigits"])?;
    let value = match (args, named) {
        ([v], None) => *v,
        ([], Some(v)) => v,
        _ => {
            return Err(
                vm.type_error("set_int_max_str_digits() takes exactly one argument (0 given)")
            )
        }
    };
    let n = vm.int_arg(value)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::format::set_int_max_str_digits(n as usize);
    Ok(Value::None)
}

impl Vm {
    /// The bytes pyc's heap uses for the object itself (its slot and what it owns
    /// directly), `sys.getsizeof`'s answer.
    pub(crate) fn size_of(&self, v: Value) -> usize {
        let slot = std::mem::size_of::<Object>() + std::mem::size_of::<Value>();
        let value = std::mem::size_of::<Value>();
        let Value::Obj(r) = v else {
            return value;
        };
        slot + match self.heap.get(r) {
            Object::Str(s) => s.s.len(),
            Object::Bytes(b) => b.len(),
            Object::ByteArray(b) => b.capacity(),
            Object::BigInt(b) => (b.bits() as usize).div_ceil(8),
            Object::Tuple(items) => items.len() * value,
            Object::List(items) => items.capacity() * value,
            Object::Dict(d) | Object::Set(d) => d.raw_len() * 3 * value,
            Object::Function(_) => std::mem::size_of::<crate::objects::Function>(),
            Object::Instance(_) => std::mem::size_of::<crate::objects::Instance>(),
            _ => 0,
        }
    }
}
