//! The heap: an arena of object slots with a free list.
//!
//! Allocation never collects; it only counts. The dispatch loop calls
//! [`crate::gc`] at a safe point once [`Heap::wants_collection`] says enough was
//! allocated since the last collection. Freed slots are reused, so `id()` values repeat
//! as they do in CPython.

use crate::objects::Object;
use crate::value::ObjRef;

/// Collections are not considered before this many allocations.
const MIN_THRESHOLD: usize = 20_000;

/// The object arena.
pub struct Heap {
    /// One object per slot; `None` marks a free slot.
    pub(crate) slots: Vec<Option<Object>>,
    /// The collector's mark bits, one per slot, kept apart so slots stay small.
    pub(crate) marks: Vec<bool>,
    pub(crate) free: Vec<u32>,
    pub(crate) live: usize,
    pub(crate) allocated_since_gc: usize,
    pub(crate) threshold: usize,
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
            free: Vec::new(),
            live: 0,
            allocated_since_gc: 0,
            threshold: MIN_THRESHOLD,
        }
    }

    /// Stores `obj` and returns its reference.
    pub fn alloc(&mut self, obj: Object) -> ObjRef {
        self.live += 1;
        self.allocated_since_gc += 1;
        if let Some(i) = self.free.pop() {
            self.slots[i as usize] = Some(obj);
            return ObjRef(i);
        }
        let i = u32::try_from(self.slots.len()).expect("heap exceeds 2^32 objects");
        self.slots.push(Some(obj));
        self.marks.push(false);
        ObjRef(i)
    }

    /// The object behind `r`. A reference always points at a live object: the collector
    /// frees only unreachable slots.
    #[inline]
    pub fn get(&self, r: ObjRef) -> &Object {
        match &self.slots[r.index()] {
            Some(o) => o,
            None => unreachable!("dangling object reference {}", r.0),
        }
    }

    /// The object behind `r`, mutably.
    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
        match &mut self.slots[r.index()] {
            Some(o) => o,
            None => unreachable!("dangling object reference {}", r.0),
        }
    }

    /// Number of live objects.
    pub fn live(&self) -> usize {
        self.live
    }

    /// Whether enough has been allocated since the last collection to run one.
    #[inline]
    pub fn wants_collection(&self) -> bool {
        self.allocated_since_gc >= self.threshold
    }
}
