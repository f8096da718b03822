//! `print()` and `input()`: the console builtins, writing to `sys.stdout` (or any
//! object with a `write` method) and reading from `sys.stdin`. Printing to the VM's own
//! standard output takes a direct path to its buffered output.

use std::io::Write;

use crate::builtins::Kw;
use crate::exceptions::ExcKind;
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub(crate) fn print(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    const NAMES: [&str; 4] = ["sep", "end", "file", "flush"];
    let sep = vm.kwarg("print", kw, "sep", &NAMES)?;
    let end = vm.kwarg("print", kw, "end", &NAMES)?;
    let file = vm.kwarg("print", kw, "file", &NAMES)?;
    let flush = vm.kwarg("print", kw, "flush", &NAMES)?;
    let text_of = |vm: &mut Vm, v: Option<Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(v) => match vm.as_str(v) {
                Some(s) => Ok(s.to_string()),
                None => {
                    let msg = format!("{what} must be None or a string, not {}", vm.type_name(v));
                    Err(vm.type_error(msg))
                }
            },
        }
    };
    let sep = text_of(vm, sep, " ", "sep")?;
    let end = text_of(vm, end, "\n", "end")?;
    let file = match file {
        None | Some(Value::None) => vm.sys_attr("stdout")?,
        Some(f) => f,
    };
    // `sys.stdout = None` silences print.
    if matches!(file, Value::None) {
        return Ok(Value::None);
    }
    if vm.is_vm_stdout(file) {
        let mut out = String::new();
        for (i, &a) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            match vm.as_str(a) {
                Some(s) => out.push_str(s),
                None => out.push_str(&vm.str_of(a)?),
            }
        }
        out.push_str(&end);
        let _ = vm.out.write_all(out.as_bytes());
    } else {
        // Each piece is its own `write` call, as in CPython.
        for (i, &a) in args.iter().enumerate() {
            if i > 0 {
                vm.write_to(file, &sep)?;
            }
            let text = vm.str_of(a)?;
            vm.write_to(file, &text)?;
        }
        vm.write_to(file, &end)?;
    }
    if let Some(f) = flush {
        if vm.truth(f)? {
            vm.flush_file(file)?;
        }
    }
    Ok(Value::None)
}

/// `input(prompt='')`: writes the prompt to `sys.stdout`, flushes it, and reads a line
/// from `sys.stdin` without its newline; `EOFError` at the end of the input.
pub(crate) fn input(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("input", args, 0, 1)?;
    let stdout = vm.sys_attr("stdout")?;
    if let Some(&prompt) = args.first() {
        let text = vm.str_of(prompt)?;
        vm.write_to(stdout, &text)?;
    }
    if !matches!(stdout, Value::None) {
        vm.flush_file(stdout)?;
    }
    match vm.read_input_line()? {
        Some(line) => Ok(vm.new_str(line)),
        None => Err(vm.err(ExcKind::EOFError, "EOF when reading a line")),
    }
}
