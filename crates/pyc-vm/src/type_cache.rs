//! CPython's "method cache": where an attribute name resolves along a type's MRO,
//! remembered so that method calls and attribute reads on instances do not walk the
//! class dictionaries every time.
//!
//! The cache is direct-mapped and keyed by the type and the name. It is emptied
//! whenever its answers could go stale: when a class's namespace changes (attribute
//! stores and deletes on a class) and at every garbage collection (which may free a
//! type or a cached value and reuse its slot). Cached values are therefore never roots.

use crate::value::{ObjRef, Value};

/// Number of entries (a power of two).
const SIZE: usize = 1024;

struct Entry {
    ty: ObjRef,
    name: Box<str>,
    found: Option<Value>,
}

/// A remembered lookup by interned name: `(type, name, found)`.
type NamedEntry = (ObjRef, ObjRef, Option<Value>);

/// Remembered results of looking names up on types: by name text, and (cheaper, for the
/// instructions, whose names are interned str objects that live as long as the VM) by
/// the name's object.
pub(crate) struct TypeAttrCache {
    entries: Vec<Option<Entry>>,
    named: Vec<Option<NamedEntry>>,
}

impl TypeAttrCache {
    /// An empty cache.
    pub(crate) fn new() -> TypeAttrCache {
        TypeAttrCache {
            entries: (0..SIZE).map(|_| None).collect(),
            named: vec![None; SIZE],
        }
    }

    fn named_slot(ty: ObjRef, name: ObjRef) -> usize {
        let h = ty.index().wrapping_mul(0x9E37_79B9) ^ name.index().wrapping_mul(0x85EB_CA6B);
        (h ^ (h >> 13)) & (SIZE - 1)
    }

    /// The remembered result for the interned name `name` on `ty`.
    #[inline]
    pub(crate) fn get_named(&self, ty: ObjRef, name: ObjRef) -> Option<Option<Value>> {
        match self.named[Self::named_slot(ty, name)] {
            Some((t, n, found)) if t == ty && n == name => Some(found),
            _ => None,
        }
    }

    /// Remembers that the interned name `name` on `ty` resolves to `found`.
    pub(crate) fn put_named(&mut self, ty: ObjRef, name: ObjRef, found: Option<Value>) {
        self.named[Self::named_slot(ty, name)] = Some((ty, name, found));
    }

    /// The slot for `(ty, name)`. Names usually come from a code object's `co_names`,
    /// so the text's address identifies them cheaply; equality is checked on lookup.
    fn slot(ty: ObjRef, name: &str) -> usize {
        let h = (name.as_ptr() as usize >> 3)
            ^ name.len().rotate_left(17)
            ^ ty.index().wrapping_mul(0x9E37_79B9);
        (h ^ (h >> 11)) & (SIZE - 1)
    }

    /// The remembered result for `name` on `ty`: `Some(found)` on a hit.
    #[inline]
    pub(crate) fn get(&self, ty: ObjRef, name: &str) -> Option<Option<Value>> {
        match &self.entries[Self::slot(ty, name)] {
            Some(e) if e.ty == ty && &*e.name == name => Some(e.found),
            _ => None,
        }
    }

    /// Remembers that `name` on `ty` resolves to `found`.
    pub(crate) fn put(&mut self, ty: ObjRef, name: &str, found: Option<Value>) {
        self.entries[Self::slot(ty, name)] = Some(Entry {
            ty,
            name: name.into(),
            found,
        });
    }

    /// Forgets everything.
    pub(crate) fn clear(&mut self) {
        self.entries.iter_mut().for_each(|e| *e = None);
        self.named.iter_mut().for_each(|e| *e = None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_by_type_and_name_until_cleared() {
        let mut cache = TypeAttrCache::new();
        let (a, b) = (ObjRef::new(3, 1), ObjRef::new(4, 1));
        cache.put(a, "total", Some(Value::Int(1)));
        cache.put(b, "total", None);
        assert!(matches!(cache.get(a, "total"), Some(Some(Value::Int(1)))));
        assert!(matches!(cache.get(b, "total"), Some(None)));
        assert!(cache.get(a, "other").is_none());
        cache.clear();
        assert!(cache.get(a, "total").is_none());
    }
}
