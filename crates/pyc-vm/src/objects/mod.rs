//! The heap object kinds and their data.
//!
//! Submodules hold the behaviour of each kind: [`bytes`] and [`bytes_methods`] (`bytes`
//! and `bytearray`), [`codec`] (text encodings), [`file`] and [`file_methods`] (file objects), [`dict`] (the insertion-ordered hash table
//! also used for sets), [`int`] (unbounded ints), [`float`], [`str`], [`list`], [`range`]
//! (with `slice`), [`seq`] (indexing and slicing shared by list, tuple and str),
//! [`class`] (user classes and their instances, and the attributes of classes),
//! [`function`] (the attributes of functions, code objects, cells and other callables),
//! [`generator`] (generator objects), [`descr`] (the descriptors in builtin types'
//! namespaces, through which their methods and attributes are found and called),
//! [`weakref`] (weak reference handles).

pub mod bytes;
pub mod bytes_methods;
pub mod class;
pub mod codec;
pub mod coroutine;
pub mod descr;
pub mod dict;
pub mod file;
pub mod file_methods;
pub mod float;
pub mod frames;
pub mod function;
pub mod generator;
pub mod int;
pub mod list;
pub mod metaclass;
pub mod module;
pub mod range;
pub mod seq;
pub mod str;
pub mod type_ctors;
pub mod weakref;

use std::rc::Rc;

use num_bigint::BigInt;
use pyc_bytecode::CodeObject;

use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;
pub use descr::Descr;
pub use dict::Dict;
pub use generator::Generator;

/// A native function: `(vm, positional args, keyword args)`.
pub type NativeFn = fn(&mut Vm, &[Value], &[(Rc<str>, Value)]) -> PyResult<Value>;

/// One heap object.
pub enum Object {
    /// `str`.
    Str(PyStr),
    /// `bytes`.
    Bytes(Box<[u8]>),
    /// `bytearray`.
    ByteArray(Vec<u8>),
    /// An `int` too large for `i64`.
    BigInt(BigInt),
    /// `tuple`.
    Tuple(Box<[Value]>),
    /// `list`.
    List(Vec<Value>),
    /// `dict`.
    Dict(Box<Dict>),
    /// `set` (a dict whose values are unused).
    Set(Box<Dict>),
    /// A Python function.
    Function(Box<Function>),
    /// A cell; `Null` contents mean empty.
    Cell(Value),
    /// A code object with its loaded constants.
    Code(Rc<CodeData>),
    /// A class.
    Type(Box<TypeObj>),
    /// A builtin function implemented in Rust.
    Builtin(Box<Builtin>),
    /// A method, class method, special method or attribute of a builtin type.
    Descr(Box<Descr>),
    /// A bound method: `(function, self)`; with a method descriptor as the function, a
    /// bound builtin method.
    Method(Value, Value),
    /// An exception instance.
    Exception(Box<ExcObj>),
    /// `range(start, stop, step)`.
    Range(i64, i64, i64),
    /// An iterator over a builtin container.
    Iter(Box<IterState>),
    /// `slice(start, stop, step)`.
    Slice(Box<[Value; 3]>),
    /// `dict.keys()`, `.values()` or `.items()` of a dict.
    DictView(ViewKind, ObjRef),
    /// The `...` singleton.
    Ellipsis,
    /// An instance of a user class (user exception classes make [`Object::Exception`]s).
    Instance(Box<Instance>),
    /// A generator.
    Generator(Box<Generator>),
    /// A coroutine: the generator machinery under another type (`async def` code).
    Coroutine(Box<Generator>),
    /// `coro.__await__()`: an iterator driving the coroutine.
    CoroWrapper(ObjRef),
    /// `super()`: `(class whose MRO successors are searched, the bound object)`.
    Super(ObjRef, Value),
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `property(fget, fset)` (`None` when absent).
    Property(Value, Value),
    /// The `__build_class__` builtin (it runs the class body as a frame).
    BuildClass,
    /// The `NotImplemented` singleton.
    NotImplemented,
    /// A module: its namespace is its `__dict__`.
    Module(ObjRef),
    /// A frame object: a snapshot of a running or finished frame.
    Frame(Box<frames::FrameObj>),
    /// A traceback object: one frame an exception passed through.
    Traceback(Box<frames::TracebackObj>),
    /// A weak reference handle (see [`weakref`]).
    WeakRef(Box<weakref::WeakRefObj>),
    /// A file object (`open()`, `io.StringIO`, `io.BytesIO`, the standard streams).
    File(Box<file::FileObj>),
}

/// An instance of a user class.
pub struct Instance {
    /// Its class.
    pub class: ObjRef,
    /// `__dict__`.
    pub dict: ObjRef,
}

/// A `str`: the text, its hash and its length in characters.
pub struct PyStr {
    /// The text.
    pub s: Box<str>,
    /// [`str_hash`] of the text.
    pub hash: u64,
    /// Number of code points (`len()`).
    pub nchars: usize,
}

impl PyStr {
    /// Wraps text, computing its hash and length.
    pub fn new(s: Box<str>) -> PyStr {
        let hash = str_hash(&s);
        let nchars = s.chars().count();
        PyStr { s, hash, nchars }
    }

    /// Whether every character is ASCII (then byte and char indices agree).
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
}

/// The hash of a string (FNV-1a; CPython's string hashes are randomised anyway).
pub fn str_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// The hash of bytes: an ASCII str and the bytes of its text hash alike, as in CPython.
pub fn bytes_hash(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A code object together with its constants turned into values (loaded once).
pub struct CodeData {
    /// The compiled code.
    pub code: Rc<CodeObject>,
    /// `co_consts` as values.
    pub consts: Vec<Value>,
    /// `co_names` as str objects (so name lookups need no allocation or hashing).
    pub names: Vec<ObjRef>,
    /// Number of localsplus slots.
    pub nlocalsplus: usize,
    /// Whether the fast call path applies: no `*args`, `**kwargs` or keyword-only params.
    pub simple_args: bool,
    /// `n` when the code starts with `COPY_FREE_VARS n` (a closure's body), else 0: a
    /// call copies the cells itself and starts the frame after that instruction.
    pub free_vars_on_entry: usize,
    /// `LOAD_GLOBAL`'s cache, one entry per name in `names` (see [`crate::scope`]).
    pub(crate) global_cache: Box<[std::cell::Cell<Option<crate::scope::GlobalCacheEntry>>]>,
    /// Attribute access's inline cache, one entry per name in `names`: the entry index
    /// at which the name was last found in an instance's `__dict__`. Instances of one
    /// class fill their dicts in the same order, so the hint usually holds (see
    /// [`crate::attr`]).
    pub(crate) attr_hints: Box<[std::cell::Cell<u32>]>,
    /// `LOAD_METHOD`'s inline cache, one entry per name in `names` (see [`crate::attr`]).
    pub(crate) method_cache: Box<[std::cell::Cell<Option<crate::attr::MethodCacheEntry>>]>,
}

/// A Python function object.
pub struct Function {
    /// The body.
    pub code: Rc<CodeData>,
    /// The code object as a heap value (`__code__`).
    pub code_obj: ObjRef,
    /// The module globals dict.
    pub globals: ObjRef,
    /// `__defaults__` (a tuple).
    pub defaults: Option<ObjRef>,
    /// `__kwdefaults__` (a dict).
    pub kwdefaults: Option<ObjRef>,
    /// `__closure__` (a tuple of cells).
    pub closure: Option<ObjRef>,
    /// `__dict__`, made on first attribute store.
    pub dict: Option<ObjRef>,
    /// `__doc__`: the first constant of the code when that is a string, else `None`.
    pub doc: Value,
    /// `__name__` and `__qualname__` once assigned; until then the code object's.
    pub renamed: Option<Box<(Rc<str>, Rc<str>)>>,
    /// `__module__` once assigned (`Null` until then: the globals' `__name__`).
    pub module: Value,
    /// `__annotations__`: `None` until read (then an empty dict), the tuple of
    /// `(name, annotation, ...)` pairs `MAKE_FUNCTION` received, or the dict it became.
    pub annotations: Option<ObjRef>,
}

impl Function {
    /// `__name__`.
    pub fn name(&self) -> &Rc<str> {
        self.renamed.as_ref().map_or(&self.code.code.name, |r| &r.0)
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> &Rc<str> {
        self.renamed
            .as_ref()
            .map_or(&self.code.code.qualname, |r| &r.1)
    }
}

/// A class: builtin types, exception classes and user classes.
pub struct TypeObj {
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// `__base__`: the first base class (`None` only for `object`).
    pub base: Option<ObjRef>,
    /// `__bases__`.
    pub bases: Vec<ObjRef>,
    /// `__mro__` without the class itself.
    pub mro: Vec<ObjRef>,
    /// The class namespace.
    pub dict: ObjRef,
    /// Whether the class was made by a `class` statement.
    pub user: bool,
    /// What calling the class does; receives the class as `args[0]`.
    pub ctor: Option<NativeFn>,
    /// The metaclass (`type(cls)`) when it is not `type` itself.
    pub meta: Option<ObjRef>,
    /// When the class was made, relative to the others (`__subclasses__` lists the
    /// oldest first).
    pub created: u64,
}

/// A number larger than any given before: the `created` of a new class.
pub(crate) fn next_class_serial() -> u64 {
    thread_local! {
        static SERIAL: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    SERIAL.with(|s| {
        s.set(s.get() + 1);
        s.get()
    })
}

/// A builtin function.
pub struct Builtin {
    /// `__name__`.
    pub name: &'static str,
    /// The implementation.
    pub f: NativeFn,
    /// Whether keyword arguments are accepted.
    pub takes_kw: bool,
}

/// One traceback entry: a frame the exception passed through.
#[derive(Clone)]
pub struct TbEntry {
    /// The frame's code.
    pub code: Rc<CodeData>,
    /// The line being executed.
    pub line: u32,
    /// The index of the instruction being executed (`tb_lasti` is twice it).
    pub index: u32,
    /// The frame's globals.
    pub globals: ObjRef,
}

/// An exception instance.
pub struct ExcObj {
    /// Its class.
    pub class: ObjRef,
    /// `args` (a tuple).
    pub args: ObjRef,
    /// Frames passed through, innermost first.
    pub traceback: Vec<TbEntry>,
    /// `__cause__` (`None` when unset).
    pub cause: Value,
    /// `__context__` (`None` when unset).
    pub context: Value,
    /// The `__traceback__` object last made for `traceback`, with how many entries it
    /// covered (it is remade once the exception passed through more frames).
    pub tb_object: Option<(usize, ObjRef)>,
    /// `__suppress_context__` (set by `raise ... from`).
    pub suppress_context: bool,
    /// `__dict__`, made on first attribute store.
    pub dict: Option<ObjRef>,
    /// `StopIteration.value` or `SystemExit.code` once assigned (`Null` until then: they
    /// follow from `args`).
    pub payload: Value,
}

/// Which part of a dict a view or iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` tuples.
    Items,
}

/// The state of a builtin iterator.
pub enum IterState {
    /// Over a list (re-reads the list each step, as CPython).
    List(ObjRef, usize),
    /// Over a tuple.
    Tuple(ObjRef, usize),
    /// Over a str, by byte offset.
    Str(ObjRef, usize),
    /// Over a bytes or bytearray (re-reads a bytearray each step, as CPython).
    Bytes(ObjRef, usize),
    /// Over a range.
    Range { next: i64, stop: i64, step: i64 },
    /// Over a dict or set: `(container, entry index, expected len, kind)`.
    Dict(ObjRef, usize, usize, ViewKind),
    /// Over a list or tuple backwards; the index is of the next item + 1.
    Reversed(ObjRef, usize),
    /// `enumerate(it, start)`.
    Enumerate(Value, i64),
    /// `zip(*its)`.
    Zip(Vec<Value>),
    /// `map(f, *its)`.
    Map(Value, Vec<Value>),
    /// `filter(f, it)`.
    Filter(Value, Value),
    /// Over an object with `__getitem__` but no `__iter__` (the sequence protocol): the
    /// object and the next index; `None` once `__getitem__` raised `IndexError`.
    Sequence(Option<Value>, i64),
}

impl IterState {
    /// CPython's type name for this iterator.
    pub fn type_name(&self, heap: &crate::heap::Heap) -> &'static str {
        match self {
            IterState::List(..) => "list_iterator",
            IterState::Tuple(..) => "tuple_iterator",
            IterState::Str(s, _) => match heap.get(*s) {
                Object::Str(p) if !p.is_ascii() => "str_iterator",
                _ => "str_ascii_iterator",
            },
            IterState::Bytes(b, _) => match heap.get(*b) {
                Object::ByteArray(_) => "bytearray_iterator",
                _ => "bytes_iterator",
            },
            IterState::Range { .. } => "range_iterator",
            IterState::Dict(d, _, _, kind) => match (heap.get(*d), kind) {
                (Object::Set(_), _) => "set_iterator",
                (_, ViewKind::Keys) => "dict_keyiterator",
                (_, ViewKind::Values) => "dict_valueiterator",
                (_, ViewKind::Items) => "dict_itemiterator",
            },
            IterState::Reversed(..) => "list_reverseiterator",
            IterState::Enumerate(..) => "enumerate",
            IterState::Zip(..) => "zip",
            IterState::Map(..) => "map",
            IterState::Filter(..) => "filter",
            IterState::Sequence(..) => "iterator",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heap_slots_stay_small() {
        // A live closure is three slots (function, closure tuple, cell): keep each small.
        assert!(std::mem::size_of::<Option<Object>>() <= 40);
    }
}
