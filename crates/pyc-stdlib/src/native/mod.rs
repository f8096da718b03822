//! The modules written in Rust.

/// Registers the native modules.
pub(crate) fn install(_vm: &mut pyc_vm::Vm) {}
