//! Deep recursion over the AST without overflowing the native stack.
//!
//! The symbol table and code generator recurse once per nesting level of the program,
//! which the parser bounds by CPython's limit (3000 statements and expressions). Each
//! recursive step runs through [`deep`], which moves onto a fresh heap-allocated stack
//! segment when the current one runs low, so programs nested up to that limit compile on
//! any thread, including 2 MiB test threads.

/// Stack left below which a new segment is started.
const RED_ZONE: usize = 128 * 1024;

/// Size of each new stack segment.
const SEGMENT: usize = 4 * 1024 * 1024;

/// Runs `f`, first growing the stack if less than [`RED_ZONE`] remains.
pub(crate) fn deep<T>(f: impl FnOnce() -> T) -> T {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
