//! `repr()` of constants and code objects, as `dis` shows them in parentheses.

use std::rc::Rc;

use pyc_bytecode::repr::{bytes_repr, float_repr, str_repr};
use pyc_bytecode::{CodeObject, Constant};

/// Python's `repr` of a constant: `None`, `True`, `2.5`, `'s'`, `(1,)`, `Ellipsis`, or
/// `<code object f at 0x..., file "x.py", line 3>` for a nested code object.
pub fn const_repr(constant: &Constant) -> String {
    match constant {
        Constant::None => "None".to_string(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(x) => float_repr(*x),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => tuple_repr(items),
        Constant::FrozenSet(items) if items.is_empty() => "frozenset()".to_string(),
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Code(code) => code_repr(code),
    }
}

/// A tuple's `repr`: `()`, `(1,)`, `(1, 2)`.
fn tuple_repr(items: &[Constant]) -> String {
    let parts: Vec<String> = items.iter().map(const_repr).collect();
    match parts.as_slice() {
        [only] => format!("({only},)"),
        _ => format!("({})", parts.join(", ")),
    }
}

/// CPython's `repr` of a code object, `<code object NAME at 0x..., file "FILE", line N>`.
///
/// The address is the code object's `Rc` pointer, so it is stable for one process run
/// and identifies the same code object in a `LOAD_CONST` and its `Disassembly of` header.
pub fn code_repr(code: &Rc<CodeObject>) -> String {
    format!(
        "<code object {} at {:p}, file \"{}\", line {}>",
        code.name,
        Rc::as_ptr(code),
        code.filename,
        code.firstlineno
    )
}
