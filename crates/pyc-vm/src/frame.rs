//! A frame record. Its variables and operand stack are a window of the VM's one shared
//! value stack: `stack[base .. base + nlocalsplus]` is localsplus
//! (`[co_varnames | cell-only names | co_freevars]`), the operand stack follows.
//!
//! Everything a frame needs to continue is in this record plus its window, so a frame can
//! be suspended by copying the window out (generators) and resumed by copying it back.

use std::rc::Rc;

use crate::objects::CodeData;
use crate::value::ObjRef;

/// What returning from (or suspending) a frame does beyond handing back a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FrameKind {
    /// A plain call: the return value goes to the caller.
    Call,
    /// An `__init__` run by a class call: the result must be `None`, and the caller gets
    /// the new instance, kept at `stack[ret_base]`.
    Init,
    /// A class body run by `__build_class__`: its locals mapping becomes the class
    /// namespace. `stack[args]` is the class name, the bases follow up to `base`.
    ClassBody { args: usize },
    /// A resumed generator.
    Gen { gen: ObjRef, resumer: Resumer },
}

/// Who resumed a generator frame, which decides what its return does to the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Resumer {
    /// `FOR_ITER target`: on return, pop the generator and jump to `target`.
    ForIter(usize),
    /// `SEND target`: on return, replace the generator with the value, jump to `target`.
    Send(usize),
    /// Native code (`next()`, `list()`, ...) running a nested dispatch loop.
    Native,
}

/// One activation of a code object.
pub(crate) struct Frame {
    /// The code being run.
    pub code: Rc<CodeData>,
    /// Index of the next instruction.
    pub pc: usize,
    /// Start of localsplus in the value stack.
    pub base: usize,
    /// The function being run (`None` for module code).
    pub func: Option<ObjRef>,
    /// The globals dict.
    pub globals: ObjRef,
    /// The locals mapping for `LOAD_NAME`/`STORE_NAME` (module and class bodies).
    pub locals: Option<ObjRef>,
    /// Where the value stack is cut back to when this frame returns (the caller's
    /// callable slot), before the return value is pushed.
    pub ret_base: usize,
    /// Whether returning from this frame leaves the current run of the dispatch loop
    /// (the module frame, or a call made from native code).
    pub is_entry: bool,
    /// What kind of activation this is.
    pub kind: FrameKind,
}
