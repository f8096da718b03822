//! The modules written in Rust.

mod re;
mod traceback_text;

/// Registers the native modules.
pub(crate) fn install(vm: &mut pyc_vm::Vm) {
    vm.add_native_module("_re", re::init);
    vm.add_native_module("_traceback_text", traceback_text::init);
}
