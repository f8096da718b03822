//! `Value`: the two-word, `Copy` representation of every Python value.
//!
//! Immediates (`None`, bools, small ints, floats and the internal `Null`) need no heap;
//! everything else is an [`ObjRef`], an index into the [`crate::heap::Heap`] arena.

/// A reference to a heap object: an index into the heap's slot arena. A slot is reused
/// after its object is freed; in debug and `gc-stress` builds a reference also carries the
/// slot's generation at allocation, so that a stale reference to a freed object is caught
/// on its next use (see [`crate::heap::Heap::get`]) instead of reading the slot's new
/// occupant. Release builds keep it at four bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ObjRef {
    index: u32,
    #[cfg(any(debug_assertions, feature = "gc-stress"))]
    generation: u32,
}

impl ObjRef {
    /// The reference to slot `index`, filled in its `generation` (ignored in release
    /// builds).
    #[inline]
    pub(crate) fn new(index: u32, generation: u32) -> ObjRef {
        #[cfg(not(any(debug_assertions, feature = "gc-stress")))]
        let _ = generation;
        ObjRef {
            index,
            #[cfg(any(debug_assertions, feature = "gc-stress"))]
            generation,
        }
    }

    /// The slot index.
    #[inline]
    pub fn index(self) -> usize {
        self.index as usize
    }

    /// The slot's generation when this reference was made (debug and `gc-stress`).
    #[cfg(any(debug_assertions, feature = "gc-stress"))]
    pub(crate) fn generation(self) -> u32 {
        self.generation
    }
}

/// A Python value.
#[derive(Clone, Copy, Debug)]
pub enum Value {
    /// CPython's NULL: an unbound local, an empty cell, or the `PUSH_NULL` call marker.
    Null,
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in 64 bits (larger ints are heap `BigInt`s).
    Int(i64),
    /// A float.
    Float(f64),
    /// Any heap object.
    Obj(ObjRef),
}

impl Value {
    /// Whether this is the internal `Null` marker.
    #[inline]
    pub fn is_null(self) -> bool {
        matches!(self, Value::Null)
    }

    /// The heap reference, if this is a heap value.
    #[inline]
    pub fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }

    /// Python's `is`: identity of heap objects, equality of immediates.
    pub fn is_same(self, other: Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_at_most_two_words() {
        assert!(std::mem::size_of::<Value>() <= 16);
    }
}
