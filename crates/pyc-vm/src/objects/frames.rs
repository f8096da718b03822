//! Frame and traceback objects, made for introspection: `sys._getframe()`,
//! `exc.__traceback__` (`tb_frame`, `tb_lineno`, `tb_next`). A frame object is a
//! snapshot: the VM's frames are records in a stack, not heap objects, so a frame object
//! holds what the frame had when the object was made (its code, globals, locals, line
//! and caller) and does not follow the frame as it runs on.

use std::rc::Rc;

use crate::objects::descr::AttrDef;
use crate::objects::{CodeData, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// A frame object.
pub struct FrameObj {
    /// The frame's code.
    pub code: Rc<CodeData>,
    /// Its globals.
    pub globals: ObjRef,
    /// Its locals as a dict (`f_locals`).
    pub locals: ObjRef,
    /// The line it was running.
    pub lineno: u32,
    /// The instruction it was running (an index; `f_lasti` is twice it).
    pub index: u32,
    /// The caller's frame object, or `None`.
    pub back: Value,
}

impl FrameObj {
    /// The values a frame object keeps alive.
    pub(crate) fn trace(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&self.code.consts);
        out.push(Value::Obj(self.globals));
        out.push(Value::Obj(self.locals));
        out.push(self.back);
    }
}

/// A traceback object.
pub struct TracebackObj {
    /// The frame the exception passed through.
    pub frame: ObjRef,
    /// The line it was at.
    pub lineno: u32,
    /// The instruction index it was at.
    pub index: u32,
    /// The next entry, toward where the exception was raised, or `None`.
    pub next: Value,
}

impl TracebackObj {
    /// The values a traceback object keeps alive.
    pub(crate) fn trace(&self, out: &mut Vec<Value>) {
        out.push(Value::Obj(self.frame));
        out.push(self.next);
    }
}

impl Vm {
    /// `sys._getframe(depth)`: a frame object for the Python frame `depth` calls up
    /// from the caller, with its callers linked through `f_back`.
    pub(crate) fn frame_object(&mut self, depth: usize) -> Option<Value> {
        let target = self.frames.len().checked_sub(depth + 1)?;
        let mut back = Value::None;
        for i in 0..=target {
            let f = &self.frames[i];
            let (code, globals) = (f.code.clone(), f.globals);
            let index = f.pc.saturating_sub(1) as u32;
            let lineno = code.code.line_of(index as usize);
            let locals = self.locals_of_frame(i);
            back = Value::Obj(self.alloc(Object::Frame(Box::new(FrameObj {
                code,
                globals,
                locals,
                lineno,
                index,
                back,
            }))));
        }
        Some(back)
    }

    /// An exception's `__traceback__`: traceback objects from the outermost frame it
    /// passed through to where it was raised, or `None`.
    pub(crate) fn traceback_of(&mut self, exc: ObjRef) -> Value {
        let Object::Exception(e) = self.heap.get(exc) else {
            return Value::None;
        };
        if let Some((n, tb)) = e.tb_object {
            if n == e.traceback.len() {
                return Value::Obj(tb);
            }
        }
        let entries = e.traceback.clone();
        if entries.is_empty() {
            return Value::None;
        }
        // Entries run innermost first; each frame's caller is the entry after it.
        let mut frames = Vec::with_capacity(entries.len());
        let mut back = Value::None;
        for entry in entries.iter().rev() {
            let locals = if entry.code.code.flags & pyc_bytecode::code_flags::OPTIMIZED == 0 {
                entry.globals
            } else {
                self.new_dict()
            };
            let f = self.alloc(Object::Frame(Box::new(FrameObj {
                code: entry.code.clone(),
                globals: entry.globals,
                locals,
                lineno: entry.line,
                index: entry.index,
                back,
            })));
            back = Value::Obj(f);
            frames.push(f);
        }
        let mut next = Value::None;
        for (entry, &frame) in entries.iter().zip(frames.iter().rev()) {
            next = Value::Obj(self.alloc(Object::Traceback(Box::new(TracebackObj {
                frame,
                lineno: entry.line,
                index: entry.index,
                next,
            }))));
        }
        if let (Object::Exception(e), Value::Obj(tb)) = (self.heap.get_mut(exc), next) {
            e.tb_object = Some((entries.len(), tb));
        }
        next
    }

    /// The entries of a traceback object's chain, innermost first (as exceptions keep
    /// them); `None` when `tb` is not a traceback object.
    pub(crate) fn traceback_entries(&self, tb: Value) -> Option<Vec<crate::objects::TbEntry>> {
        let mut entries = Vec::new();
        let mut next = tb;
        while let Some(Object::Traceback(t)) = next.as_obj().map(|r| self.heap.get(r)) {
            let Object::Frame(f) = self.heap.get(t.frame) else {
                break;
            };
            entries.push(crate::objects::TbEntry {
                code: f.code.clone(),
                line: t.lineno,
                index: t.index,
                globals: f.globals,
            });
            next = t.next;
        }
        if entries.is_empty()
            && !matches!(
                tb.as_obj().map(|r| self.heap.get(r)),
                Some(Object::Traceback(_))
            )
        {
            return None;
        }
        entries.reverse();
        Some(entries)
    }
}

fn frame(vm: &Vm, v: Value) -> &FrameObj {
    match vm.heap.get(vm.obj_of(v)) {
        Object::Frame(f) => f,
        _ => unreachable!("frame attribute of a frame"),
    }
}

fn tb(vm: &Vm, v: Value) -> &TracebackObj {
    match vm.heap.get(vm.obj_of(v)) {
        Object::Traceback(t) => t,
        _ => unreachable!("traceback attribute of a traceback"),
    }
}

/// The attributes of frame objects.
pub const FRAME_ATTRS: &[AttrDef] = &[
    ("f_code", f_code, None),
    (
        "f_globals",
        |vm, v| Ok(Value::Obj(frame(vm, v).globals)),
        None,
    ),
    (
        "f_locals",
        |vm, v| Ok(Value::Obj(frame(vm, v).locals)),
        None,
    ),
    ("f_builtins", |vm, _| Ok(Value::Obj(vm.builtins)), None),
    (
        "f_lineno",
        |vm, v| Ok(Value::Int(i64::from(frame(vm, v).lineno))),
        None,
    ),
    (
        "f_lasti",
        |vm, v| Ok(Value::Int(2 * i64::from(frame(vm, v).index))),
        None,
    ),
    ("f_back", |vm, v| Ok(frame(vm, v).back), None),
    ("f_trace", |_, _| Ok(Value::None), None),
];

fn f_code(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let code = frame(vm, v).code.clone();
    Ok(Value::Obj(vm.alloc(Object::Code(code))))
}

/// The attributes of traceback objects.
pub const TRACEBACK_ATTRS: &[AttrDef] = &[
    ("tb_frame", |vm, v| Ok(Value::Obj(tb(vm, v).frame)), None),
    (
        "tb_lineno",
        |vm, v| Ok(Value::Int(i64::from(tb(vm, v).lineno))),
        None,
    ),
    (
        "tb_lasti",
        |vm, v| Ok(Value::Int(2 * i64::from(tb(vm, v).index))),
        None,
    ),
    ("tb_next", |vm, v| Ok(tb(vm, v).next), None),
];
