//! The tracing collector: mark from exact roots, then sweep the arena.
//!
//! **Roots** (gathered by [`crate::vm::Vm::collect_garbage`]): the whole shared value
//! stack (every frame's localsplus and operand stack), each frame's function, globals,
//! locals mapping and code constants, the builtins dict, the builtin type objects, the
//! interned names, and the exception being handled.
//!
//! **When:** at the dispatch loop's safe points — function entry (`RESUME`) and loop
//! back edges — once [`crate::heap::Heap::wants_collection`] is true, and when
//! `gc.collect()` asks.
//!
//! **Pinning: what native code holds is never freed.** Rust code (a builtin, an
//! operator's slow path) may keep values in locals while it calls back into Python —
//! `map` holding one iterator's item while it asks the next iterator, `max` holding the
//! best key while the key function runs again. Such values are not reachable from the
//! roots above. Instead of asking every such place to register them, the VM makes them
//! safe by construction: whenever native code hands control to Python
//! ([`crate::vm::Vm::suspend_native`], used by every nested dispatch loop and every
//! native call of a callable), the heap starts a new *epoch* and the previous one becomes
//! the *pin boundary*; a collection treats every object from an epoch at or before the
//! boundary as a root (objects allocated while nothing is suspended count as epoch 0 or
//! older, see [`crate::heap::Heap::born`]). Whatever the suspended Rust code holds was obtained before it handed over
//! control, so it is older than the boundary and survives, together with everything it
//! reaches; garbage made by the Python code running meanwhile is collected as usual.
//! When control comes back the boundary returns to its previous value, so at the top
//! level (no native code suspended) nothing is pinned. The price: garbage older than the
//! boundary waits until the native call that pinned it has returned.
//!
//! Debug and `gc-stress` builds check every heap access against the slot's generation
//! ([`crate::heap::Heap::check`]), so a use of a freed object stops at once.

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
        heap.check(r);
        let mark = &mut heap.marks[r.index()];
        if !*mark {
            *mark = true;
            self.work.push(r);
        }
    }

    /// Marks every live object allocated at or before the heap's pin boundary (the
    /// pinning described in the module comment).
    pub(crate) fn pin_older(&mut self, heap: &mut Heap) {
        let boundary = heap.pin_boundary;
        if boundary == 0 {
            return;
        }
        for i in 0..heap.slots.len() {
            if heap.born(i) <= boundary && heap.slots[i].is_some() && !heap.marks[i] {
                heap.marks[i] = true;
                self.work.push(heap.reference(i));
            }
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
        | Object::Bytes(_)
        | Object::ByteArray(_)
        | Object::BigInt(_)
        | Object::Range(..)
        | Object::Builtin(_)
        | Object::BuildClass
        | Object::NotImplemented
        | Object::Ellipsis => {}
        Object::File(f) => out.push(f.name),
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
            out.push(f.doc);
            out.push(f.module);
        }
        Object::Descr(d) => out.push(Value::Obj(d.owner)),
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
        Object::Module(d) => out.push(Value::Obj(*d)),
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
            out.push(e.payload);
        }
        Object::Iter(it) => match &**it {
            IterState::List(r, _)
            | IterState::Tuple(r, _)
            | IterState::Str(r, _)
            | IterState::Bytes(r, _)
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
            IterState::Sequence(seq, _) => out.extend(*seq),
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

#[cfg(test)]
mod tests {
    use crate::value::Value;
    use crate::vm::Vm;

    fn quiet_vm() -> Vm {
        Vm::with_output(Box::new(std::io::sink()))
    }

    #[test]
    fn unreachable_objects_are_freed_at_the_top_level() {
        let mut vm = quiet_vm();
        vm.collect_garbage();
        let before = vm.live_objects();
        vm.new_str("garbage");
        vm.collect_garbage();
        assert_eq!(vm.live_objects(), before);
    }

    #[test]
    fn what_suspended_native_code_holds_survives_a_collection() {
        let mut vm = quiet_vm();
        let held = vm.new_str("held by Rust");
        vm.suspend_native(|vm| {
            let young = vm.new_str("made by the callee");
            vm.collect_garbage();
            // Made after the caller was suspended and unreachable: collected.
            assert!(vm.heap.slots[young.as_obj().unwrap().index()].is_none());
        });
        assert_eq!(vm.as_str(held), Some("held by Rust"));
        // Back at the top level nothing is pinned any more.
        vm.collect_garbage();
        assert!(vm.heap.slots[held.as_obj().unwrap().index()].is_none());
    }

    #[test]
    fn pinned_objects_keep_what_they_reach() {
        let mut vm = quiet_vm();
        let list = vm.new_list(Vec::new());
        vm.suspend_native(|vm| {
            let item = vm.new_str("appended by the callee");
            vm.list_append(list, item);
            vm.collect_garbage();
        });
        let items = vm.seq_items(list).unwrap().to_vec();
        assert_eq!(vm.as_str(items[0]), Some("appended by the callee"));
    }

    #[test]
    #[cfg(any(debug_assertions, feature = "gc-stress"))]
    #[should_panic(expected = "stale object reference")]
    fn a_freed_object_is_never_read_through_an_old_reference() {
        let mut vm = quiet_vm();
        let stale = vm.new_str("freed");
        vm.collect_garbage();
        // The freed slot is reused by the next allocation.
        let fresh = vm.new_str("reused slot");
        assert_eq!(
            fresh.as_obj().unwrap().index(),
            stale.as_obj().unwrap().index()
        );
        let _ = vm.as_str(stale);
    }

    #[test]
    fn pinning_survives_the_epoch_wrapping_around() {
        let mut vm = quiet_vm();
        let held = vm.new_str("held across the wrap");
        vm.suspend_native(|vm| {
            vm.heap.epoch = u32::MAX;
            vm.suspend_native(|_| {});
            let young = vm.new_str("allocated after the wrap");
            vm.collect_garbage();
            // Everything live at the wrap is pinned; what came after is not.
            assert!(vm.heap.slots[young.as_obj().unwrap().index()].is_none());
        });
        assert_eq!(vm.as_str(held), Some("held across the wrap"));
    }

    #[test]
    fn values_stay_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
