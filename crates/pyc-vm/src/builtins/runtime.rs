//! The builtins that reach the interpreter itself: `compile`, `exec`, `eval`,
//! `__import__`, `globals`, `locals`, `vars` and `dir`, plus `PRINT_EXPR`.

use std::rc::Rc;

use super::Kw;
use crate::exceptions::ExcKind;
use crate::host::CompileMode;
use crate::objects::{CodeData, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    pub(super) fn register_runtime_functions(&mut self) {
        let table: &[(&'static str, crate::objects::NativeFn, bool)] = &[
            ("compile", compile, true),
            ("exec", exec, true),
            ("eval", eval, true),
            ("__import__", import, true),
            ("globals", globals, false),
            ("locals", locals, false),
            ("vars", vars, false),
            ("dir", dir, false),
        ];
        for &(name, f, kw) in table {
            self.add_function(name, f, kw);
        }
        self.dict_set_str(self.builtins, "__debug__", Value::Bool(true));
    }

    /// `PRINT_EXPR`: prints the `repr` of an interactive statement's value (unless
    /// `None`) and keeps it as `builtins._`.
    pub(crate) fn print_expr(&mut self) -> PyResult<()> {
        let v = self.pop();
        if matches!(v, Value::None) {
            return Ok(());
        }
        self.dict_set_str(self.builtins, "_", Value::None);
        let text = self.repr_of(v)?;
        let _ = std::io::Write::write_all(&mut self.out, format!("{text}\n").as_bytes());
        self.dict_set_str(self.builtins, "_", v);
        Ok(())
    }

    /// The current frame's local variables as a dict (what `locals()` gives).
    pub(crate) fn frame_locals(&mut self) -> ObjRef {
        self.locals_of_frame(self.frames.len() - 1)
    }

    /// The locals of the frame at `index` in the frame stack as a dict: a module or
    /// class body's namespace; for a function, as in CPython, one dict per frame
    /// (kept in its `locals`, which functions do not otherwise use) refreshed from
    /// its fast locals and cells at each call, so names `exec` added to it stay.
    pub(crate) fn locals_of_frame(&mut self, index: usize) -> ObjRef {
        let f = &self.frames[index];
        let optimized = f.code.code.flags & pyc_bytecode::code_flags::OPTIMIZED != 0;
        if let (false, Some(l)) = (optimized, f.locals) {
            return l;
        }
        let (code, base, existing) = (f.code.clone(), f.base, f.locals);
        let dict = existing.unwrap_or_else(|| self.new_dict());
        for (i, name) in code.code.localsplus_names.iter().enumerate() {
            let kind = code.code.localsplus_kinds[i];
            let mut v = self.stack[base + i];
            if kind & (pyc_bytecode::fast_kind::CELL | pyc_bytecode::fast_kind::FREE) != 0
                && matches!(v.as_obj().map(|r| self.heap.get(r)), Some(Object::Cell(_)))
            {
                v = self.cell_get(v);
            }
            if v.is_null() {
                let key = Value::Obj(self.intern(name));
                let _ = self.dict_del(dict, key);
            } else {
                self.dict_set_str(dict, name, v);
            }
        }
        self.frames[index].locals = Some(dict);
        dict
    }

    /// Runs code for `exec`/`eval`: a code object, or source compiled in `mode`.
    fn run_source_or_code(
        &mut self,
        what: &str,
        args: &[Value],
        kw: &Kw,
        mode: CompileMode,
    ) -> PyResult<Value> {
        let allowed = ["globals", "locals"];
        let g_kw = self.kwarg(what, kw, "globals", &allowed)?;
        let l_kw = kw.iter().find(|(k, _)| &**k == "locals").map(|(_, v)| *v);
        if args.is_empty() || args.len() > 3 {
            let msg = format!(
                "{what} expected at {} 1 argument{}, got {}",
                if args.is_empty() { "least" } else { "most" },
                if args.is_empty() { "" } else { "s" },
                args.len()
            );
            let msg = msg.replace("at most 1 arguments", "at most 3 arguments");
            return Err(self.type_error(msg));
        }
        let globals = args.get(1).copied().or(g_kw).unwrap_or(Value::None);
        let locals = args.get(2).copied().or(l_kw).unwrap_or(Value::None);
        let (globals, locals) = self.namespaces(what, globals, locals)?;
        let code = self.code_arg(what, args[0], mode)?;
        if self.dict_get_str(globals, "__builtins__").is_none() {
            let b = Value::Obj(self.builtins);
            self.dict_set_str(globals, "__builtins__", b);
        }
        self.run_code(code, globals, locals)
    }

    /// The globals and locals dicts `exec`/`eval` run in: the caller's by default.
    fn namespaces(
        &mut self,
        what: &str,
        globals: Value,
        locals: Value,
    ) -> PyResult<(ObjRef, ObjRef)> {
        let as_dict = |vm: &Vm, v: Value| {
            v.as_obj()
                .filter(|&r| matches!(vm.heap.get(r), Object::Dict(_)))
        };
        match (globals, locals) {
            (Value::None, Value::None) => {
                let g = self.frame().globals;
                let l = self.frame_locals();
                Ok((g, l))
            }
            (g, l) => {
                let Some(g) = as_dict(self, g)
                    .or_else(|| matches!(g, Value::None).then(|| self.frame().globals))
                else {
                    let msg = if what == "exec" {
                        format!("exec() globals must be a dict, not {}", self.type_name(g))
                    } else {
                        "globals must be a dict".to_string()
                    };
                    return Err(self.type_error(msg));
                };
                let l = match l {
                    Value::None => g,
                    l => match as_dict(self, l) {
                        Some(l) => l,
                        None => {
                            let msg = if what == "exec" {
                                format!(
                                    "locals must be a mapping or None, not {}",
                                    self.type_name(l)
                                )
                            } else {
                                "locals must be a mapping".to_string()
                            };
                            return Err(self.type_error(msg));
                        }
                    },
                };
                Ok((g, l))
            }
        }
    }

    /// The code `exec`/`eval` run: a code object as it is, or a str compiled.
    fn code_arg(&mut self, what: &str, v: Value, mode: CompileMode) -> PyResult<Rc<CodeData>> {
        if let Some(Object::Code(c)) = v.as_obj().map(|r| self.heap.get(r)) {
            if c.code.nfreevars() > 0 {
                let msg = format!("code object passed to {what}() may not contain free variables");
                return Err(self.type_error(msg));
            }
            return Ok(c.clone());
        }
        let Some(source) = self.as_str(v).map(str::to_string) else {
            let msg = if what == "exec" {
                format!(
                    "exec() arg 1 must be a string, bytes or code object, not {}",
                    self.type_name(v)
                )
            } else {
                "eval() arg 1 must be a string, bytes or code object".to_string()
            };
            return Err(self.type_error(msg));
        };
        if source.contains('\0') {
            return Err(self.err(
                ExcKind::SyntaxError,
                "source code string cannot contain null bytes",
            ));
        }
        let code = self.compile_source(&source, "<string>", mode)?;
        Ok(self.load_code(code))
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    const NAMES: [&str; 6] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    for (k, _) in kw {
        if !NAMES.contains(&&**k) && k.as_ref() != "_feature_version" {
            let msg = format!("compile() got an unexpected keyword argument '{k}'");
            return Err(vm.type_error(msg));
        }
    }
    let arg = |i: usize| {
        args.get(i)
            .copied()
            .or_else(|| kw.iter().find(|(k, _)| &**k == NAMES[i]).map(|(_, v)| *v))
    };
    let (Some(source), Some(filename), Some(mode)) = (arg(0), arg(1), arg(2)) else {
        let missing = (0..3).find(|&i| arg(i).is_none()).unwrap_or(0);
        let msg = format!(
            "compile() missing required argument '{}' (pos {})",
            NAMES[missing],
            missing + 1
        );
        return Err(vm.type_error(msg));
    };
    let Some(mode) = vm.as_str(mode).and_then(CompileMode::from_name) else {
        if vm.as_str(mode).is_none() {
            let msg = format!(
                "compile() argument 'mode' must be str, not {}",
                vm.type_name(mode)
            );
            return Err(vm.type_error(msg));
        }
        return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
    };
    let Some(filename) = vm.as_str(filename).map(str::to_string) else {
        let msg = format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(filename)
        );
        return Err(vm.type_error(msg));
    };
    if let Some(Object::Code(_)) = source.as_obj().map(|r| vm.heap.get(r)) {
        return Ok(source);
    }
    let Some(text) = vm.as_str(source).map(str::to_string) else {
        let msg = "compile() arg 1 must be a string, bytes or AST object";
        return Err(vm.type_error(msg));
    };
    if text.contains('\0') {
        return Err(vm.err(
            ExcKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    let code = vm.compile_source(&text, &filename, mode)?;
    let data = vm.load_code(code);
    Ok(Value::Obj(vm.alloc(Object::Code(data))))
}

/// `exec(source, globals=None, locals=None)`.
fn exec(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.run_source_or_code("exec", args, kw, CompileMode::Exec)?;
    Ok(Value::None)
}

/// `eval(source, globals=None, locals=None)`.
fn eval(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.run_source_or_code("eval", args, kw, CompileMode::Eval)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn import(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    let arg = |i: usize| {
        args.get(i)
            .copied()
            .or_else(|| kw.iter().find(|(k, _)| &**k == NAMES[i]).map(|(_, v)| *v))
    };
    let Some(name) = arg(0) else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(name) = vm.as_str(name).map(str::to_string) else {
        let msg = format!(
            "__import__() argument 1 must be str, not {}",
            vm.type_name(name)
        );
        return Err(vm.type_error(msg));
    };
    let globals = arg(1)
        .and_then(|g| g.as_obj())
        .filter(|&g| matches!(vm.heap.get(g), Object::Dict(_)));
    let fromlist = arg(3).unwrap_or(Value::None);
    let level = match arg(4) {
        Some(l) => vm.int_arg(l)?,
        None => 0,
    };
    vm.import(&name, globals, fromlist, level)
}

fn globals(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("globals", args, 0, 0)?;
    Ok(Value::Obj(vm.frame().globals))
}

fn locals(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("locals", args, 0, 0)?;
    Ok(Value::Obj(vm.frame_locals()))
}

/// `vars()` is `locals()`; `vars(obj)` is `obj.__dict__`.
fn vars(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("vars", args, 0, 1)?;
    let Some(&obj) = args.first() else {
        return Ok(Value::Obj(vm.frame_locals()));
    };
    match vm.get_attr(obj, "__dict__") {
        Ok(d) => Ok(d),
        Err(e) if vm.exc_matches(e, vm.exc_class(ExcKind::AttributeError)) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

/// `dir()`: the sorted names of the current scope; `dir(obj)`: `obj.__dir__()` sorted,
/// by default the names in the object's `__dict__` and its class's MRO.
fn dir(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("dir", args, 0, 1)?;
    let names = match args.first() {
        None => {
            let l = vm.frame_locals();
            vm.dict_ref(l).iter().map(|(k, _)| k).collect()
        }
        Some(&obj) => {
            let t = vm.type_of(obj);
            if vm.is_user_type(t)
                && vm
                    .lookup_in_type(t, "__dir__")
                    .is_some_and(|d| vm.descr(d).is_none())
            {
                let listed = vm.call_special(obj, "__dir__", &[])?.unwrap_or(Value::None);
                vm.collect_iterable(listed)?
            } else {
                default_dir(vm, obj)
            }
        }
    };
    let mut names = names;
    vm.sort_values(&mut names, None, false)?;
    Ok(vm.new_list(names))
}

/// The names `object.__dir__` lists: the object's own namespace, then every class of
/// its MRO (for a class, its own MRO; for a module, just its namespace).
fn default_dir(vm: &mut Vm, obj: Value) -> Vec<Value> {
    let mut dicts = Vec::new();
    let own_class = vm.as_type(obj);
    // A bound method lists its function's attributes too, which it forwards.
    let namespace_owner = match obj.as_obj().map(|r| vm.heap.get(r)) {
        Some(&Object::Method(f, _)) => f,
        _ => obj,
    };
    if let Some(d) = namespace_owner
        .as_obj()
        .and_then(|r| vm.instance_dict(r, false))
    {
        dicts.push(d);
    }
    if vm.as_module(obj).is_none() {
        let class = own_class.unwrap_or_else(|| vm.type_of(obj));
        let classes: Vec<ObjRef> = std::iter::once(class)
            .chain(vm.mro_of(class).iter().copied())
            .collect();
        dicts.extend(classes.into_iter().map(|c| vm.class_dict(c)));
    }
    let mut seen = std::collections::HashSet::new();
    let mut names = Vec::new();
    for d in dicts {
        for (k, _) in vm.dict_ref(d).iter() {
            if let Some(text) = vm.as_str(k) {
                if seen.insert(text.to_string()) {
                    names.push(k);
                }
            }
        }
    }
    names
}
