//! The modules that ship with pyc. [`install`] registers them with a VM: native
//! modules (Rust, in `native/`) and Python modules embedded in the binary (`lib/`, found
//! through the `<pyc-lib>` entry of `sys.path`). `sys` and `builtins` are the VM's own.

mod native;

/// The Python modules embedded in the binary: `(name, source, is_package)`.
const LIBRARY: &[(&str, &str, bool)] = &[
    ("linecache", include_str!("lib/linecache.py"), false),
    ("re", include_str!("lib/re.py"), false),
    ("traceback", include_str!("lib/traceback.py"), false),
    ("unittest", include_str!("lib/unittest/__init__.py"), true),
    (
        "unittest.__main__",
        include_str!("lib/unittest/__main__.py"),
        false,
    ),
    ("unittest.case", include_str!("lib/unittest/case.py"), false),
    (
        "unittest.loader",
        include_str!("lib/unittest/loader.py"),
        false,
    ),
    ("unittest.main", include_str!("lib/unittest/main.py"), false),
    (
        "unittest.result",
        include_str!("lib/unittest/result.py"),
        false,
    ),
    (
        "unittest.runner",
        include_str!("lib/unittest/runner.py"),
        false,
    ),
    (
        "unittest.suite",
        include_str!("lib/unittest/suite.py"),
        false,
    ),
    ("unittest.util", include_str!("lib/unittest/util.py"), false),
];

/// Registers every shipped module with `vm`.
pub fn install(vm: &mut pyc_vm::Vm) {
    native::install(vm);
    for &(name, source, is_package) in LIBRARY {
        vm.add_library_module(name, source, is_package);
    }
}
