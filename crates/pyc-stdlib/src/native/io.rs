//! `io` and `_io`: the file classes, `open` and `UnsupportedOperation`. The file objects
//! are the VM's own (`sys.stdout` must exist before any module is imported), so both
//! modules only expose them.

use pyc_vm::{ObjRef, PyResult, Vm};

/// Fills the module's namespace.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    vm.fill_io_module(module);
    Ok(())
}
