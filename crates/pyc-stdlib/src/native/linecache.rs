//! `linecache`: the lines of source files, for tracebacks, `warnings` and `inspect`.
//! Files the VM loaded (the program, imported modules, the embedded library) come from
//! the VM's own copy ([`Vm::source_lines`]), anything else is read from disk each time.

use pyc_vm::{Kw, ObjRef, PyResult, Value, Vm};

/// Fills the `linecache` module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    vm.module_add_function(module, "getline", getline, true);
    vm.module_add_function(module, "getlines", getlines, true);
    Ok(())
}

/// The lines of `filename`, each ending in a newline; empty when it cannot be read.
fn lines_of(vm: &Vm, filename: &str) -> Vec<String> {
    if let Some(lines) = vm.source_lines(filename) {
        return lines.iter().map(|l| format!("{l}\n")).collect();
    }
    if filename.starts_with('<') && filename.ends_with('>') {
        return Vec::new();
    }
    match std::fs::read_to_string(filename) {
        Ok(text) => text
            .split_inclusive('\n')
            .map(|l| {
                if l.ends_with('\n') {
                    l.to_string()
                } else {
                    format!("{l}\n")
                }
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// `getline(filename, lineno, module_globals=None)`: the line (with its newline), or
/// `''` when there is none.
fn getline(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.kwarg("getline", kw, "module_globals", &["module_globals"])?;
    vm.check_arg_count("getline", args, 2, 3)?;
    let filename = vm.str_arg(args[0], "getline() argument 1")?;
    let lineno = vm.int_arg(args[1])?;
    let lines = lines_of(vm, &filename);
    let line = usize::try_from(lineno)
        .ok()
        .filter(|&n| n >= 1)
        .and_then(|n| lines.get(n - 1))
        .cloned()
        .unwrap_or_default();
    Ok(vm.new_str(line))
}

/// `getlines(filename, module_globals=None)`: every line, each with its newline.
fn getlines(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.kwarg("getlines", kw, "module_globals", &["module_globals"])?;
    vm.check_arg_count("getlines", args, 1, 2)?;
    let filename = vm.str_arg(args[0], "getlines() argument 1")?;
    let lines = lines_of(vm, &filename);
    Ok(super::args::str_list(vm, lines))
}
