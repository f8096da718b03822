//! pyc-vm: the stack VM that runs pyc bytecode with CPython 3.11's closure model.
//!
//! # Design
//! - **Values** (`value`): a 16-byte `Copy` enum of immediates (None, bool, `i64`,
//!   float, the internal `Null`) and heap references (`u32` arena indices; debug and
//!   `gc-stress` builds add the slot's generation, checked on every access).
//! - **Heap** (`heap`, `gc`): an arena of slots with a free list and a tracing
//!   mark-and-sweep collector. Roots: the shared value stack, every frame's function,
//!   globals, locals mapping and code constants, the builtins dict and builtin types,
//!   the exception being handled; while native code is suspended in a call back into
//!   Python, every object older than that call is pinned, so nothing Rust code holds
//!   can be freed. A collection runs only at the dispatch loop's safe points
//!   (function entry and loop back edges), once
//!   enough objects were allocated since the last one (twice the
//!   live count, at least 20 000); `Vm::collect_garbage` forces one (`gc.collect()`).
//!   Cycles (function -> closure tuple -> cell -> function) need nothing special.
//! - **Frames** (`frame`, `interp`, `call`): one dispatch loop with an explicit
//!   frame stack. Each frame's localsplus and operand stack are a window of one shared
//!   value stack; a Python-to-Python call never recurses on the Rust stack. At the recursion
//!   limit (1000 active frames unless `sys.setrecursionlimit` changed it) a call raises
//!   `RecursionError`. Native builtins that call back into
//!   Python (`sorted(key=)`, `map`, ...) run a nested loop, at most 200 deep.
//!   A frame's `FrameKind` says what its return does: `__init__` frames hand back
//!   the new instance, class-body frames make the class (`__build_class__` never recurses),
//!   generator frames finish their generator.
//! - **Generators** (`objects::generator`): suspending copies the frame's window into the
//!   generator object (which the collector traces); `FOR_ITER`/`SEND` resume it in the
//!   same loop, native consumers through the nested, depth-limited loop.
//! - **Classes** (`objects::class`, `builtins`, `special`): user classes with C3 MRO,
//!   instances with a `__dict__`, `super()`, and dunder dispatch in one place. Builtin
//!   types hold their methods and attributes as descriptors (`objects::descr`), found
//!   by the same MRO lookup; calling a method descriptor checks its receiver.
//! - **Exceptions** (`exceptions`, `traceback`, `tb_markers`): CPython 3.11's exception
//!   table; each frame an exception passes through adds a traceback entry. `with` runs
//!   the context manager protocol (`BEFORE_WITH`, `WITH_EXCEPT_START`).
//!
//! Modules: `objects` (object kinds: dict, int, str, list, sequences), `ops`
//! (operators, equality, hashing), `repr`, `attr` (attributes and introspection),
//! `scope` (globals, names, cells), `special` (dunder dispatch for user classes),
//! `iter`, `stackops` (container opcodes),
//! `fmt` (glue to `format`), `builtins`, `types`.

mod async_iter;
mod attr;
mod builtins;
mod call;
mod console;
mod depth;
mod equality;
mod exc_details;
mod exceptions;
mod fmt;
mod format;
mod frame;
mod gc;
mod heap;
pub mod host;
mod import;
mod interp;
mod iter;
mod objects;
mod ops;
mod repr;
mod scope;
mod special;
mod stack;
mod stackops;
mod sysmodule;
mod tb_markers;
mod traceback;
mod type_cache;
mod types;
mod value;
mod vm;
mod with;

pub use builtins::Kw;
pub use call::KwNames;
pub use exceptions::ExcKind;
pub use import::{MainModule, NativeModuleInit, LIBRARY_ENTRY};
pub use objects::NativeFn;
pub use traceback::{TracebackFilter, Uncaught};
pub use value::{ObjRef, Value};
pub use vm::Vm;

/// The result of an operation that may raise: `Err` holds the exception instance.
pub type PyResult<T> = Result<T, ObjRef>;
