//! The heap: an arena of object slots with a free list.
//!
//! Allocation never collects; it only counts. The dispatch loop calls
//! [`crate::gc`] at a safe point once [`Heap::wants_collection`] says enough was
//! allocated since the last collection. Freed slots are reused, so `id()` values repeat
//! as they do in CPython.

use crate::objects::{Dict, Function, Object};
use crate::value::{ObjRef, Value};

/// Collections are not considered before this many allocations.
const MIN_THRESHOLD: usize = 20_000;

/// Longest tuple whose box is kept for reuse.
const MAX_POOLED_TUPLE: usize = 8;

/// How many boxes each pool keeps at most: collections return garbage in bulk, so the
/// pools must hold about what a program allocates between two collections.
const POOL_SIZE: usize = 16_384;

/// The boxes of freed dicts, sets, small tuples and functions, kept for reuse (CPython's
/// free lists), so that short-lived objects — a call's `**kwargs` dict, its `*args`
/// tuple, a closure made in a loop — cost no `malloc`/`free`.
#[derive(Default)]
pub(crate) struct Pools {
    // The boxes themselves are what is reused, so `Vec<Box<_>>` is the point here.
    #[allow(clippy::vec_box)]
    dicts: Vec<Box<Dict>>,
    tuples: [Vec<Box<[Value]>>; MAX_POOLED_TUPLE],
    /// Function boxes keep their old contents until reused: every field is overwritten
    /// then, and nothing reads a pooled function.
    #[allow(clippy::vec_box)]
    functions: Vec<Box<Function>>,
}

impl Pools {
    /// Takes back what a freed object owns, if it is worth keeping.
    pub(crate) fn recycle(&mut self, obj: Object) {
        match obj {
            Object::Dict(mut d) | Object::Set(mut d) if self.dicts.len() < POOL_SIZE => {
                *d = Dict::new();
                self.dicts.push(d);
            }
            Object::Function(f) if self.functions.len() < POOL_SIZE => self.functions.push(f),
            Object::Tuple(t) if (1..=MAX_POOLED_TUPLE).contains(&t.len()) => {
                let pool = &mut self.tuples[t.len() - 1];
                if pool.len() < POOL_SIZE {
                    pool.push(t);
                }
            }
            _ => {}
        }
    }
}

/// A use of a freed object: a bug in the VM's rooting, reported where it happened.
#[cfg(any(debug_assertions, feature = "gc-stress"))]
#[cold]
#[track_caller]
fn stale_reference(r: ObjRef) -> ! {
    panic!(
        "stale object reference: slot {} (generation {}) was freed by the collector",
        r.index(),
        r.generation()
    )
}

/// The object arena.
pub struct Heap {
    /// One object per slot; `None` marks a free slot.
    pub(crate) slots: Vec<Option<Object>>,
    /// The collector's mark bits, one per slot, kept apart so slots stay small.
    pub(crate) marks: Vec<bool>,
    /// Per slot, the serial number of the allocation that last filled it: the age the
    /// collector's pinning compares (see [`crate::gc`]).
    pub(crate) born: Vec<u32>,
    /// The serial number of the latest allocation (0 before the first).
    pub(crate) serial: u32,
    /// Objects born at or before this serial are pinned: suspended native code may hold
    /// them (see [`crate::gc`]). 0 when no native code is suspended.
    pub(crate) pin_boundary: u32,
    /// Per slot, how many times it was filled: what a reference's generation must match.
    #[cfg(any(debug_assertions, feature = "gc-stress"))]
    pub(crate) generations: Vec<u32>,
    pub(crate) free: Vec<u32>,
    pub(crate) live: usize,
    pub(crate) allocated_since_gc: usize,
    pub(crate) threshold: usize,
    pub(crate) pools: Pools,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    /// An empty heap.
    pub fn new() -> Heap {
        Heap {
            slots: Vec::new(),
            marks: Vec::new(),
            born: Vec::new(),
            serial: 0,
            pin_boundary: 0,
            #[cfg(any(debug_assertions, feature = "gc-stress"))]
            generations: Vec::new(),
            free: Vec::new(),
            live: 0,
            allocated_since_gc: 0,
            threshold: MIN_THRESHOLD,
            pools: Pools::default(),
        }
    }

    /// Stores `obj` and returns its reference.
    pub fn alloc(&mut self, obj: Object) -> ObjRef {
        self.live += 1;
        self.allocated_since_gc += 1;
        if self.serial == u32::MAX {
            self.renumber();
        }
        self.serial += 1;
        let i = match self.free.pop() {
            Some(i) => {
                self.slots[i as usize] = Some(obj);
                self.born[i as usize] = self.serial;
                i
            }
            None => {
                let i = u32::try_from(self.slots.len()).expect("heap exceeds 2^32 objects");
                self.slots.push(Some(obj));
                self.marks.push(false);
                self.born.push(self.serial);
                #[cfg(any(debug_assertions, feature = "gc-stress"))]
                self.generations.push(0);
                i
            }
        };
        #[cfg(any(debug_assertions, feature = "gc-stress"))]
        {
            let generation = &mut self.generations[i as usize];
            *generation = generation.wrapping_add(1);
        }
        self.reference(i as usize)
    }

    /// A reference to the object now in slot `i`.
    #[inline]
    pub(crate) fn reference(&self, i: usize) -> ObjRef {
        #[cfg(any(debug_assertions, feature = "gc-stress"))]
        return ObjRef::new(i as u32, self.generations[i]);
        #[cfg(not(any(debug_assertions, feature = "gc-stress")))]
        ObjRef::new(i as u32, 0)
    }

    /// When the allocation serial would overflow: every live object counts as born at
    /// serial 1, and a current pin boundary pins them all. This only ever pins more than
    /// before, and a boundary saved by a suspended caller and restored later also pins at
    /// least what it did, so no held object can be freed; it happens once per 2^32
    /// allocations.
    #[cold]
    fn renumber(&mut self) {
        for (born, slot) in self.born.iter_mut().zip(&self.slots) {
            *born = u32::from(slot.is_some());
        }
        self.serial = 1;
        if self.pin_boundary > 0 {
            self.pin_boundary = 1;
        }
    }

    /// Every live object with its reference and the serial number of its allocation
    /// (later allocations have larger ones), in slot order.
    pub(crate) fn objects(&self) -> impl Iterator<Item = (ObjRef, u32, &Object)> {
        self.slots
            .iter()
            .zip(&self.born)
            .enumerate()
            .filter_map(|(i, (slot, &born))| Some((self.reference(i), born, slot.as_ref()?)))
    }

    /// The object behind `r`. A reference always points at a live object: the collector
    /// frees only unreachable slots (see [`crate::gc`] for why no reference held by Rust
    /// code can become unreachable). Debug and `gc-stress` builds check it on every access.
    #[inline]
    #[track_caller]
    pub fn get(&self, r: ObjRef) -> &Object {
        self.check(r);
        match &self.slots[r.index()] {
            Some(o) => o,
            None => unreachable!("dangling object reference {}", r.index()),
        }
    }

    /// The object behind `r`, mutably.
    #[inline]
    #[track_caller]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
        self.check(r);
        match &mut self.slots[r.index()] {
            Some(o) => o,
            None => unreachable!("dangling object reference {}", r.index()),
        }
    }

    /// In debug and `gc-stress` builds, stops at once when `r` is stale: its object was
    /// freed (and the slot perhaps filled again).
    #[inline]
    #[track_caller]
    pub(crate) fn check(&self, r: ObjRef) {
        #[cfg(any(debug_assertions, feature = "gc-stress"))]
        if self.generations[r.index()] != r.generation() || self.slots[r.index()].is_none() {
            stale_reference(r);
        }
        #[cfg(not(any(debug_assertions, feature = "gc-stress")))]
        let _ = r;
    }

    /// Number of live objects.
    pub fn live(&self) -> usize {
        self.live
    }

    /// An empty dict's box, reused when one is pooled.
    pub fn dict_box(&mut self) -> Box<Dict> {
        self.pools.dicts.pop().unwrap_or_default()
    }

    /// A box holding `f`, reused when one is pooled.
    pub fn function_box(&mut self, f: Function) -> Box<Function> {
        match self.pools.functions.pop() {
            Some(mut b) => {
                *b = f;
                b
            }
            None => Box::new(f),
        }
    }

    /// A tuple's box holding `items`, reused when one of that length is pooled.
    pub fn tuple_box(&mut self, items: &[Value]) -> Box<[Value]> {
        let pooled = match items.len() {
            n @ 1..=MAX_POOLED_TUPLE => self.pools.tuples[n - 1].pop(),
            _ => None,
        };
        match pooled {
            Some(mut b) => {
                b.copy_from_slice(items);
                b
            }
            None => items.into(),
        }
    }

    /// Whether enough has been allocated since the last collection to run one. With the
    /// `gc-stress` feature, whenever the heap grew by a thousandth (at least one object):
    /// small programs collect at every safe point that allocated, which flushes out values
    /// the roots miss, and a program that builds a large structure still runs in linear
    /// time.
    #[inline]
    pub fn wants_collection(&self) -> bool {
        if cfg!(feature = "gc-stress") {
            return self.allocated_since_gc > self.live / 1024;
        }
        self.allocated_since_gc >= self.threshold
    }
}
