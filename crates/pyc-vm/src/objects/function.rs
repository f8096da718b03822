//! Attributes of functions and of the objects around them: code objects, cells,
//! builtin functions, bound methods, and the `staticmethod`, `classmethod` and
//! `property` wrappers. Each table is registered on its type's namespace; the getters
//! receive an object of that type (attribute lookup checked it).

use std::rc::Rc;

use crate::builtins::Kw;
use crate::objects::descr::{AttrDef, MethodDef, Params};
use crate::objects::{CodeData, Descr, Function, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// `function` attributes.
pub const FUNCTION_ATTRS: &[AttrDef] = &[
    ("__code__", code, Some(set_code)),
    ("__defaults__", defaults, Some(set_defaults)),
    ("__kwdefaults__", kwdefaults, Some(set_kwdefaults)),
    ("__name__", name, Some(set_name)),
    ("__qualname__", qualname, Some(set_qualname)),
    ("__dict__", dict, Some(set_dict)),
    ("__annotations__", annotations, Some(set_annotations)),
    ("__builtins__", builtins, None),
];

/// `__builtins__`: the builtins namespace of the function's globals (their
/// `__builtins__`, a dict or the builtins module), else the interpreter's.
fn builtins(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let globals = func(vm, v).globals;
    let found = vm.dict_get_str(globals, "__builtins__");
    Ok(
        match found.and_then(|b| b.as_obj()).map(|r| (r, vm.heap.get(r))) {
            Some((r, Object::Dict(_))) => Value::Obj(r),
            Some((_, &Object::Module(d))) => Value::Obj(d),
            _ => Value::Obj(vm.builtins),
        },
    )
}

/// `__annotations__`: a dict, made on first read (from the `(name, annotation, ...)`
/// tuple the function was made with) and kept.
fn annotations(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let current = func(vm, v).annotations;
    let pairs = match current.map(|r| (r, vm.heap.get(r))) {
        Some((r, Object::Dict(_))) => return Ok(Value::Obj(r)),
        Some((_, Object::Tuple(items))) => items.to_vec(),
        _ => Vec::new(),
    };
    let dict = vm.new_dict();
    for pair in pairs.chunks(2) {
        if let [name, value] = pair {
            vm.dict_set(dict, *name, *value)?;
        }
    }
    func(vm, v).annotations = Some(dict);
    Ok(Value::Obj(dict))
}

/// Setting `__annotations__`: a dict, or `None` (a new empty dict on the next read).
fn set_annotations(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let new = match new {
        Some(Value::None) | None => None,
        Some(d) if matches!(d.as_obj().map(|r| vm.heap.get(r)), Some(Object::Dict(_))) => {
            d.as_obj()
        }
        Some(_) => return Err(vm.type_error("__annotations__ must be set to a dict object")),
    };
    func(vm, v).annotations = new;
    Ok(())
}

/// `function` members.
pub const FUNCTION_MEMBERS: &[AttrDef] = &[
    ("__closure__", closure, None),
    ("__doc__", doc, Some(set_doc)),
    ("__globals__", globals, None),
    ("__module__", module, Some(set_module)),
];

/// The function `v`.
fn func(vm: &mut Vm, v: Value) -> &mut Function {
    match vm.heap.get_mut(vm.obj_of(v)) {
        Object::Function(f) => f,
        _ => unreachable!("function attribute of a non-function"),
    }
}

fn opt(r: Option<ObjRef>) -> Value {
    r.map_or(Value::None, Value::Obj)
}

fn code(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Obj(func(vm, v).code_obj))
}

/// `f.__code__ = c`: `c` must be a code object with as many free variables as `f` has
/// cells.
fn set_code(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let Some((r, data)) = new.and_then(|c| code_object(vm, c)) else {
        return Err(vm.type_error("__code__ must be set to a code object"));
    };
    let nfree = data.code.freevars().len();
    let closure = func(vm, v).closure;
    let ncells = closure
        .and_then(|c| vm.seq_items(Value::Obj(c)))
        .map_or(0, <[Value]>::len);
    if nfree != ncells {
        let msg = format!(
            "{}() requires a code object with {ncells} free vars, not {nfree}",
            func(vm, v).name()
        );
        return Err(vm.value_error(msg));
    }
    let f = func(vm, v);
    f.code = data;
    f.code_obj = r;
    Ok(())
}

/// The code object `v` and its data.
fn code_object(vm: &Vm, v: Value) -> Option<(ObjRef, Rc<CodeData>)> {
    let r = v.as_obj()?;
    match vm.heap.get(r) {
        Object::Code(c) => Some((r, c.clone())),
        _ => None,
    }
}

fn defaults(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(opt(func(vm, v).defaults))
}

/// A new `__defaults__` or `__kwdefaults__` (`what`): `None` (or deletion) or an
/// object that `is_kind` accepts, a `kind`.
fn optional_of(
    vm: &mut Vm,
    new: Option<Value>,
    is_kind: fn(&Object) -> bool,
    what: &str,
    kind: &str,
) -> PyResult<Option<ObjRef>> {
    match new {
        None | Some(Value::None) => Ok(None),
        Some(Value::Obj(r)) if is_kind(vm.heap.get(r)) => Ok(Some(r)),
        Some(_) => Err(vm.type_error(format!("{what} must be set to a {kind} object"))),
    }
}

fn set_defaults(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let is_tuple = |o: &Object| matches!(o, Object::Tuple(_));
    func(vm, v).defaults = optional_of(vm, new, is_tuple, "__defaults__", "tuple")?;
    Ok(())
}

fn kwdefaults(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(opt(func(vm, v).kwdefaults))
}

fn set_kwdefaults(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let is_dict = |o: &Object| matches!(o, Object::Dict(_));
    func(vm, v).kwdefaults = optional_of(vm, new, is_dict, "__kwdefaults__", "dict")?;
    Ok(())
}

/// `__name__`: one str object per name, so that reading it twice gives the same object.
fn name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = func(vm, v).name().clone();
    Ok(Value::Obj(vm.intern(&n)))
}

fn qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = func(vm, v).qualname().clone();
    Ok(Value::Obj(vm.intern(&n)))
}

/// A new `__name__` or `__qualname__`, which must be a str.
fn name_arg(vm: &mut Vm, new: Option<Value>, what: &str) -> PyResult<Rc<str>> {
    match new.and_then(|n| vm.as_str(n)) {
        Some(s) => Ok(Rc::from(s)),
        None => Err(vm.type_error(format!("{what} must be set to a string object"))),
    }
}

fn set_name(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let new = name_arg(vm, new, "__name__")?;
    let f = func(vm, v);
    f.renamed = Some(Box::new((new, f.qualname().clone())));
    Ok(())
}

fn set_qualname(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let new = name_arg(vm, new, "__qualname__")?;
    let f = func(vm, v);
    f.renamed = Some(Box::new((f.name().clone(), new)));
    Ok(())
}

fn dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = vm.obj_of(v);
    Ok(opt(vm.instance_dict(r, true)))
}

fn set_dict(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    let d = vm.dict_arg_for_dict_attr(new)?;
    func(vm, v).dict = Some(d);
    Ok(())
}

fn closure(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(opt(func(vm, v).closure))
}

fn doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(vm, v).doc)
}

fn set_doc(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    func(vm, v).doc = new.unwrap_or(Value::None);
    Ok(())
}

fn globals(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Obj(func(vm, v).globals))
}

/// `__module__`: what was assigned, else the `__name__` of the function's globals.
fn module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = func(vm, v);
    if !f.module.is_null() {
        return Ok(f.module);
    }
    let g = f.globals;
    Ok(vm.dict_get_str(g, "__name__").unwrap_or(Value::None))
}

fn set_module(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    func(vm, v).module = new.unwrap_or(Value::None);
    Ok(())
}

/// `code` members.
pub const CODE_MEMBERS: &[AttrDef] = &[
    ("co_argcount", co_argcount, None),
    ("co_posonlyargcount", co_posonlyargcount, None),
    ("co_kwonlyargcount", co_kwonlyargcount, None),
    ("co_stacksize", co_stacksize, None),
    ("co_flags", co_flags, None),
    ("co_nlocals", co_nlocals, None),
    ("co_consts", co_consts, None),
    ("co_names", co_names, None),
    ("co_filename", co_filename, None),
    ("co_name", co_name, None),
    ("co_qualname", co_qualname, None),
    ("co_firstlineno", co_firstlineno, None),
];

/// `code` attributes.
pub const CODE_ATTRS: &[AttrDef] = &[
    ("co_varnames", co_varnames, None),
    ("co_cellvars", co_cellvars, None),
    ("co_freevars", co_freevars, None),
];

/// Getters of code object attributes: `name => |vm, code data| value`.
macro_rules! code_getters {
    ($( $name:ident => |$vm:ident, $c:ident| $e:expr; )*) => {
        $(
            fn $name($vm: &mut Vm, v: Value) -> PyResult<Value> {
                let $c = match $vm.heap.get($vm.obj_of(v)) {
                    Object::Code(c) => c.clone(),
                    _ => unreachable!("code attribute of a non-code object"),
                };
                Ok($e)
            }
        )*
    };
}

code_getters! {
    co_argcount => |_vm, c| Value::Int(c.code.argcount.into());
    co_posonlyargcount => |_vm, c| Value::Int(c.code.posonlyargcount.into());
    co_kwonlyargcount => |_vm, c| Value::Int(c.code.kwonlyargcount.into());
    co_stacksize => |_vm, c| Value::Int(c.code.stacksize.into());
    co_flags => |_vm, c| Value::Int(c.code.flags.into());
    co_nlocals => |_vm, c| Value::Int(c.code.varnames().len() as i64);
    co_consts => |vm, c| vm.new_tuple(c.consts.clone());
    co_names => |vm, c| names_tuple(vm, &c.code.names);
    co_filename => |vm, c| vm.new_str(&*c.code.filename);
    co_name => |vm, c| vm.new_str(&*c.code.name);
    co_qualname => |vm, c| vm.new_str(&*c.code.qualname);
    co_firstlineno => |_vm, c| Value::Int(c.code.firstlineno.into());
    co_varnames => |vm, c| names_tuple(vm, &c.code.varnames());
    co_cellvars => |vm, c| names_tuple(vm, &c.code.cellvars());
    co_freevars => |vm, c| names_tuple(vm, &c.code.freevars());
}

/// A tuple of str objects.
fn names_tuple(vm: &mut Vm, names: &[Rc<str>]) -> Value {
    let items = names.iter().map(|n| vm.new_str(&**n)).collect();
    vm.new_tuple(items)
}

/// `cell` attributes.
pub const CELL_ATTRS: &[AttrDef] = &[("cell_contents", cell_contents, Some(set_cell_contents))];

fn cell_contents(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match vm.cell_get(v) {
        Value::Null => Err(vm.value_error("Cell is empty")),
        c => Ok(c),
    }
}

fn set_cell_contents(vm: &mut Vm, v: Value, new: Option<Value>) -> PyResult<()> {
    vm.cell_set(v, new.unwrap_or(Value::Null));
    Ok(())
}

/// Attributes of builtin functions and bound builtin methods
/// (`builtin_function_or_method`) and of bound special methods (`method-wrapper`).
pub const BUILTIN_ATTRS: &[AttrDef] = &[
    ("__name__", builtin_name, None),
    ("__qualname__", builtin_qualname, None),
    ("__self__", builtin_self, None),
    ("__doc__", no_doc, None),
];

/// `builtin_function_or_method` members.
pub const BUILTIN_MEMBERS: &[AttrDef] = &[("__module__", builtin_module, None)];

/// What a builtin callable is: a function of the builtins namespace, or a builtin
/// method (a descriptor) bound to a receiver.
enum BuiltinParts {
    Function(&'static str),
    Bound(Descr, Value),
}

fn builtin_parts(vm: &Vm, v: Value) -> BuiltinParts {
    match vm.heap.get(vm.obj_of(v)) {
        Object::Builtin(b) => BuiltinParts::Function(b.name),
        &Object::Method(f, this) => match vm.descr(f) {
            Some(d) => BuiltinParts::Bound(*d, this),
            None => unreachable!("builtin method bound to a non-descriptor"),
        },
        _ => BuiltinParts::Function("__build_class__"),
    }
}

fn builtin_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let name = match builtin_parts(vm, v) {
        BuiltinParts::Function(name) => name,
        BuiltinParts::Bound(d, _) => d.name,
    };
    Ok(vm.new_str(name))
}

/// `__qualname__`: a function's name; a bound method's [`Vm::bound_qualname`].
fn builtin_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let qualname = match builtin_parts(vm, v) {
        BuiltinParts::Function(name) => name.to_string(),
        BuiltinParts::Bound(d, this) => vm.bound_qualname(&d, this),
    };
    Ok(vm.new_str(qualname))
}

/// `__self__` of a bound builtin method (builtin functions would give the builtins
/// module, and there are no module objects).
fn builtin_self(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match builtin_parts(vm, v) {
        BuiltinParts::Bound(_, this) => Ok(this),
        BuiltinParts::Function(_) => Err(vm.no_attribute(v, "__self__")),
    }
}

fn builtin_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(match builtin_parts(vm, v) {
        BuiltinParts::Function(_) => vm.new_str("builtins"),
        BuiltinParts::Bound(..) => Value::None,
    })
}

/// `__doc__` of builtin callables: no doc strings are kept.
fn no_doc(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::None)
}

/// `method` (bound Python method) members; other attributes come from the function.
pub const METHOD_MEMBERS: &[AttrDef] = &[
    ("__func__", method_func, None),
    ("__self__", method_self, None),
];

/// `method` attributes.
pub const METHOD_ATTRS: &[AttrDef] = &[("__doc__", method_doc, None)];

fn method_parts(vm: &Vm, v: Value) -> (Value, Value) {
    match vm.heap.get(vm.obj_of(v)) {
        &Object::Method(f, this) => (f, this),
        _ => unreachable!("method attribute of a non-method"),
    }
}

fn method_func(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(method_parts(vm, v).0)
}

fn method_self(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(method_parts(vm, v).1)
}

fn method_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = method_parts(vm, v).0;
    vm.get_attr(f, "__doc__")
}

/// `staticmethod` and `classmethod` members.
pub const WRAPPER_MEMBERS: &[AttrDef] = &[
    ("__func__", wrapped_func, None),
    ("__wrapped__", wrapped_func, None),
    ("__name__", |vm, v| wrapped_attr(vm, v, "__name__"), None),
    (
        "__qualname__",
        |vm, v| wrapped_attr(vm, v, "__qualname__"),
        None,
    ),
    ("__doc__", |vm, v| wrapped_attr(vm, v, "__doc__"), None),
    (
        "__module__",
        |vm, v| wrapped_attr(vm, v, "__module__"),
        None,
    ),
    (
        "__annotations__",
        |vm, v| wrapped_attr(vm, v, "__annotations__"),
        None,
    ),
    (
        "__isabstractmethod__",
        |vm, v| {
            let f = wrapped_func(vm, v)?;
            match vm.get_attr(f, "__isabstractmethod__") {
                Ok(b) => Ok(Value::Bool(vm.truth(b)?)),
                Err(_) => Ok(Value::Bool(false)),
            }
        },
        None,
    ),
];

/// An attribute of a static or class method, copied from the function it wraps (as
/// CPython's `functools.wraps`-like copy when the wrapper is made).
fn wrapped_attr(vm: &mut Vm, v: Value, name: &str) -> PyResult<Value> {
    let f = wrapped_func(vm, v)?;
    vm.get_attr(f, name)
}

fn wrapped_func(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match *vm.heap.get(vm.obj_of(v)) {
        Object::StaticMethod(f) | Object::ClassMethod(f) => Ok(f),
        _ => unreachable!("__func__ of a non-wrapper"),
    }
}

/// `property` methods.
pub const PROPERTY_METHODS: &[MethodDef] = &[("setter", property_setter, Params::One)];

/// `property` members.
pub const PROPERTY_MEMBERS: &[AttrDef] = &[("fget", fget, None), ("fset", fset, None)];

fn property_parts(vm: &Vm, v: Value) -> (Value, Value) {
    match *vm.heap.get(vm.obj_of(v)) {
        Object::Property(get, set) => (get, set),
        _ => unreachable!("property attribute of a non-property"),
    }
}

fn fget(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(property_parts(vm, v).0)
}

fn fset(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(property_parts(vm, v).1)
}

/// `prop.setter(f)`: a copy of the property with `f` as its setter.
fn property_setter(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let get = property_parts(vm, args[0]).0;
    Ok(Value::Obj(vm.alloc(Object::Property(get, args[1]))))
}

/// Attributes of the descriptors of builtin types.
pub const DESCR_ATTRS: &[AttrDef] = &[
    ("__name__", descr_name, None),
    ("__qualname__", descr_qualname, None),
    ("__doc__", no_doc, None),
];

/// Members of the descriptors of builtin types.
pub const DESCR_MEMBERS: &[AttrDef] = &[("__objclass__", descr_objclass, None)];

fn descr_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let name = vm.descr(v).map_or("?", |d| d.name);
    Ok(vm.new_str(name))
}

fn descr_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let qualname = vm
        .descr(v)
        .map(|d| vm.descr_qualname(d))
        .unwrap_or_default();
    Ok(vm.new_str(qualname))
}

fn descr_objclass(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm.descr(v).map_or(Value::None, |d| Value::Obj(d.owner)))
}

impl Vm {
    /// The compiled code behind a function, code object, bound method or generator
    /// (what `dis` disassembles).
    pub fn code_of(&self, v: Value) -> Option<Rc<pyc_bytecode::CodeObject>> {
        match self.heap.get(v.as_obj()?) {
            Object::Function(f) => Some(f.code.code.clone()),
            Object::Code(c) => Some(c.code.clone()),
            Object::Generator(g) | Object::Coroutine(g) => Some(g.code.code.clone()),
            &Object::Method(f, _) => self.code_of(f),
            _ => None,
        }
    }
}

/// `function(code, globals, name=None, argdefs=None, closure=None)`
/// (`types.FunctionType`): a function from a code object, with the cells of `closure`
/// as its free variables (exactly as many as the code has).
pub(crate) fn function_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    const NAMES: [&str; 5] = ["code", "globals", "name", "argdefs", "closure"];
    let args = &args[1..];
    if args.len() > 5 {
        let msg = format!("function expected at most 5 arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    for (k, _) in kw {
        if !NAMES.contains(&&**k) {
            let msg = format!("function() got an unexpected keyword argument '{k}'");
            return Err(vm.type_error(msg));
        }
    }
    let arg = |i: usize| {
        args.get(i)
            .copied()
            .or_else(|| kw.iter().find(|(k, _)| &**k == NAMES[i]).map(|(_, v)| *v))
            .filter(|v| i < 2 || !matches!(v, Value::None))
    };
    let (Some(code_v), Some(globals_v)) = (arg(0), arg(1)) else {
        let missing = if arg(0).is_none() {
            ("code", 1)
        } else {
            ("globals", 2)
        };
        let msg = format!(
            "function() missing required argument '{}' (pos {})",
            missing.0, missing.1
        );
        return Err(vm.type_error(msg));
    };
    let Some((code_obj, code)) = code_v.as_obj().and_then(|r| match vm.heap.get(r) {
        Object::Code(c) => Some((r, c.clone())),
        _ => None,
    }) else {
        let msg = format!(
            "function() argument 'code' must be code, not {}",
            vm.type_name(code_v)
        );
        return Err(vm.type_error(msg));
    };
    let Some(globals) = globals_v
        .as_obj()
        .filter(|&g| matches!(vm.heap.get(g), Object::Dict(_)))
    else {
        let msg = format!(
            "function() argument 'globals' must be dict, not {}",
            vm.type_name(globals_v)
        );
        return Err(vm.type_error(msg));
    };
    let needed = code.code.nfreevars();
    let closure = match arg(4) {
        None if needed == 0 => None,
        None => return Err(vm.type_error("arg 5 (closure) must be tuple")),
        Some(c) => {
            let Some(Object::Tuple(items)) = c.as_obj().map(|r| vm.heap.get(r)) else {
                return Err(vm.type_error("arg 5 (closure) must be None or tuple"));
            };
            if items.len() != needed {
                let msg = format!(
                    "{} requires closure of length {needed}, not {}",
                    code.code.name,
                    items.len()
                );
                return Err(vm.type_error(msg));
            }
            if let Some(bad) = items
                .iter()
                .find(|v| !matches!(v.as_obj().map(|r| vm.heap.get(r)), Some(Object::Cell(_))))
            {
                let msg = format!(
                    "arg 5 (closure) expected cell, found {}",
                    vm.type_name(*bad)
                );
                return Err(vm.type_error(msg));
            }
            c.as_obj()
        }
    };
    let name = match arg(2) {
        Some(n) => Some(name_arg(vm, Some(n), "__name__")?),
        None => None,
    };
    let defaults = match arg(3) {
        Some(d) if matches!(d.as_obj().map(|r| vm.heap.get(r)), Some(Object::Tuple(_))) => {
            d.as_obj()
        }
        Some(_) => return Err(vm.type_error("arg 4 (defaults) must be None or tuple")),
        None => None,
    };
    let parts = crate::call::FunctionParts {
        closure,
        defaults,
        ..Default::default()
    };
    let r = vm.new_function(code_obj, code, globals, parts);
    if let Object::Function(f) = vm.heap.get_mut(r) {
        if let Some(name) = name {
            let qualname = f.qualname().clone();
            f.renamed = Some(Box::new((name, qualname)));
        }
    }
    Ok(Value::Obj(r))
}
