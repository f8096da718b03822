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

/// Whether every heap access checks its reference's stamp (debug and `gc-stress` builds).
const CHECK_STAMPS: bool = cfg!(any(debug_assertions, feature = "gc-stress"));

/// A use of a freed object: a bug in the VM's rooting, reported where it happened.
#[cold]
#[track_caller]
fn stale_reference(r: ObjRef) -> ! {
    panic!(
        "stale object reference: slot {} (stamp {}) was freed by the collector",
        r.index(),
        r.stamp()
    )
}

/// The object arena.
pub struct Heap {
    /// One object per slot; `None` marks a free slot.
    pub(crate) slots: Vec<Option<Object>>,
    /// The collector's mark bits, one per slot, kept apart so slots stay small.
    pub(crate) marks: Vec<bool>,
    /// Per slot, the serial number of the allocation that last filled it: the age the
    /// collector's pinning compares (see [`crate::gc`]), and, truncated, the stamp every
    /// [`ObjRef`] to it carries.
    pub(crate) born: Vec<u64>,
    /// The serial number of the latest allocation (0 before the first).
    pub(crate) serial: u64,
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
        self.serial += 1;
        let stamp = self.serial as u32;
        if let Some(i) = self.free.pop() {
            self.slots[i as usize] = Some(obj);
            self.born[i as usize] = self.serial;
            return ObjRef::new(i, stamp);
        }
        let i = u32::try_from(self.slots.len()).expect("heap exceeds 2^32 objects");
        self.slots.push(Some(obj));
        self.marks.push(false);
        self.born.push(self.serial);
        ObjRef::new(i, stamp)
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
            None => stale_reference(r),
        }
    }

    /// The object behind `r`, mutably.
    #[inline]
    #[track_caller]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
        self.check(r);
        match &mut self.slots[r.index()] {
            Some(o) => o,
            None => stale_reference(r),
        }
    }

    /// In debug and `gc-stress` builds, stops at once when `r` is stale: its object was
    /// freed and the slot now holds a newer one.
    #[inline]
    #[track_caller]
    pub(crate) fn check(&self, r: ObjRef) {
        if CHECK_STAMPS && self.born[r.index()] as u32 != r.stamp() {
            stale_reference(r);
        }
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
    /// `gc-stress` feature, whenever anything was allocated at all: every safe point then
    /// collects, which flushes out values the roots miss.
    #[inline]
    pub fn wants_collection(&self) -> bool {
        if cfg!(feature = "gc-stress") {
            return self.allocated_since_gc > 0;
        }
        self.allocated_since_gc >= self.threshold
    }
}
