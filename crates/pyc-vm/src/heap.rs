//! The heap: an arena of object slots with a free list.
//!
//! Allocation never collects; it only counts. The dispatch loop calls
//! [`crate::gc`] at a safe point once [`Heap::wants_collection`] says enough was
//! allocated since the last collection. Freed slots are reused, so `id()` values repeat
//! as they do in CPython.

use crate::objects::{Dict, Function, Object};
use crate::value::{ObjRef, Value};

/// Collections are not considered before this many allocations. (Raising it would
/// spread the marking of the VM's own objects over more allocations, but the boxes freed
/// between two collections would then overflow the pools, [`POOL_SIZE`], and each
/// overflowing allocation would go to `malloc`.)
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
    /// Per slot, the epoch in which its object was allocated *while native code was
    /// suspended*; the collector's pinning compares it with the pin boundary (see
    /// [`crate::gc`]). Only such allocations write it: an allocation with nothing
    /// suspended leaves the slot's old, smaller-or-equal epoch (or none: the vector may be
    /// shorter than `slots`, missing entries being 0), which every later boundary pins
    /// anyway. So programs that never call back from native code never pay for it.
    pub(crate) born: Vec<u32>,
    /// The current epoch: one more each time native code is suspended.
    pub(crate) epoch: u32,
    /// Objects whose epoch is at most this are pinned: suspended native code may hold
    /// them (see [`crate::gc`]). 0 when no native code is suspended.
    pub(crate) pin_boundary: u32,
    /// Per slot, how many times it was filled: what a reference's generation must match.
    #[cfg(any(debug_assertions, feature = "gc-stress"))]
    pub(crate) generations: Vec<u32>,
    pub(crate) free: Vec<u32>,
    pub(crate) live: usize,
    pub(crate) allocated_since_gc: usize,
    pub(crate) threshold: usize,
    /// Whether safe points collect (`gc.enable()`/`gc.disable()`).
    pub(crate) automatic: bool,
    /// Every weak reference object that may still have a referent (see [`crate::gc`]).
    pub(crate) weakrefs: Vec<ObjRef>,
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
            epoch: 1,
            pin_boundary: 0,
            #[cfg(any(debug_assertions, feature = "gc-stress"))]
            generations: Vec::new(),
            free: Vec::new(),
            live: 0,
            allocated_since_gc: 0,
            threshold: MIN_THRESHOLD,
            automatic: true,
            weakrefs: Vec::new(),
            pools: Pools::default(),
        }
    }

    /// Stores `obj` and returns its reference.
    pub fn alloc(&mut self, obj: Object) -> ObjRef {
        self.live += 1;
        self.allocated_since_gc += 1;
        let i = match self.free.pop() {
            Some(i) => {
                self.slots[i as usize] = Some(obj);
                i
            }
            None => {
                let i = u32::try_from(self.slots.len()).expect("heap exceeds 2^32 objects");
                self.slots.push(Some(obj));
                self.marks.push(false);
                #[cfg(any(debug_assertions, feature = "gc-stress"))]
                self.generations.push(0);
                i
            }
        };
        if self.pin_boundary != 0 {
            self.born_young(i as usize);
        }
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

    /// Records that slot `i` was filled in the current epoch, while native code is
    /// suspended.
    #[inline(never)]
    fn born_young(&mut self, i: usize) {
        if self.born.len() <= i {
            self.born.resize(i + 1, 0);
        }
        self.born[i] = self.epoch;
    }

    /// The epoch a collection compares for slot `i`.
    #[inline]
    pub(crate) fn born(&self, i: usize) -> u32 {
        self.born.get(i).copied().unwrap_or(0)
    }

    /// Starts a new epoch as native code is suspended; returns the pin boundary for it:
    /// every object allocated so far has an epoch at most that.
    pub(crate) fn begin_epoch(&mut self) -> u32 {
        if self.epoch == u32::MAX {
            self.renumber();
        }
        let boundary = self.epoch;
        self.epoch += 1;
        boundary
    }

    /// When the epoch would overflow: every object counts as born in epoch 1 and a
    /// current pin boundary becomes 1, so it pins them all. This only ever pins more
    /// than before — a boundary saved by a suspended caller and restored later is at
    /// least 1 and pins at least what it did — so no held object can be freed; it
    /// happens once per 2^32 suspensions.
    #[cold]
    fn renumber(&mut self) {
        self.born.fill(1);
        self.epoch = 1;
        if self.pin_boundary > 0 {
            self.pin_boundary = 1;
        }
    }

    /// Every live object with its reference, in slot order.
    pub(crate) fn objects(&self) -> impl Iterator<Item = (ObjRef, &Object)> {
        let slots = self.slots.iter().enumerate();
        slots.filter_map(|(i, slot)| Some((self.reference(i), slot.as_ref()?)))
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
            return self.automatic && self.allocated_since_gc > self.live / 1024;
        }
        self.allocated_since_gc >= self.threshold
    }

    /// Turns automatic collection at safe points on or off. Off, the threshold is out of
    /// reach, so the hot paths' check stays one comparison.
    pub(crate) fn set_automatic(&mut self, on: bool) {
        self.automatic = on;
        self.reset_threshold();
    }

    /// Sets the allocation count that triggers the next automatic collection: twice the
    /// live objects, at least [`MIN_THRESHOLD`]; never while automatic collection is off.
    pub(crate) fn reset_threshold(&mut self) {
        self.threshold = if self.automatic {
            (self.live * 2).max(MIN_THRESHOLD)
        } else {
            usize::MAX
        };
    }
}
