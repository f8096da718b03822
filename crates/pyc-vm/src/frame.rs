//! A frame record. Its variables and operand stack are a window of the VM's one shared
//! value stack: `stack[base .. base + nlocalsplus]` is localsplus
//! (`[co_varnames | cell-only names | co_freevars]`), the operand stack follows.
//!
//! Everything a frame needs to continue is in this record plus its window, so a frame can
//! be suspended by copying the window out (generators) and resumed by copying it back.

use std::rc::Rc;

use crate::objects::CodeData;
use crate::value::ObjRef;

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
}
