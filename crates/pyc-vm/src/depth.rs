//! Native recursion over deeply nested values (`==` and `hash` of nested tuples, lists
//! and dicts; ordering of nested sequences) without overflowing the native stack.
//!
//! Each recursive step runs through [`deep`], which moves onto a fresh heap-allocated
//! stack segment when the current one runs low. `repr` instead stops at CPython's depth
//! and raises `RecursionError`, as CPython does.

/// Stack left below which a new segment is started.
const RED_ZONE: usize = 64 * 1024;

/// Size of each new stack segment.
const SEGMENT: usize = 2 * 1024 * 1024;

/// Runs `f`, first growing the stack if less than [`RED_ZONE`] remains.
#[inline]
pub(crate) fn deep<T>(f: impl FnOnce() -> T) -> T {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
