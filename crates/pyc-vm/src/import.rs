//! The import system, as CPython's `importlib._bootstrap` behaves: `IMPORT_NAME`,
//! `IMPORT_FROM`, `IMPORT_STAR` and `__import__`.
//!
//! A dotted name is imported parent first. Each module is looked up in `sys.modules`,
//! else found: a top-level name among the *native modules* the embedder registered
//! ([`Vm::add_native_module`]), then along a search path — `sys.path` for top-level
//! modules, the parent package's `__path__` for submodules. A path entry is a folder
//! (`NAME/__init__.py` is a package, `NAME.py` a module, a folder without `__init__.py`
//! a namespace package if nothing else matches) or [`LIBRARY_ENTRY`], the Python
//! modules embedded in the binary ([`Vm::add_library_module`]). The module enters
//! `sys.modules` before its body runs (so a circular import sees it partly
//! initialised), leaves it again if the body raises, and becomes an attribute of its
//! parent package once it ran.

use std::collections::HashMap;
use std::rc::Rc;

use crate::exceptions::ExcKind;
use crate::frame::{Frame, FrameKind};
use crate::host::CompileMode;
use crate::objects::CodeData;
use crate::traceback::Uncaught;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The `sys.path` entry that stands for the Python modules embedded in the binary.
pub const LIBRARY_ENTRY: &str = "<pyc-lib>";

/// Fills a native module's namespace: called once, on its first import.
pub type NativeModuleInit = fn(&mut Vm, ObjRef) -> PyResult<()>;

/// A Python module embedded in the binary.
#[derive(Clone, Copy)]
pub(crate) struct LibraryModule {
    source: &'static str,
    is_package: bool,
}

/// The modules the embedder registered.
#[derive(Default)]
pub(crate) struct Registry {
    native: HashMap<&'static str, NativeModuleInit>,
    library: HashMap<&'static str, LibraryModule>,
}

/// Where a module's code was found.
enum Found {
    Native(NativeModuleInit),
    Source {
        source: Rc<str>,
        file: String,
        /// For a package, its `__path__` entry.
        package_dir: Option<String>,
    },
    Namespace(Vec<String>),
}

impl Vm {
    /// Registers a module implemented in Rust: `import name` makes a module and lets
    /// `init` fill it.
    pub fn add_native_module(&mut self, name: &'static str, init: NativeModuleInit) {
        self.registry.native.insert(name, init);
    }

    /// Registers a module written in Python and embedded in the binary, found through
    /// the [`LIBRARY_ENTRY`] of `sys.path`; `is_package` for a package's `__init__`.
    pub fn add_library_module(
        &mut self,
        name: &'static str,
        source: &'static str,
        is_package: bool,
    ) {
        self.registry
            .library
            .insert(name, LibraryModule { source, is_package });
    }

    /// `IMPORT_NAME`: `level fromlist` -> `module`.
    pub(crate) fn import_name_op(&mut self, name: ObjRef) -> PyResult<()> {
        let fromlist = self.pop();
        let level = self.pop();
        let name = self.as_str(Value::Obj(name)).unwrap_or("").to_string();
        let level = match level {
            Value::Int(n) => n,
            _ => 0,
        };
        let globals = self.frame().globals;
        let module = self.import(&name, Some(globals), fromlist, level)?;
        self.push(module);
        Ok(())
    }

    /// `__import__(name, globals, locals, fromlist, level)`.
    pub(crate) fn import(
        &mut self,
        name: &str,
        globals: Option<ObjRef>,
        fromlist: Value,
        level: i64,
    ) -> PyResult<Value> {
        if level < 0 {
            return Err(self.value_error("level must be >= 0"));
        }
        let absolute = if level > 0 {
            self.resolve_relative(name, globals, level)?
        } else {
            name.to_string()
        };
        if absolute.is_empty() {
            return Err(self.value_error("Empty module name"));
        }
        let module = self.import_absolute(&absolute)?;
        let from: Vec<Value> = match fromlist {
            Value::None | Value::Null => Vec::new(),
            v => self.collect_iterable(v)?,
        };
        if from.is_empty() {
            if name.is_empty() {
                return Ok(module);
            }
            // The top-level package of what was named: `import a.b` binds `a`.
            let first = name.split('.').next().unwrap_or(name);
            let cut = name.len() - first.len();
            let top = &absolute[..absolute.len() - cut];
            return self
                .sys_module(top)
                .ok_or_else(|| self.err(ExcKind::KeyError, format!("'{top}'")));
        }
        if self.has_path(module) {
            self.import_from_list(module, &absolute, &from)?;
        }
        Ok(module)
    }

    /// The absolute name of a relative import from the module whose globals are given.
    fn resolve_relative(
        &mut self,
        name: &str,
        globals: Option<ObjRef>,
        level: i64,
    ) -> PyResult<String> {
        let text = |vm: &Vm, key: &str| {
            globals
                .and_then(|g| vm.dict_get_str(g, key))
                .and_then(|v| vm.as_str(v).map(str::to_string))
        };
        let package = match text(self, "__package__") {
            Some(p) => p,
            None => {
                let module = text(self, "__name__").unwrap_or_default();
                let is_package =
                    globals.is_some_and(|g| self.dict_get_str(g, "__path__").is_some());
                if is_package {
                    module
                } else {
                    module
                        .rsplit_once('.')
                        .map_or(String::new(), |(p, _)| p.to_string())
                }
            }
        };
        if package.is_empty() {
            return Err(self.err(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        let parts: Vec<&str> = package.rsplitn(level as usize, '.').collect();
        if parts.len() < level as usize {
            return Err(self.err(
                ExcKind::ImportError,
                "attempted relative import beyond top-level package",
            ));
        }
        let base = parts.last().copied().unwrap_or("");
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    /// `from package import a, b`: imports each name that is not an attribute yet as a
    /// submodule (`*` stands for the package's `__all__`).
    fn import_from_list(&mut self, module: Value, absolute: &str, from: &[Value]) -> PyResult<()> {
        for &item in from {
            let Some(name) = self.as_str(item).map(str::to_string) else {
                let msg = format!(
                    "Item in {absolute}.__all__ must be str, not {}",
                    self.type_name(item)
                );
                return Err(self.type_error(msg));
            };
            if name == "*" {
                if let Ok(all) = self.get_attr(module, "__all__") {
                    let names = self.collect_iterable(all)?;
                    self.import_from_list(module, absolute, &names)?;
                }
                continue;
            }
            if self.has_attr(module, &name)? {
                continue;
            }
            let sub = format!("{absolute}.{name}");
            match self.import_absolute(&sub) {
                Ok(_) => {}
                Err(e) if self.is_missing_module(e, &sub) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Whether `e` is the `ModuleNotFoundError` for exactly `name`.
    fn is_missing_module(&mut self, e: ObjRef, name: &str) -> bool {
        self.exc_matches(e, self.exc_class(ExcKind::ModuleNotFoundError))
            && self
                .instance_dict(e, false)
                .and_then(|d| self.dict_get_str(d, "name"))
                .and_then(|v| self.as_str(v))
                == Some(name)
    }

    /// Whether `obj.name` exists (`AttributeError` means no).
    fn has_attr(&mut self, obj: Value, name: &str) -> PyResult<bool> {
        match self.get_attr(obj, name) {
            Ok(_) => Ok(true),
            Err(e) if self.exc_matches(e, self.exc_class(ExcKind::AttributeError)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Whether a module is a package (has `__path__`).
    fn has_path(&self, module: Value) -> bool {
        self.as_module(module)
            .is_some_and(|m| self.dict_get_str(self.module_dict(m), "__path__").is_some())
    }

    /// `sys.modules[name]`, if present.
    pub(crate) fn sys_module(&self, name: &str) -> Option<Value> {
        self.dict_get_str(self.sys_modules, name)
    }

    /// Imports a module by its absolute dotted name, parents first.
    pub(crate) fn import_absolute(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.sys_module(name) {
            if matches!(m, Value::None) {
                let msg = format!("import of {name} halted; None in sys.modules");
                return Err(self.module_not_found(msg, name));
            }
            return Ok(m);
        }
        let (parent, search) = match name.rsplit_once('.') {
            Some((parent, _)) => {
                let parent_module = self.import_absolute(parent)?;
                if let Some(m) = self.sys_module(name) {
                    return Ok(m);
                }
                let path = self.get_attr(parent_module, "__path__").ok();
                let Some(path) = path else {
                    let msg = format!("No module named '{name}'; '{parent}' is not a package");
                    return Err(self.module_not_found(msg, name));
                };
                (Some((parent_module, parent)), self.path_entries(path)?)
            }
            None => {
                if let Some(&init) = self.registry.native.get(name) {
                    return self.load_found(name, Found::Native(init), None);
                }
                let path = self.get_attr(Value::Obj(self.sys), "path")?;
                (None, self.path_entries(path)?)
            }
        };
        let tail = name.rsplit('.').next().unwrap_or(name);
        let Some(found) = self.find_module(name, tail, &search) else {
            let msg = format!("No module named '{name}'");
            return Err(self.module_not_found(msg, name));
        };
        self.load_found(name, found, parent)
    }

    /// The str entries of a search path list.
    fn path_entries(&mut self, path: Value) -> PyResult<Vec<String>> {
        let items = self.collect_iterable(path)?;
        Ok(items
            .into_iter()
            .filter_map(|v| self.as_str(v).map(str::to_string))
            .collect())
    }

    /// Looks for module `name` (last part `tail`) along `path`.
    fn find_module(&self, name: &str, tail: &str, path: &[String]) -> Option<Found> {
        let mut namespace = Vec::new();
        for entry in path {
            // The library, or a package's folder inside it: modules are looked up by
            // their whole name.
            let in_library = entry
                .strip_prefix(LIBRARY_ENTRY)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            if in_library {
                if let Some(m) = self.registry.library.get(name) {
                    let rel = name.replace('.', "/");
                    let (file, package_dir) = if m.is_package {
                        (
                            format!("{LIBRARY_ENTRY}/{rel}/__init__.py"),
                            Some(format!("{LIBRARY_ENTRY}/{rel}")),
                        )
                    } else {
                        (format!("{LIBRARY_ENTRY}/{rel}.py"), None)
                    };
                    return Some(Found::Source {
                        source: Rc::from(m.source),
                        file,
                        package_dir,
                    });
                }
                continue;
            }
            let dir = if entry.is_empty() {
                "."
            } else {
                entry.as_str()
            };
            let base = std::path::Path::new(dir).join(tail);
            let init = base.join("__init__.py");
            if init.is_file() {
                if let Ok(source) = std::fs::read_to_string(&init) {
                    return Some(Found::Source {
                        source: Rc::from(source),
                        file: init.display().to_string(),
                        package_dir: Some(base.display().to_string()),
                    });
                }
            }
            let file = base.with_extension("py");
            if file.is_file() {
                if let Ok(source) = std::fs::read_to_string(&file) {
                    return Some(Found::Source {
                        source: Rc::from(source),
                        file: file.display().to_string(),
                        package_dir: None,
                    });
                }
            }
            if base.is_dir() {
                namespace.push(base.display().to_string());
            }
        }
        (!namespace.is_empty()).then_some(Found::Namespace(namespace))
    }

    /// Makes, registers and runs the module `name` from what was found.
    fn load_found(
        &mut self,
        name: &str,
        found: Found,
        parent: Option<(Value, &str)>,
    ) -> PyResult<Value> {
        let module = self.new_module(name);
        let dict = self.module_dict(module);
        let builtins = Value::Obj(self.builtins);
        self.dict_set_str(dict, "__builtins__", builtins);
        let result = self.fill_module(
            name,
            module,
            found,
            parent.map_or(String::new(), |(_, p)| p.to_string()),
        );
        if let Err(e) = result {
            let key = self.new_str(name);
            let _ = self.dict_del(self.sys_modules, key);
            return Err(e);
        }
        let module = self.sys_module(name).unwrap_or(Value::Obj(module));
        if let Some((parent_module, parent_name)) = parent {
            let tail = &name[parent_name.len() + 1..];
            self.set_attr(parent_module, tail, module)?;
        }
        Ok(module)
    }

    /// Sets a new module's attributes, registers it in `sys.modules` and runs its code.
    fn fill_module(
        &mut self,
        name: &str,
        module: ObjRef,
        found: Found,
        parent_name: String,
    ) -> PyResult<()> {
        let dict = self.module_dict(module);
        let key = self.new_str(name);
        match found {
            Found::Native(init) => {
                let package = self.new_str(String::new());
                self.dict_set_str(dict, "__package__", package);
                let origin = self.new_str("built-in");
                let spec = self.module_spec(name, origin, Value::None, "")?;
                self.dict_set_str(dict, "__spec__", spec);
                self.dict_set(self.sys_modules, key, Value::Obj(module))?;
                init(self, module)
            }
            Found::Namespace(dirs) => {
                let package = self.new_str(name);
                self.dict_set_str(dict, "__package__", package);
                let dirs = dirs.into_iter().map(|d| self.new_str(d)).collect();
                let path = self.new_list(dirs);
                self.dict_set_str(dict, "__path__", path);
                let spec = self.module_spec(name, Value::None, path, name)?;
                self.dict_set_str(dict, "__spec__", spec);
                self.dict_set(self.sys_modules, key, Value::Obj(module))
            }
            Found::Source {
                source,
                file,
                package_dir,
            } => {
                let package_name = if package_dir.is_some() {
                    name.to_string()
                } else {
                    parent_name
                };
                let package = self.new_str(package_name.as_str());
                self.dict_set_str(dict, "__package__", package);
                let file_value = self.new_str(file.as_str());
                self.dict_set_str(dict, "__file__", file_value);
                let mut locations = Value::None;
                if let Some(dir) = package_dir {
                    let dir = self.new_str(dir);
                    locations = self.new_list(vec![dir]);
                    self.dict_set_str(dict, "__path__", locations);
                }
                let spec = self.module_spec(name, file_value, locations, &package_name)?;
                self.dict_set_str(dict, "__spec__", spec);
                self.dict_set(self.sys_modules, key, Value::Obj(module))?;
                self.add_source(&file, &source);
                self.initializing.push(module);
                let ran = self
                    .compile_source(&source, &file, CompileMode::Exec)
                    .and_then(|code| {
                        let code = self.load_code(code);
                        self.run_code(code, dict, dict)
                    });
                self.initializing.retain(|&m| m != module);
                ran.map(drop)
            }
        }
    }

    /// A module's `__spec__`: a `ModuleSpec` with `name`, `origin` (the file),
    /// `submodule_search_locations` (a package's `__path__`), `parent`, `has_location`,
    /// `loader` and `cached`.
    fn module_spec(
        &mut self,
        name: &str,
        origin: Value,
        locations: Value,
        parent: &str,
    ) -> PyResult<Value> {
        let class = match self.module_spec_class {
            Some(c) => c,
            None => {
                let ns = self.new_dict();
                let module = self.new_str("_frozen_importlib");
                self.dict_set_str(ns, "__module__", module);
                let c = self.create_class("ModuleSpec", &[], ns)?;
                self.module_spec_class = Some(c);
                c
            }
        };
        let dict = self.new_dict();
        let name = self.new_str(name);
        let parent = self.new_str(parent);
        let has_location = Value::Bool(self.as_str(origin).is_some_and(|o| !o.starts_with('<')));
        for (key, v) in [
            ("name", name),
            ("loader", Value::None),
            ("origin", origin),
            ("submodule_search_locations", locations),
            ("loader_state", Value::None),
            ("cached", Value::None),
            ("parent", parent),
            ("has_location", has_location),
        ] {
            self.dict_set_str(dict, key, v);
        }
        Ok(self.new_instance(class, dict))
    }

    /// `ModuleNotFoundError(msg)` with its `name` attribute.
    fn module_not_found(&mut self, msg: String, name: &str) -> ObjRef {
        let exc = self.err(ExcKind::ModuleNotFoundError, msg);
        let name = self.new_str(name);
        if let Some(d) = self.instance_dict(exc, true) {
            self.dict_set_str(d, "name", name);
        }
        exc
    }

    /// Runs module-level code (a module body, or what `exec`/`eval` run) with the given
    /// namespaces in a nested dispatch loop, returning what the code returns.
    pub(crate) fn run_code(
        &mut self,
        code: Rc<CodeData>,
        globals: ObjRef,
        locals: ObjRef,
    ) -> PyResult<Value> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.err(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        self.check_native_depth()?;
        let base = self.sp;
        self.resize_stack(base + code.nlocalsplus);
        self.frames.push(Frame {
            code,
            pc: 0,
            base,
            func: None,
            globals,
            locals: Some(locals),
            ret_base: base,
            is_entry: true,
            kind: FrameKind::Call,
        });
        self.run_nested(None)
    }

    /// `IMPORT_FROM name`: `module` -> `module attr`; a submodule not yet bound as an
    /// attribute is taken from `sys.modules`.
    pub(crate) fn import_from_op(&mut self, name: ObjRef) -> PyResult<()> {
        let module = self.top();
        let name = self.as_str(Value::Obj(name)).unwrap_or("").to_string();
        match self.get_attr(module, &name) {
            Ok(v) => {
                self.push(v);
                return Ok(());
            }
            Err(e) if self.exc_matches(e, self.exc_class(ExcKind::AttributeError)) => {}
            Err(e) => return Err(e),
        }
        let module_name = match self.get_attr(module, "__name__") {
            Ok(v) => self.as_str(v).map(str::to_string),
            Err(_) => None,
        };
        if let Some(m) = &module_name {
            if let Some(sub) = self.sys_module(&format!("{m}.{name}")) {
                self.push(sub);
                return Ok(());
            }
        }
        let module_name = module_name.unwrap_or_else(|| "<unknown module name>".to_string());
        let file = self
            .get_attr(module, "__file__")
            .ok()
            .and_then(|v| self.as_str(v).map(str::to_string));
        let location = file
            .clone()
            .unwrap_or_else(|| "unknown location".to_string());
        let partial = module
            .as_obj()
            .is_some_and(|m| self.initializing.contains(&m));
        let msg = if partial {
            format!(
                "cannot import name '{name}' from partially initialized module '{module_name}' \
                 (most likely due to a circular import) ({location})"
            )
        } else {
            format!("cannot import name '{name}' from '{module_name}' ({location})")
        };
        let exc = self.err(ExcKind::ImportError, msg);
        let name_value = self.new_str(module_name);
        let path_value = match file {
            Some(f) => self.new_str(f),
            None => Value::None,
        };
        if let Some(d) = self.instance_dict(exc, true) {
            self.dict_set_str(d, "name", name_value);
            self.dict_set_str(d, "path", path_value);
        }
        Err(exc)
    }

    /// `IMPORT_STAR`: `module` -> ``, binding its public names (or `__all__`) in the
    /// current namespace.
    pub(crate) fn import_star_op(&mut self) -> PyResult<()> {
        let module = self.pop();
        let f = self.frame();
        let locals = f.locals.unwrap_or(f.globals);
        let (names, from_all) = match self.get_attr(module, "__all__") {
            Ok(all) => (self.collect_iterable(all)?, true),
            Err(_) => {
                let Some(dict) = module.as_obj().and_then(|m| self.instance_dict(m, false)) else {
                    return Err(self.err(
                        ExcKind::ImportError,
                        "from-import-* object has no __dict__ and no __all__",
                    ));
                };
                let keys: Vec<Value> = self.dict_ref(dict).iter().map(|(k, _)| k).collect();
                (keys, false)
            }
        };
        for name in names {
            let Some(text) = self.as_str(name).map(str::to_string) else {
                let module_name = self
                    .get_attr(module, "__name__")
                    .ok()
                    .and_then(|v| self.as_str(v).map(str::to_string))
                    .unwrap_or_default();
                let what = if from_all { "__all__" } else { "__dict__" };
                let msg = format!(
                    "{} in {module_name}.{what} must be str, not {}",
                    if from_all { "Item" } else { "Key" },
                    self.type_name(name)
                );
                return Err(self.type_error(msg));
            };
            if !from_all && text.starts_with('_') {
                continue;
            }
            let v = self.get_attr(module, &text)?;
            self.dict_set(locals, name, v)?;
        }
        Ok(())
    }
}

/// A module found for `pyc-run -m NAME`.
pub struct MainModule {
    /// Its file (`sys.argv[0]` and `__file__`).
    pub file: String,
    /// Its source text.
    source: Rc<str>,
    /// Its dotted name (a package's `NAME.__main__`).
    name: String,
}

impl Vm {
    /// Finds module `name` for `pyc-run -m`: on `sys.path`, or in its package (which is
    /// imported); a package stands for its `__main__` submodule. `Err` is CPython's
    /// message (`No module named x`), or an exception raised while importing a parent.
    pub fn find_main_module(&mut self, name: &str) -> Result<MainModule, Result<String, Uncaught>> {
        let search = match name.rsplit_once('.') {
            Some((parent, _)) => {
                let package = self
                    .import_absolute(parent)
                    .map_err(|e| Err(self.uncaught(e)))?;
                match self.get_attr(package, "__path__") {
                    Ok(path) => self.path_entries(path).map_err(|e| Err(self.uncaught(e)))?,
                    Err(_) => {
                        return Err(Ok(format!(
                            "Error while finding module specification for '{name}' \
                             (ModuleNotFoundError: __path__ attribute not found on '{parent}' \
                             while trying to find '{name}')"
                        )))
                    }
                }
            }
            None => {
                let path = self
                    .get_attr(Value::Obj(self.sys), "path")
                    .map_err(|e| Err(self.uncaught(e)))?;
                self.path_entries(path).map_err(|e| Err(self.uncaught(e)))?
            }
        };
        let tail = name.rsplit('.').next().unwrap_or(name);
        match self.find_module(name, tail, &search) {
            Some(Found::Source {
                source,
                file,
                package_dir: None,
            }) => Ok(MainModule {
                file,
                source,
                name: name.to_string(),
            }),
            Some(
                Found::Source {
                    package_dir: Some(_),
                    ..
                }
                | Found::Namespace(_),
            ) => {
                let main = format!("{name}.__main__");
                match self.find_main_module(&main) {
                    Err(Ok(_)) => Err(Ok(format!(
                        "No module named {main}; '{name}' is a package and cannot be directly executed"
                    ))),
                    found => found,
                }
            }
            _ => Err(Ok(format!("No module named {name}"))),
        }
    }

    /// Runs a module found by [`Vm::find_main_module`] as `__main__`.
    pub fn run_main_module(&mut self, module: MainModule) -> Result<(), Uncaught> {
        self.add_source(&module.file, &module.source);
        let globals = self.main_module(&module.file);
        let package = module
            .name
            .rsplit_once('.')
            .map_or("", |(p, _)| p)
            .to_string();
        let package_value = self.new_str(package.as_str());
        self.dict_set_str(globals, "__package__", package_value);
        let file = self.new_str(module.file.as_str());
        let spec = self.module_spec(&module.name, file, Value::None, &package);
        match spec {
            Ok(spec) => self.dict_set_str(globals, "__spec__", spec),
            Err(e) => return Err(self.uncaught(e)),
        }
        let code = match self.compile_source(&module.source, &module.file, CompileMode::Exec) {
            Ok(code) => code,
            Err(e) => return Err(self.uncaught(e)),
        };
        let code = self.load_code(code);
        self.run_main(code, globals)
    }
}
