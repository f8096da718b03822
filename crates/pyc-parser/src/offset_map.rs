//! Mapping offsets in the pre-pass text back to offsets in the original source.

/// Where the pre-pass inserted marker bytes, so spans can be mapped back.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    /// `(offset in the prepared text, offset in the source, inserted length)`, in order.
    insertions: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    /// Records that `len` bytes were inserted at prepared offset `at`, standing for source
    /// offset `source_at`.
    pub(crate) fn insert(&mut self, at: usize, source_at: usize, len: usize) {
        match self.insertions.last_mut() {
            Some(last) if last.0 + last.2 == at && last.1 == source_at => last.2 += len,
            _ => self.insertions.push((at, source_at, len)),
        }
    }

    /// The source offset of prepared offset `p` (inserted bytes map to where they were inserted).
    pub(crate) fn to_source(&self, p: usize) -> usize {
        let idx = self.insertions.partition_point(|ins| ins.0 <= p);
        if idx == 0 {
            return p;
        }
        let (at, source_at, len) = self.insertions[idx - 1];
        if p < at + len {
            source_at
        } else {
            source_at + (p - at - len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OffsetMap;

    #[test]
    fn maps_around_insertions() {
        let mut map = OffsetMap::default();
        map.insert(3, 3, 2);
        map.insert(5, 3, 1);
        map.insert(10, 7, 1);
        assert_eq!(map.to_source(2), 2);
        assert_eq!(map.to_source(3), 3);
        assert_eq!(map.to_source(5), 3);
        assert_eq!(map.to_source(6), 3);
        assert_eq!(map.to_source(9), 6);
        assert_eq!(map.to_source(10), 7);
        assert_eq!(map.to_source(11), 7);
        assert_eq!(map.to_source(12), 8);
    }
}
