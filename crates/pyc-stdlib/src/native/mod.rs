//! The modules written in Rust.

mod io;

/// Registers the native modules.
pub(crate) fn install(vm: &mut pyc_vm::Vm) {
    vm.add_native_module("io", io::init);
    vm.add_native_module("_io", io::init);
}
