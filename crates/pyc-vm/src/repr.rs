//! `repr()` and `str()` of builtin values, and `id()` addresses.

use pyc_bytecode::repr::{float_repr, str_repr};

use std::collections::HashMap;

use crate::objects::descr::DescrKind;
use crate::objects::{Object, ViewKind};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

/// State of one `repr()`: the containers being printed (to show cycles as `[...]`) and
/// the text of user objects, computed beforehand by their `__repr__`.
pub(crate) struct ReprCtx {
    seen: Vec<ObjRef>,
    user: HashMap<ObjRef, String>,
    /// Whether ints past the decimal digit limit fail the conversion (`repr()` as Python
    /// sees it) rather than print in full (text for error messages).
    limit: bool,
    /// Why the conversion failed, if it did.
    failure: Option<ReprFailure>,
}

/// Why `repr` of a value could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReprFailure {
    /// An int inside has more decimal digits than `str()` of an int allows.
    IntTooLong,
    /// The containers nest deeper than the recursion limit.
    TooDeep,
}

/// How deeply containers may nest inside a `repr` (CPython's recursion limit).
const MAX_REPR_DEPTH: usize = 1000;

/// The fake address of a heap object: stable while it lives, reused after it is freed.
pub(crate) fn address(r: ObjRef) -> u64 {
    0x7f00_0000_0000 + r.index() as u64 * 0x40
}

impl Vm {
    /// `object.__repr__(v)`: `<module.Class object at 0x...>`.
    pub(crate) fn default_repr(&self, v: Value) -> String {
        format!(
            "<{} object at {:#x}>",
            self.type_full_name(self.type_of(v)),
            self.id_of(v)
        )
    }

    /// `id(v)`.
    pub fn id_of(&self, v: Value) -> u64 {
        match v {
            Value::Obj(r) => address(r),
            Value::Null => 0,
            Value::None => 0x5600_0000_0010,
            Value::Bool(b) => 0x5600_0000_0020 + b as u64 * 0x20,
            Value::Int(i) => 0x5500_0000_0000u64.wrapping_add((i as u64).wrapping_mul(0x20)),
            Value::Float(f) => 0x5400_0000_0000 ^ (f.to_bits() >> 4),
        }
    }

    /// `repr(v)`, printing ints of any length (for error messages and the like).
    pub(crate) fn repr(&self, v: Value) -> String {
        self.repr_ctx(v, HashMap::new(), false).unwrap_or_default()
    }

    /// `repr(v)` where the user objects in `user` show the given text.
    pub(crate) fn repr_with(
        &self,
        v: Value,
        user: HashMap<ObjRef, String>,
    ) -> Result<String, ReprFailure> {
        self.repr_ctx(v, user, true)
    }

    /// `repr(v)`.
    pub(crate) fn repr_checked(&self, v: Value) -> Result<String, ReprFailure> {
        self.repr_ctx(v, HashMap::new(), true)
    }

    /// `str(v)`.
    pub(crate) fn to_str_checked(&self, v: Value) -> Result<String, ReprFailure> {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Str(_) | Object::Exception(_)) => Ok(self.to_str(v)),
            _ => self.repr_checked(v),
        }
    }

    /// The exception for a `repr` that could not be made.
    pub(crate) fn repr_failure(&mut self, failure: ReprFailure) -> ObjRef {
        match failure {
            ReprFailure::IntTooLong => self.int_str_limit_error(),
            ReprFailure::TooDeep => self.err(
                crate::exceptions::ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ),
        }
    }

    fn repr_ctx(
        &self,
        v: Value,
        user: HashMap<ObjRef, String>,
        limit: bool,
    ) -> Result<String, ReprFailure> {
        let mut out = String::new();
        let mut cx = ReprCtx {
            seen: Vec::new(),
            user,
            limit,
            failure: None,
        };
        self.repr_into(v, &mut out, &mut cx);
        match cx.failure {
            Some(failure) => Err(failure),
            None => Ok(out),
        }
    }

    /// `str(v)`.
    pub(crate) fn to_str(&self, v: Value) -> String {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => s.s.to_string(),
                Object::Exception(_) => self.exception_str(r),
                _ => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    fn repr_into(&self, v: Value, out: &mut String, seen: &mut ReprCtx) {
        let r = match v {
            Value::Null => return out.push_str("<NULL>"),
            Value::None => return out.push_str("None"),
            Value::Bool(b) => return out.push_str(if b { "True" } else { "False" }),
            Value::Int(i) => return out.push_str(&i.to_string()),
            Value::Float(f) => return out.push_str(&float_repr(f)),
            Value::Obj(r) => r,
        };
        if let Some(text) = seen.user.get(&r) {
            return out.push_str(text);
        }
        // `seen` holds the containers being printed: its length is the nesting depth.
        if seen.seen.len() >= MAX_REPR_DEPTH || seen.failure.is_some() {
            seen.failure.get_or_insert(ReprFailure::TooDeep);
            return;
        }
        match self.heap.get(r) {
            Object::Str(s) => out.push_str(&str_repr(&s.s)),
            Object::Bytes(_) | Object::ByteArray(_) => out.push_str(&self.bytes_repr_of(r)),
            Object::File(_) => out.push_str(&self.file_repr(r)),
            Object::BigInt(b) if seen.limit => match crate::format::int_to_decimal(b) {
                Ok(text) => out.push_str(&text),
                Err(_) => seen.failure = Some(ReprFailure::IntTooLong),
            },
            Object::BigInt(b) => out.push_str(&b.to_string()),
            Object::Tuple(items) => {
                out.push('(');
                self.items_into(items, out, seen, r);
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Object::List(items) => {
                if seen.seen.contains(&r) {
                    return out.push_str("[...]");
                }
                out.push('[');
                self.items_into(items, out, seen, r);
                out.push(']');
            }
            Object::Dict(d) => {
                if seen.seen.contains(&r) {
                    return out.push_str("{...}");
                }
                seen.seen.push(r);
                out.push('{');
                for (i, (k, v)) in d.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(k, out, seen);
                    out.push_str(": ");
                    self.repr_into(v, out, seen);
                }
                out.push('}');
                seen.seen.pop();
            }
            Object::Set(d) => {
                if d.is_empty() {
                    return out.push_str("set()");
                }
                let keys: Vec<Value> = d.iter().map(|(k, _)| k).collect();
                out.push('{');
                self.items_into(&keys, out, seen, r);
                out.push('}');
            }
            Object::Function(f) => {
                out.push_str(&format!("<function {} at {:#x}>", f.qualname(), address(r)))
            }
            Object::Cell(c) => {
                if c.is_null() {
                    out.push_str(&format!("<cell at {:#x}: empty>", address(r)));
                } else {
                    out.push_str(&format!(
                        "<cell at {:#x}: {} object at {:#x}>",
                        address(r),
                        self.type_name(*c),
                        self.id_of(*c)
                    ));
                }
            }
            Object::Code(c) => out.push_str(&format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.code.name,
                address(r),
                c.code.filename,
                c.code.firstlineno
            )),
            Object::Type(_) => out.push_str(&format!("<class '{}'>", self.type_full_name(r))),
            Object::Builtin(b) => out.push_str(&format!("<built-in function {}>", b.name)),
            Object::Descr(d) => {
                let owner = self.type_name_of_type(d.owner);
                let what = match d.kind {
                    DescrKind::Method(..) | DescrKind::ClassMethod(..) => "method",
                    DescrKind::Slot(..) => "slot wrapper",
                    DescrKind::GetSet(..) => "attribute",
                    DescrKind::Member(..) => "member",
                };
                out.push_str(&format!("<{what} '{}' of '{owner}' objects>", d.name));
            }
            Object::Method(f, s) => match f.as_obj().map(|f| self.heap.get(f)) {
                Some(Object::Descr(d)) => {
                    let what = match d.kind {
                        DescrKind::Slot(..) => format!("method-wrapper '{}'", d.name),
                        _ => format!("built-in method {}", d.name),
                    };
                    out.push_str(&format!(
                        "<{what} of {} object at {:#x}>",
                        self.type_name(*s),
                        self.id_of(*s)
                    ));
                }
                Some(Object::Function(func)) => {
                    out.push_str(&format!("<bound method {} of ", func.qualname()));
                    self.repr_into(*s, out, seen);
                    out.push('>');
                }
                other => {
                    let name = match other {
                        Some(Object::Builtin(b)) => b.name,
                        _ => "?",
                    };
                    out.push_str(&format!("<bound method {name} of "));
                    self.repr_into(*s, out, seen);
                    out.push('>');
                }
            },
            Object::Exception(e) => {
                out.push_str(&self.type_name_of_type(e.class));
                match self.heap.get(e.args) {
                    Object::Tuple(items) if items.len() == 1 => {
                        out.push('(');
                        self.repr_into(items[0], out, seen);
                        out.push(')');
                    }
                    _ => self.repr_into(Value::Obj(e.args), out, seen),
                }
            }
            Object::Range(a, b, c) => {
                if *c == 1 {
                    out.push_str(&format!("range({a}, {b})"));
                } else {
                    out.push_str(&format!("range({a}, {b}, {c})"));
                }
            }
            Object::Slice(parts) => {
                let [a, b, c] = **parts;
                out.push_str("slice(");
                self.repr_into(a, out, seen);
                out.push_str(", ");
                self.repr_into(b, out, seen);
                out.push_str(", ");
                self.repr_into(c, out, seen);
                out.push(')');
            }
            Object::DictView(kind, d) => {
                let (name, items): (&str, Vec<Value>) = match kind {
                    ViewKind::Keys => (
                        "dict_keys",
                        self.dict_ref(*d).iter().map(|(k, _)| k).collect(),
                    ),
                    ViewKind::Values => (
                        "dict_values",
                        self.dict_ref(*d).iter().map(|(_, v)| v).collect(),
                    ),
                    ViewKind::Items => ("dict_items", Vec::new()),
                };
                out.push_str(name);
                out.push_str("([");
                if *kind == ViewKind::Items {
                    for (i, (k, v)) in self.dict_ref(*d).iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        out.push('(');
                        self.repr_into(k, out, seen);
                        out.push_str(", ");
                        self.repr_into(v, out, seen);
                        out.push(')');
                    }
                } else {
                    self.items_into(&items, out, seen, *d);
                }
                out.push_str("])");
            }
            Object::Iter(it) => out.push_str(&format!(
                "<{} object at {:#x}>",
                it.type_name(&self.heap),
                address(r)
            )),
            Object::Ellipsis => out.push_str("Ellipsis"),
            Object::NotImplemented => out.push_str("NotImplemented"),
            &Object::Module(d) => out.push_str(&self.module_repr(d)),
            Object::Frame(f) => out.push_str(&format!(
                "<frame at {:#x}, file '{}', line {}, code {}>",
                address(r),
                f.code.code.filename,
                f.lineno,
                f.code.code.name
            )),
            Object::Traceback(_) => {
                out.push_str(&format!("<traceback object at {:#x}>", address(r)))
            }
            Object::WeakRef(_) => out.push_str(&self.default_repr(Value::Obj(r))),
            Object::Instance(_) => out.push_str(&self.default_repr(Value::Obj(r))),
            Object::Generator(g) => out.push_str(&format!(
                "<generator object {} at {:#x}>",
                g.qualname,
                address(r)
            )),
            Object::Coroutine(g) => out.push_str(&format!(
                "<coroutine object {} at {:#x}>",
                g.qualname,
                address(r)
            )),
            Object::CoroWrapper(_) => {
                out.push_str(&format!("<coroutine_wrapper object at {:#x}>", address(r)))
            }
            &Object::Super(c, obj) => {
                out.push_str(&format!("<super: <class '{}'>, ", self.type_qualname(c)));
                match obj.as_obj().map(|o| self.heap.get(o)) {
                    Some(Object::Type(_)) => self.repr_into(obj, out, seen),
                    _ => out.push_str(&format!(
                        "<{} object>",
                        self.type_full_name(self.type_of(obj))
                    )),
                }
                out.push('>');
            }
            Object::StaticMethod(f) | Object::ClassMethod(f) => {
                let kind = if matches!(self.heap.get(r), Object::StaticMethod(_)) {
                    "staticmethod"
                } else {
                    "classmethod"
                };
                out.push_str(&format!("<{kind}({})>", self.repr(*f)));
            }
            Object::Property(..) => {
                out.push_str(&format!("<property object at {:#x}>", address(r)))
            }
            Object::BuildClass => out.push_str("<built-in function __build_class__>"),
        }
    }

    fn items_into(&self, items: &[Value], out: &mut String, seen: &mut ReprCtx, me: ObjRef) {
        seen.seen.push(me);
        for (i, &item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.repr_into(item, out, seen);
        }
        seen.seen.pop();
    }
}
