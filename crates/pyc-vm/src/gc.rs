//! The tracing collector: mark from exact roots, then sweep the arena.
//!
//! **Roots** (gathered by [`crate::vm::Vm::collect_garbage`]): the whole shared value
//! stack (every frame's localsplus and operand stack), each frame's function, globals,
//! locals mapping and code constants, the builtins dict, the builtin type objects, the
//! interned names, and the exception being handled.
//!
//! **When:** at the dispatch loop's safe points — function entry (`RESUME`) and loop
//! back edges — once [`crate::heap::Heap::wants_collection`] is true, and when
//! `gc.collect()` asks; never while automatic collection is off (`gc.disable()`,
//! [`crate::heap::Heap::set_automatic`]).
//!
//! **Weak references** (`Object::WeakRef`, [`crate::objects::weakref`]): the collector
//! does not trace a weak reference's referent. The heap lists every weak reference
//! object; after marking and before sweeping, each marked weak reference whose referent
//! is unmarked is emptied (so no weak reference ever names a freed slot) and its
//! callback is queued; unmarked weak references are dropped from the list and never
//! call back. The queued callbacks are a root until they run, which happens at the next
//! safe point (or at once, after `gc.collect()`), never inside the collection itself.
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
use crate::vm::Vm;

/// What the `gc` module sees of the collector.
impl Vm {
    /// Whether safe points collect (`gc.isenabled()`).
    pub fn automatic_collection(&self) -> bool {
        self.heap.automatic
    }

    /// Turns collection at safe points on or off (`gc.enable()`, `gc.disable()`);
    /// explicit collections still run.
    pub fn set_automatic_collection(&mut self, on: bool) {
        self.heap.set_automatic(on);
    }

    /// Objects allocated since the last collection (`gc.get_count()[0]`).
    pub fn allocations_since_collection(&self) -> usize {
        self.heap.allocated_since_gc
    }

    /// `gc.get_referents(v)`: what `v` refers to directly (see [`referents`]).
    pub fn referents_of(&self, v: Value) -> Vec<Value> {
        match v {
            Value::Obj(r) => referents(self.heap.get(r)),
            _ => Vec::new(),
        }
    }

    /// `gc.get_referrers(*targets)`: every heap object that refers directly to one of
    /// `targets`, in allocation-slot order.
    pub fn referrers_of(&self, targets: &[Value]) -> Vec<Value> {
        let mut found = Vec::new();
        let mut children = Vec::new();
        for (r, obj) in self.heap.objects() {
            children.clear();
            trace(obj, &mut children);
            if children.iter().any(|c| {
                targets
                    .iter()
                    .any(|t| t.as_obj().is_some() && t.is_same(*c))
            }) {
                found.push(Value::Obj(r));
            }
        }
        found
    }

    /// `gc.is_tracked(v)`: whether CPython's collector would track `v` — not atoms
    /// (numbers, strs, `None`, ranges, code objects) nor dicts holding only untracked
    /// keys and values; every other container and callable.
    pub fn is_gc_tracked(&self, v: Value) -> bool {
        let Value::Obj(r) = v else {
            return false;
        };
        match self.heap.get(r) {
            Object::Str(_)
            | Object::BigInt(_)
            | Object::Range(..)
            | Object::Code(_)
            | Object::Ellipsis
            | Object::NotImplemented => false,
            Object::Dict(d) => d
                .iter()
                .any(|(k, v)| self.is_gc_tracked(k) || self.is_gc_tracked(v)),
            _ => true,
        }
    }
}

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

    /// Traces everything reachable from the roots, clears the weak references to what
    /// is not, then frees the rest. Returns the number of objects freed and the callbacks
    /// of the cleared weak references, to be run at a safe point.
    pub(crate) fn finish(mut self, heap: &mut Heap) -> (usize, Vec<WeakCallback>) {
        let mut children = Vec::new();
        while let Some(r) = self.work.pop() {
            children.clear();
            trace(heap.get(r), &mut children);
            for &c in &children {
                self.root(heap, c);
            }
        }
        let callbacks = clear_weak_references(heap);
        let before = heap.live;
        sweep(heap);
        (before - heap.live, callbacks)
    }
}

/// Drops the weak references that die now from the heap's list and empties those whose
/// referent dies (marks are final here), returning the callbacks of the emptied ones
/// that survive themselves: a weak reference collected with its referent never calls
/// back, as in CPython. The callback and its argument are reachable from the (marked)
/// weak reference, so they survive this collection.
fn clear_weak_references(heap: &mut Heap) -> Vec<WeakCallback> {
    let mut callbacks = Vec::new();
    let mut weakrefs = std::mem::take(&mut heap.weakrefs);
    weakrefs.retain(|&w| {
        if !heap.marks[w.index()] {
            return false;
        }
        let marks = &heap.marks;
        let Some(Object::WeakRef(weak)) = heap.slots[w.index()].as_mut() else {
            return false;
        };
        match weak.target {
            Some(t) if !marks[t.index()] => {
                weak.target = None;
                if !matches!(weak.callback, Value::None) {
                    callbacks.push(WeakCallback {
                        callback: weak.callback,
                        arg: weak.arg,
                    });
                }
                false
            }
            Some(_) => true,
            None => false,
        }
    });
    heap.weakrefs = weakrefs;
    callbacks
}

/// The values directly referenced by `obj` as `gc.get_referents` reports them: what the
/// collector traces, without the internal `Null`; a function reports what CPython's
/// does (its code, globals, module, defaults, doc, `__dict__` and closure), not the
/// constants the collector reaches through its code.
fn referents(obj: &Object) -> Vec<Value> {
    let mut out = Vec::new();
    match obj {
        Object::Function(f) => {
            let opt = |r: Option<ObjRef>| r.map_or(Value::Null, Value::Obj);
            out.extend([
                Value::Obj(f.code_obj),
                Value::Obj(f.globals),
                f.module,
                opt(f.defaults),
                opt(f.kwdefaults),
                f.doc,
                opt(f.dict),
                opt(f.closure),
            ]);
        }
        // CPython visits a list's or tuple's items from the last.
        Object::List(items) => out.extend(items.iter().rev()),
        Object::Tuple(items) => out.extend(items.iter().rev()),
        _ => trace(obj, &mut out),
    }
    out.retain(|v| !v.is_null());
    out
}

/// A callback to run because the referent of a weak reference died: `callback(arg)`.
#[derive(Clone, Copy)]
pub(crate) struct WeakCallback {
    /// The callable.
    pub(crate) callback: Value,
    /// What it is called with: the weak reference object the program holds.
    pub(crate) arg: Value,
}

/// Appends the values directly referenced by `obj`.
fn trace(obj: &Object, out: &mut Vec<Value>) {
    let opt = |r: Option<ObjRef>| r.map_or(Value::Null, Value::Obj);
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
            out.push(opt(f.annotations));
        }
        Object::Descr(d) => out.push(Value::Obj(d.owner)),
        Object::Cell(v) => out.push(*v),
        // The referent is not traced: that is what makes the reference weak.
        Object::WeakRef(w) => {
            out.push(w.callback);
            out.push(w.arg);
        }
        Object::Code(c) => {
            out.extend_from_slice(&c.consts);
            out.extend(c.names.iter().map(|&n| Value::Obj(n)));
        }
        Object::Type(t) => {
            out.push(opt(t.base));
            out.push(opt(t.meta));
            out.push(Value::Obj(t.dict));
            out.extend(t.mro.iter().chain(&t.bases).map(|&c| Value::Obj(c)));
        }
        Object::Module(d) => out.push(Value::Obj(*d)),
        Object::Frame(f) => f.trace(out),
        Object::Traceback(t) => t.trace(out),
        Object::Instance(i) => {
            out.push(Value::Obj(i.class));
            out.push(Value::Obj(i.dict));
        }
        Object::Generator(g) | Object::Coroutine(g) => g.trace(out),
        &Object::CoroWrapper(c) => out.push(Value::Obj(c)),
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
            out.extend(e.traceback.iter().map(|t| Value::Obj(t.globals)));
            out.extend(e.tb_object.map(|(_, t)| Value::Obj(t)));
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
    heap.reset_threshold();
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
    fn a_disabled_collector_never_wants_to_collect() {
        let mut vm = quiet_vm();
        vm.set_automatic_collection(false);
        for _ in 0..50_000 {
            vm.new_str("x");
        }
        assert!(!vm.heap.wants_collection());
        // Explicit collections still run.
        assert!(vm.collect_garbage() >= 50_000);
    }

    #[test]
    fn weak_references_are_emptied_and_call_back_when_their_referent_dies() {
        let mut vm = quiet_vm();
        let target = Value::Obj(vm.new_set());
        let callback = vm.dict_get_str(vm.builtins, "len").unwrap();
        let arg = vm.new_list(Vec::new());
        let handle = vm.new_weakref(target, callback, arg).unwrap();
        let sys = vm.sys;
        vm.module_set(sys, "_handle", handle);
        vm.module_set(sys, "_target", target);
        vm.collect_garbage();
        assert!(vm.weakref_target(handle).unwrap().is_same(target));
        assert_eq!(vm.weak_referrers(target).len(), 1);
        assert!(vm.weak_callbacks.is_empty());
        vm.module_set(sys, "_target", Value::None);
        vm.collect_garbage();
        assert!(matches!(vm.weakref_target(handle).unwrap(), Value::None));
        assert_eq!(vm.weak_callbacks.len(), 1);
        assert!(vm.weak_callbacks[0].arg.is_same(arg));
        vm.run_weak_callbacks();
        assert!(vm.weak_callbacks.is_empty());
    }

    #[test]
    fn a_weak_reference_dying_with_its_referent_never_calls_back() {
        let mut vm = quiet_vm();
        let target = Value::Obj(vm.new_set());
        let callback = vm.dict_get_str(vm.builtins, "len").unwrap();
        vm.new_weakref(target, callback, Value::None).unwrap();
        vm.collect_garbage();
        assert!(vm.weak_callbacks.is_empty());
        assert!(vm.heap.weakrefs.is_empty());
    }

    #[test]
    fn values_stay_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
