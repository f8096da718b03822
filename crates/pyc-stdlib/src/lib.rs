//! The modules that ship with pyc. [`install`] registers them with a VM: native
//! modules (Rust, in `native/`) and Python modules embedded in the binary (`lib/`, found
//! through the `<pyc-lib>` entry of `sys.path`). `sys` and `builtins` are the VM's own.

mod native;

/// Declares the embedded Python modules: `name => "file under lib/"`, with `package`
/// for a package's `__init__`.
macro_rules! library {
    ($( $name:literal => $file:literal $(, $package:ident)? ;)*) => {
        /// The Python modules embedded in the binary: `(name, source, is_package)`.
        const LIBRARY: &[(&str, &str, bool)] = &[
            $( ($name, include_str!(concat!("lib/", $file)), library!(@pkg $($package)?)), )*
        ];
    };
    (@pkg package) => { true };
    (@pkg) => { false };
}

library! {
    "time" => "time.py";
    "gc" => "gc.py";
    "types" => "types.py";
    "inspect" => "inspect.py";
    "opcode" => "opcode.py";
    "dis" => "dis.py";
    "warnings" => "warnings.py";
    "os" => "os.py";
    "posixpath" => "posixpath.py";
    "keyword" => "keyword.py";
    "weakref" => "weakref.py";
    "pathlib" => "pathlib.py";
    "string" => "string.py";
    "importlib" => "importlib/__init__.py", package;
    "contextlib" => "contextlib.py";
    "textwrap" => "textwrap.py";
    "difflib" => "difflib.py";
    "pickle" => "pickle.py";
    "re" => "re.py";
    "traceback" => "traceback.py";
    "unittest" => "unittest/__init__.py", package;
    "unittest.__main__" => "unittest/__main__.py";
    "unittest.case" => "unittest/case.py";
    "unittest.loader" => "unittest/loader.py";
    "unittest.main" => "unittest/main.py";
    "unittest.result" => "unittest/result.py";
    "unittest.runner" => "unittest/runner.py";
    "unittest.suite" => "unittest/suite.py";
    "unittest.util" => "unittest/util.py";
}

/// Registers every shipped module with `vm`.
pub fn install(vm: &mut pyc_vm::Vm) {
    native::install(vm);
    for &(name, source, is_package) in LIBRARY {
        vm.add_library_module(name, source, is_package);
    }
}
