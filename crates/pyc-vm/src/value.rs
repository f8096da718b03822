//! `Value`: the two-word, `Copy` representation of every Python value.
//!
//! Immediates (`None`, bools, small ints, floats and the internal `Null`) need no heap;
//! everything else is an [`ObjRef`], an index into the [`crate::heap::Heap`] arena.

/// A reference to a heap object: an index into the heap's slot arena, plus the stamp of
/// the allocation it was made for. A slot is reused after its object is freed; the stamp
/// tells a reference to the new object from a stale one to the old (checked on every
/// access in debug and `gc-stress` builds, see [`crate::heap::Heap::get`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ObjRef {
    index: u32,
    stamp: u32,
}

impl ObjRef {
    /// The reference to slot `index` as allocated with `stamp`.
    pub(crate) fn new(index: u32, stamp: u32) -> ObjRef {
        ObjRef { index, stamp }
    }

    /// The slot index.
    #[inline]
    pub fn index(self) -> usize {
        self.index as usize
    }

    /// The stamp of the allocation this reference was made for.
    #[inline]
    pub(crate) fn stamp(self) -> u32 {
        self.stamp
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
