//! The tracing collector: mark from exact roots, then sweep the arena.
//!
//! **Roots** (gathered by [`crate::vm::Vm::collect_garbage`]): the whole shared value
//! stack (every frame's localsplus and operand stack), each frame's function, globals,
//! locals mapping and code constants, the builtins dict, the builtin type objects, the
//! exception being handled, and `Vm::roots` (values a native builtin keeps while it calls
//! back into Python).
//!
//! **When:** only at the dispatch loop's safe points — function entry (`RESUME`) and
//! loop back edges — once [`crate::heap::Heap::wants_collection`] is true. Native code never collects, so a
//! Rust local holding an `ObjRef` is safe until control returns to the loop; a builtin
//! that calls back into Python must first put what it holds into `Vm::roots` (or keep
//! it on the value stack).

use crate::heap::Heap;
use crate::objects::{IterState, Object};
use crate::value::{ObjRef, Value};

/// Marks reachable objects, starting from the values passed to [`Marker::root`].
pub(crate) struct Marker {
    work: Vec<ObjRef>,
}

impl Marker {
    pub(crate) fn new() -> Marker {
        Marker { work: Vec::new() }
    }

    /// Marks `v` (and later everything it reaches).
    pub(crate) fn root(&mut self, heap: &mut Heap, v: Value) {
        if let Value::Obj(r) = v {
            self.root_ref(heap, r);
        }
    }

    /// Marks the object `r`.
    pub(crate) fn root_ref(&mut self, heap: &mut Heap, r: ObjRef) {
        let mark = &mut heap.marks[r.index()];
        if !*mark {
            *mark = true;
            self.work.push(r);
        }
    }

    /// Traces everything reachable from the roots, then frees the rest.
    pub(crate) fn finish(mut self, heap: &mut Heap) {
        let mut children = Vec::new();
        while let Some(r) = self.work.pop() {
            children.clear();
            trace(heap.get(r), &mut children);
            for &c in &children {
                self.root(heap, c);
            }
        }
        sweep(heap);
    }
}

/// Appends the values directly referenced by `obj`.
fn trace(obj: &Object, out: &mut Vec<Value>) {
    let opt = |r: Option<ObjRef>| r.map_or(Value::None, Value::Obj);
    match obj {
        Object::Str(_)
        | Object::BigInt(_)
        | Object::Range(..)
        | Object::Builtin(_)
        | Object::BuildClass
        | Object::NotImplemented
        | Object::Ellipsis => {}
        Object::Tuple(items) => out.extend_from_slice(items),
        Object::List(items) => out.extend_from_slice(items),
        Object::Dict(d) | Object::Set(d) => {
            for (k, v) in d.iter() {
                out.push(k);
                out.push(v);
            }
        }
        Object::Function(f) => {
            out.extend_from_slice(&f.code.consts);
            out.extend(f.code.names.iter().map(|&n| Value::Obj(n)));
            out.push(Value::Obj(f.code_obj));
            out.push(Value::Obj(f.globals));
            out.push(opt(f.defaults));
            out.push(opt(f.kwdefaults));
            out.push(opt(f.closure));
            out.push(opt(f.dict));
        }
        Object::Cell(v) => out.push(*v),
        Object::Code(c) => {
            out.extend_from_slice(&c.consts);
            out.extend(c.names.iter().map(|&n| Value::Obj(n)));
        }
        Object::Type(t) => {
            out.push(opt(t.base));
            out.push(Value::Obj(t.dict));
            out.extend(t.mro.iter().chain(&t.bases).map(|&c| Value::Obj(c)));
        }
        Object::Instance(i) => {
            out.push(Value::Obj(i.class));
            out.push(Value::Obj(i.dict));
        }
        Object::Generator(g) => g.trace(out),
        Object::Super(c, v) => {
            out.push(Value::Obj(*c));
            out.push(*v);
        }
        Object::StaticMethod(f) | Object::ClassMethod(f) => out.push(*f),
        Object::Property(g, s) => {
            out.push(*g);
            out.push(*s);
        }
        Object::Method(f, s) => {
            out.push(*f);
            out.push(*s);
        }
        Object::Exception(e) => {
            out.push(Value::Obj(e.class));
            out.push(Value::Obj(e.args));
            out.push(e.cause);
            out.push(e.context);
            out.push(opt(e.dict));
        }
        Object::Iter(it) => match &**it {
            IterState::List(r, _)
            | IterState::Tuple(r, _)
            | IterState::Str(r, _)
            | IterState::Dict(r, ..)
            | IterState::Reversed(r, _) => out.push(Value::Obj(*r)),
            IterState::Range { .. } => {}
            IterState::Enumerate(it, _) => out.push(*it),
            IterState::Zip(its) => out.extend_from_slice(its),
            IterState::Map(f, its) => {
                out.push(*f);
                out.extend_from_slice(its);
            }
            IterState::Filter(f, it) => {
                out.push(*f);
                out.push(*it);
            }
        },
        Object::Slice(parts) => out.extend_from_slice(&parts[..]),
        Object::DictView(_, d) => out.push(Value::Obj(*d)),
    }
}

/// Frees every unmarked object and clears the marks. Slots and marks are walked in step,
/// so the loop needs no index checks; a freed object's boxes go back to the pools.
fn sweep(heap: &mut Heap) {
    let cells = heap.slots.iter_mut().zip(heap.marks.iter_mut());
    for (i, (slot, mark)) in cells.enumerate() {
        if std::mem::take(mark) {
            continue;
        }
        if let Some(obj) = slot.take() {
            heap.free.push(i as u32);
            heap.live -= 1;
            heap.pools.recycle(obj);
        }
    }
    heap.allocated_since_gc = 0;
    heap.threshold = (heap.live * 2).max(20_000);
}
