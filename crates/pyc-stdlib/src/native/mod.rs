//! The modules written in Rust. Those named with a leading underscore are the native
//! halves of Python modules in `lib/` (`_time` under `time`, `_gc` under `gc`, ...).

mod args;
mod atexit;
mod dis;
mod gc;
mod linecache;
mod posix;
mod time;
mod warnings;
mod weakref;

mod re;
mod traceback_text;

mod io;

/// Registers the native modules.
pub(crate) fn install(vm: &mut pyc_vm::Vm) {
    vm.add_native_module("_re", re::init);
    vm.add_native_module("_traceback_text", traceback_text::init);
    vm.add_native_module("_time", time::init);
    vm.add_native_module("_gc", gc::init);
    vm.add_native_module("_weakref", weakref::init);
    vm.add_native_module("_dis", dis::init);
    vm.add_native_module("atexit", atexit::init);
    vm.add_native_module("linecache", linecache::init);
    vm.add_native_module("posix", posix::init);
    vm.add_native_module("_warnings", warnings::init);
    vm.add_native_module("io", io::init);
    vm.add_native_module("_io", io::init);
}
