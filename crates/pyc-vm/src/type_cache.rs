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

/// Remembered results of looking names up on types.
pub(crate) struct TypeAttrCache {
    entries: Vec<Option<Entry>>,
}

impl TypeAttrCache {
    /// An empty cache.
    pub(crate) fn new() -> TypeAttrCache {
        TypeAttrCache {
            entries: (0..SIZE).map(|_| None).collect(),
        }
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_by_type_and_name_until_cleared() {
        let mut cache = TypeAttrCache::new();
        let (a, b) = (ObjRef(3), ObjRef(4));
        cache.put(a, "total", Some(Value::Int(1)));
        cache.put(b, "total", None);
        assert!(matches!(cache.get(a, "total"), Some(Some(Value::Int(1)))));
        assert!(matches!(cache.get(b, "total"), Some(None)));
        assert!(cache.get(a, "other").is_none());
        cache.clear();
        assert!(cache.get(a, "total").is_none());
    }
}
