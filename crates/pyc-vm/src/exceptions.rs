//! Builtin exception classes, and constructors for the exceptions the VM raises itself.
//!
//! Constructors are `#[cold]`: they only run on error paths.

use num_bigint::BigInt;

use crate::builtins::Kw;
use crate::objects::descr::{AttrDef, MethodDef, Params};
use crate::objects::{ExcObj, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

macro_rules! exc_kinds {
    ($( $kind:ident : $base:ident ),* $(,)?) => {
        /// The builtin exception classes, in creation order (a base before its subclasses).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ExcKind { $( $kind, )* }

        impl ExcKind {
            /// Every kind, bases first.
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$kind),*];

            /// The class name.
            pub fn name(self) -> &'static str {
                match self { $(ExcKind::$kind => stringify!($kind),)* }
            }

            /// The base class (`BaseException` is its own, meaning `object`).
            pub fn base(self) -> ExcKind {
                match self { $(ExcKind::$kind => ExcKind::$base,)* }
            }
        }
    };
}

exc_kinds! {
    BaseException: BaseException,
    Exception: BaseException,
    ArithmeticError: Exception,
    ZeroDivisionError: ArithmeticError,
    OverflowError: ArithmeticError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    NameError: Exception,
    UnboundLocalError: NameError,
    AttributeError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    RuntimeError: Exception,
    RecursionError: RuntimeError,
    NotImplementedError: RuntimeError,
    StopIteration: Exception,
    AssertionError: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    UnicodeError: ValueError,
    GeneratorExit: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    StopAsyncIteration: Exception,
    EOFError: Exception,
    MemoryError: Exception,
    SystemError: Exception,
    BufferError: Exception,
    ReferenceError: Exception,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    OSError: Exception,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    PermissionError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    InterruptedError: OSError,
    TimeoutError: OSError,
    ProcessLookupError: OSError,
    ChildProcessError: OSError,
    BlockingIOError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    PendingDeprecationWarning: Warning,
    SyntaxWarning: Warning,
    RuntimeWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
}

impl Vm {
    /// The class object of a builtin exception kind.
    pub fn exc_class(&self, kind: ExcKind) -> ObjRef {
        self.exc_types[kind as usize]
    }

    /// A new exception instance of `class` with the given args.
    pub fn new_exception(&mut self, class: ObjRef, args: Vec<Value>) -> ObjRef {
        let args = self.heap.alloc(Object::Tuple(args.into_boxed_slice()));
        self.heap.alloc(Object::Exception(Box::new(ExcObj {
            class,
            args,
            traceback: Vec::new(),
            tb_object: None,
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            dict: None,
            payload: Value::Null,
        })))
    }

    /// A new exception of a builtin kind with one str argument.
    #[cold]
    pub fn err(&mut self, kind: ExcKind, msg: impl Into<String>) -> ObjRef {
        let msg = self.new_str(msg.into());
        let class = self.exc_class(kind);
        self.new_exception(class, vec![msg])
    }

    /// `TypeError(msg)`.
    #[cold]
    pub fn type_error(&mut self, msg: impl Into<String>) -> ObjRef {
        self.err(ExcKind::TypeError, msg)
    }

    /// `ValueError(msg)`.
    #[cold]
    pub fn value_error(&mut self, msg: impl Into<String>) -> ObjRef {
        self.err(ExcKind::ValueError, msg)
    }

    /// `KeyError(key)`.
    #[cold]
    pub fn key_error(&mut self, key: Value) -> ObjRef {
        let class = self.exc_class(ExcKind::KeyError);
        self.new_exception(class, vec![key])
    }

    /// `ZeroDivisionError(msg)`.
    #[cold]
    pub(crate) fn zero_division(&mut self, msg: &str) -> ObjRef {
        self.err(ExcKind::ZeroDivisionError, msg)
    }

    /// `OverflowError(msg)`.
    #[cold]
    pub(crate) fn overflow_error(&mut self, msg: &str) -> ObjRef {
        self.err(ExcKind::OverflowError, msg)
    }

    /// `UnboundLocalError` for reading an unbound local or cell.
    #[cold]
    pub(crate) fn unbound_local(&mut self, name: &str) -> ObjRef {
        self.err(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    /// `NameError` for reading an empty free variable.
    #[cold]
    pub(crate) fn unbound_free(&mut self, name: &str) -> ObjRef {
        self.err(
            ExcKind::NameError,
            format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ),
        )
    }

    /// `NameError: name 'x' is not defined`.
    #[cold]
    pub(crate) fn name_error(&mut self, name: &str) -> ObjRef {
        self.err(ExcKind::NameError, format!("name '{name}' is not defined"))
    }

    /// `AttributeError: 'T' object has no attribute 'x'`.
    #[cold]
    pub(crate) fn no_attribute(&mut self, v: Value, name: &str) -> ObjRef {
        let msg = match v {
            Value::Obj(r) if matches!(self.heap.get(r), Object::Type(_)) => {
                format!(
                    "type object '{}' has no attribute '{name}'",
                    self.type_name_of_type(r)
                )
            }
            Value::Obj(r) if matches!(self.heap.get(r), Object::Module(_)) => {
                let module = self.module_name(r);
                format!("module '{module}' has no attribute '{name}'")
            }
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(v)),
        };
        self.err(ExcKind::AttributeError, msg)
    }

    /// An int too large for an operation that needs a machine integer.
    #[cold]
    pub(crate) fn too_big(&mut self, _n: &BigInt) -> ObjRef {
        self.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    }

    /// Whether `exc`'s class is `class` or a subclass of it.
    pub fn exc_matches(&self, exc: ObjRef, class: ObjRef) -> bool {
        let cls = match self.heap.get(exc) {
            Object::Exception(e) => e.class,
            _ => return false,
        };
        self.is_subclass(cls, class)
    }

    /// Whether the class `t` is an exception class.
    pub(crate) fn is_exception_class(&self, t: ObjRef) -> bool {
        matches!(self.heap.get(t), Object::Type(_))
            && self.is_subclass(t, self.exc_class(ExcKind::BaseException))
    }

    /// `SystemExit.code`: the exception's one argument, `None` without one, the whole
    /// argument tuple with several.
    pub(crate) fn system_exit_code(&self, exc: ObjRef) -> Value {
        let Object::Exception(e) = self.heap.get(exc) else {
            return Value::None;
        };
        if !e.payload.is_null() {
            return e.payload;
        }
        match self.heap.get(e.args) {
            Object::Tuple(items) => match &items[..] {
                [] => Value::None,
                [code] => *code,
                _ => Value::Obj(e.args),
            },
            _ => Value::None,
        }
    }

    /// `str(exc)`: `''` for no args, the arg's str for one (repr for `KeyError`), else the
    /// args tuple's repr.
    pub(crate) fn exception_str(&self, exc: ObjRef) -> String {
        let (class, args) = match self.heap.get(exc) {
            Object::Exception(e) => (e.class, e.args),
            _ => return String::new(),
        };
        if let Some(text) = self.detailed_exception_str(exc) {
            return text;
        }
        if self.is_subclass(class, self.exc_class(ExcKind::SyntaxError)) {
            if let Some(text) = self.syntax_error_str(exc) {
                return text;
            }
        }
        let items = match self.heap.get(args) {
            Object::Tuple(items) => items.clone(),
            _ => Box::default(),
        };
        match items.len() {
            0 => String::new(),
            1 if self.is_subclass(class, self.exc_class(ExcKind::KeyError)) => self.repr(items[0]),
            1 => self.to_str(items[0]),
            _ => self.repr(Value::Obj(args)),
        }
    }
}

impl Vm {
    /// Turns a raised value into an exception instance: a class is instantiated with no
    /// arguments; anything else is a `TypeError`.
    pub(crate) fn make_exception(&mut self, v: Value) -> crate::PyResult<ObjRef> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Object::Exception(_) => return Ok(r),
                Object::Type(_) if self.is_exception_class(r) => {
                    return Ok(self.new_exception(r, Vec::new()));
                }
                _ => {}
            }
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// `RAISE_VARARGS argc`.
    pub(crate) fn raise_varargs(&mut self, argc: usize) -> crate::PyResult<()> {
        match argc {
            0 => match self.handled {
                Value::Obj(exc) => {
                    self.reraise = true;
                    Err(exc)
                }
                _ => Err(self.err(ExcKind::RuntimeError, "No active exception to reraise")),
            },
            1 => {
                let v = self.pop();
                Err(self.make_exception(v)?)
            }
            _ => {
                let cause = self.pop();
                let v = self.pop();
                let exc = self.make_exception(v)?;
                let cause = match cause {
                    Value::None => Value::None,
                    c => match self.make_exception(c) {
                        Ok(c) => Value::Obj(c),
                        Err(_) => {
                            return Err(
                                self.type_error("exception causes must derive from BaseException")
                            )
                        }
                    },
                };
                if let Object::Exception(e) = self.heap.get_mut(exc) {
                    e.cause = cause;
                    e.suppress_context = true;
                }
                Err(exc)
            }
        }
    }

    /// `CHECK_EXC_MATCH`: `exc type` -> `exc bool`.
    pub(crate) fn check_exc_match(&mut self) -> crate::PyResult<()> {
        let t = self.pop();
        let exc = self.top();
        let classes: Vec<Value> = match t {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Tuple(items) => items.to_vec(),
                _ => vec![t],
            },
            _ => vec![t],
        };
        let mut matched = false;
        for c in classes {
            match c {
                Value::Obj(c) if self.is_exception_class(c) => {
                    matched |= self.is_instance(exc, c);
                }
                _ => {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ))
                }
            }
        }
        self.push(Value::Bool(matched));
        Ok(())
    }
}

/// The special methods each builtin exception class has.
pub(crate) const SLOTS: &[MethodDef] = &[("__init__", exception_init, Params::Keywords)];

/// `BaseException` special methods.
pub(crate) const BASE_SLOTS: &[MethodDef] = &[
    ("__repr__", exception_repr, Params::NoArgs),
    ("with_traceback", with_traceback, Params::One),
];

/// `exc.with_traceback(tb)`: sets `__traceback__` and returns the exception.
fn with_traceback(vm: &mut Vm, args: &[Value], _kw: &crate::builtins::Kw) -> PyResult<Value> {
    set_traceback(vm, args[0], Some(args[1]))?;
    Ok(args[0])
}

/// `BaseException.__repr__`: `Class(args...)`.
fn exception_repr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let text = vm.builtin_repr_of(args[0])?;
    Ok(vm.new_str(text))
}

/// `BaseException` attributes.
pub(crate) const ATTRS: &[AttrDef] = &[
    ("args", args, Some(set_args)),
    ("__cause__", cause, Some(set_cause)),
    ("__context__", context, Some(set_context)),
    ("__traceback__", traceback, Some(set_traceback)),
    ("__dict__", dict, Some(set_dict)),
];

/// `BaseException` members.
pub(crate) const MEMBERS: &[AttrDef] = &[(
    "__suppress_context__",
    suppress_context,
    Some(set_suppress_context),
)];

/// `StopIteration` members.
pub(crate) const STOP_ITERATION_MEMBERS: &[AttrDef] = &[("value", stop_value, Some(set_payload))];

/// `SystemExit` members.
pub(crate) const SYSTEM_EXIT_MEMBERS: &[AttrDef] = &[("code", exit_code, Some(set_payload))];

/// `BaseException.__init__(self, *args)`: replaces `args`.
fn exception_init(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        let msg = format!("{}() takes no keyword arguments", vm.type_name(args[0]));
        return Err(vm.type_error(msg));
    }
    let new_args = vm.new_tuple(args[1..].to_vec());
    set_args(vm, args[0], Some(new_args))?;
    Ok(Value::None)
}

/// The exception `v` (the attribute lookup checked the receiver).
fn exc(vm: &mut Vm, v: Value) -> &mut ExcObj {
    match vm.heap.get_mut(vm.obj_of(v)) {
        Object::Exception(e) => e,
        _ => unreachable!("exception attribute of a non-exception"),
    }
}

fn args(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Obj(exc(vm, v).args))
}

fn set_args(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let Some(new) = new else {
        return Err(vm.type_error("args may not be deleted"));
    };
    let items = vm.collect_iterable(new)?;
    let t = vm.new_tuple(items);
    exc(vm, v).args = vm.obj_of(t);
    Ok(())
}

fn cause(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(exc(vm, v).cause)
}

/// A new `__cause__` or `__context__`: `None` or an exception instance.
fn chained(vm: &mut Vm, new: Option<Value>, what: &str) -> PyResult<Value> {
    let Some(new) = new else {
        return Err(vm.type_error(format!("__{what}__ may not be deleted")));
    };
    let is_exc = new
        .as_obj()
        .is_some_and(|r| matches!(vm.heap.get(r), Object::Exception(_)));
    if !is_exc && !matches!(new, Value::None) {
        let msg = format!("exception {what} must be None or derive from BaseException");
        return Err(vm.type_error(msg));
    }
    Ok(new)
}

fn set_cause(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let new = chained(vm, new, "cause")?;
    let e = exc(vm, v);
    e.cause = new;
    e.suppress_context = true;
    Ok(())
}

fn context(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(exc(vm, v).context)
}

fn set_context(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let new = chained(vm, new, "context")?;
    exc(vm, v).context = new;
    Ok(())
}

/// `__traceback__`: the chain of traceback objects, outermost frame first.
fn traceback(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = vm.obj_of(v);
    Ok(vm.traceback_of(r))
}

/// Setting `__traceback__`: to `None` forgets the frames the exception passed through;
/// to a traceback object, takes that object's frames.
fn set_traceback(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    if let Some(entries) = new.and_then(|tb| vm.traceback_entries(tb)) {
        let tb = new.and_then(|t| t.as_obj());
        let e = exc(vm, v);
        e.tb_object = tb.map(|t| (entries.len(), t));
        e.traceback = entries;
        return Ok(());
    }
    match new {
        Some(Value::None) => {
            let e = exc(vm, v);
            e.traceback.clear();
            e.tb_object = None;
            Ok(())
        }
        Some(_) => Err(vm.type_error("__traceback__ must be a traceback or None")),
        None => Err(vm.type_error("__traceback__ may not be deleted")),
    }
}

fn dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = vm.obj_of(v);
    Ok(vm.instance_dict(r, true).map_or(Value::None, Value::Obj))
}

fn set_dict(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let d = vm.dict_arg_for_dict_attr(new)?;
    exc(vm, v).dict = Some(d);
    Ok(())
}

fn suppress_context(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Bool(exc(vm, v).suppress_context))
}

fn set_suppress_context(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    match new {
        Some(Value::Bool(b)) => {
            exc(vm, v).suppress_context = b;
            Ok(())
        }
        Some(_) => Err(vm.type_error("attribute value type must be bool")),
        None => Err(vm.type_error("can't delete numeric/char attribute")),
    }
}

fn stop_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm.stop_iteration_value(vm.obj_of(v)))
}

fn exit_code(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm.system_exit_code(vm.obj_of(v)))
}

/// Assigning `StopIteration.value` or `SystemExit.code` (deleting leaves `None`).
fn set_payload(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    exc(vm, v).payload = new.unwrap_or(Value::None);
    Ok(())
}
