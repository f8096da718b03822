//! Glue between values and the pure formatting functions of [`crate::format`]:
//! `FORMAT_VALUE`, `format()`, `str % args`, `round()` of floats.

use num_bigint::BigInt;
use pyc_bytecode::opcode::{FVC_ASCII, FVC_MASK, FVC_REPR, FVC_STR, FVS_HAVE_SPEC};

use crate::format::{self, Conversion, FormatError, PercentArg, PercentError};
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// Raises a formatting error as the exception it names.
    #[cold]
    pub(crate) fn format_error(&mut self, e: FormatError) -> ObjRef {
        let kind = match e {
            FormatError::Value(_) => crate::exceptions::ExcKind::ValueError,
            FormatError::Type(_) => crate::exceptions::ExcKind::TypeError,
            FormatError::Overflow(_) => crate::exceptions::ExcKind::OverflowError,
        };
        self.err(kind, e.message().to_string())
    }

    /// `format(v, spec)`.
    pub(crate) fn format_spec(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let tname = self.type_name(v);
        let r = match v {
            Value::Float(f) => format::format_float(f, spec, &tname),
            Value::Bool(b) if spec.is_empty() => Ok(if b { "True" } else { "False" }.to_string()),
            _ if self.is_int(v) => {
                let n = self.to_bigint(v).unwrap_or_default();
                format::format_int(&n, spec, &tname)
            }
            _ => match self.as_str(v) {
                Some(s) => format::format_str(s, spec, &tname),
                None if spec.is_empty() => return self.str_of(v),
                None => Err(FormatError::Type(format!(
                    "unsupported format string passed to {tname}.__format__"
                ))),
            },
        };
        r.map_err(|e| self.format_error(e))
    }

    /// `FORMAT_VALUE flags`: `value [spec]` -> `str`.
    pub(crate) fn format_value(&mut self, flags: u32) -> PyResult<()> {
        let spec = if flags & FVS_HAVE_SPEC != 0 {
            Some(self.pop())
        } else {
            None
        };
        let mut v = self.pop();
        match flags & FVC_MASK {
            FVC_STR => v = self.str_value_of(v)?,
            FVC_REPR => {
                let s = self.repr_of(v)?;
                v = self.new_str(s);
            }
            FVC_ASCII => {
                let s = ascii_escape(&self.repr_of(v)?);
                v = self.new_str(s);
            }
            _ => {}
        }
        let spec_text = spec.and_then(|s| self.as_str(s)).unwrap_or("").to_string();
        if spec_text.is_empty() && self.as_str(v).is_some() {
            self.push(v);
            return Ok(());
        }
        let s = self.format_spec(v, &spec_text)?;
        let s = self.new_str(s);
        self.push(s);
        Ok(())
    }

    /// `str(v)` as a value (the same object for a str).
    pub(crate) fn str_value_of(&mut self, v: Value) -> PyResult<Value> {
        if self.as_str(v).is_some() {
            return Ok(v);
        }
        let s = self.str_of(v)?;
        Ok(self.new_str(s))
    }

    /// The operands of `fmt % args`: the items of a tuple, else `args` itself, with
    /// what formatting needs of each (its int value, its type name).
    pub(crate) fn percent_operands(&self, args: Value) -> PercentOperands {
        let values: Vec<Value> = match args.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Tuple(items)) => items.to_vec(),
            _ => vec![args],
        };
        let ints = values
            .iter()
            .map(|&v| match v {
                Value::Bool(_) => None,
                _ => self.to_bigint(v),
            })
            .collect();
        let names = values.iter().map(|&v| self.type_name(v)).collect();
        PercentOperands {
            values,
            ints,
            names,
        }
    }

    /// `fmt % args` for a str `fmt`.
    pub(crate) fn percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let operands = self.percent_operands(args);
        let values = &operands.values;
        let result = {
            let pargs = operands.args(self, true);
            let text = self.as_str(fmt).unwrap_or("");
            format::percent_format(text, &pargs, |i, conv| match conv {
                Conversion::Str => self.to_str_checked(values[i]),
                Conversion::Repr => self.repr_checked(values[i]),
            })
        };
        match result {
            Ok(s) => Ok(self.new_str(s)),
            Err(PercentError::Format(e)) => Err(self.format_error(e)),
            Err(PercentError::Render(failure)) => Err(self.repr_failure(failure)),
        }
    }
}

/// The operands of a `%` formatting ([`Vm::percent_operands`]).
pub(crate) struct PercentOperands {
    /// The operands.
    pub values: Vec<Value>,
    /// Each operand's value when it is an int (not a bool).
    ints: Vec<Option<BigInt>>,
    /// Each operand's type name, for error messages.
    pub names: Vec<std::rc::Rc<str>>,
}

impl PercentOperands {
    /// The operands as the formatter sees them: numbers as numbers, strs as text when
    /// `strs` (a str format), anything else rendered through the callback.
    pub(crate) fn args<'a>(&'a self, vm: &'a Vm, strs: bool) -> Vec<PercentArg<'a>> {
        self.values
            .iter()
            .zip(&self.ints)
            .zip(&self.names)
            .map(|((&v, int), name)| match (v, int) {
                (Value::Bool(b), _) => PercentArg::Bool(b),
                (Value::Float(f), _) => PercentArg::Float(f),
                (_, Some(n)) => PercentArg::Int(n),
                _ => match vm.as_str(v).filter(|_| strs) {
                    Some(s) => PercentArg::Str(s),
                    None => PercentArg::Other { type_name: name },
                },
            })
            .collect()
    }
}

/// `ascii()` of a repr: non-ASCII characters as `\x`, `\u` or `\U` escapes.
pub(crate) fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}
