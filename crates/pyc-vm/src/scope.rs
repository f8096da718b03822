//! Variable access beyond fast locals: globals, builtins, the module/class locals
//! mapping, and cells (`LOAD_DEREF` and friends).

use pyc_bytecode::fast_kind;

use crate::objects::{CodeData, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// What a `LOAD_GLOBAL` name resolved to, valid while the globals dict it was found
/// through and the builtins dict keep the versions recorded. Dict versions are never
/// reused, so the cached value is still reachable whenever the entry matches: it needs
/// no rooting.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GlobalCacheEntry {
    globals: ObjRef,
    versions: (u64, u64),
    value: Value,
}

impl Vm {
    /// Looks up the str object `name` in a dict (identity first, then text).
    pub(crate) fn dict_get_name(&self, d: ObjRef, name: ObjRef) -> Option<Value> {
        self.dict_find_name(d, name)
            .map(|i| self.dict_ref(d).value_at(i))
    }

    /// The entry index of the str object `name` in a dict (identity first, then text).
    pub(crate) fn dict_find_name(&self, d: ObjRef, name: ObjRef) -> Option<usize> {
        let Object::Str(s) = self.heap.get(name) else {
            return None;
        };
        self.dict_ref(d).find(s.hash, |k| {
            k.as_obj() == Some(name) || self.as_str(k) == Some(&s.s)
        })
    }

    /// `d[name] = v` for an interned str `name` (identity compare, cached hash); returns
    /// the entry index the value now has.
    pub(crate) fn dict_set_name(&mut self, d: ObjRef, name: ObjRef, v: Value) -> usize {
        match self.dict_find_name(d, name) {
            Some(i) => {
                self.dict_mut(d).set_value_at(i, v);
                i
            }
            None => {
                let hash = match self.heap.get(name) {
                    Object::Str(s) => s.hash,
                    _ => unreachable!("names are str objects"),
                };
                self.dict_mut(d).insert_new(hash, Value::Obj(name), v)
            }
        }
    }

    /// `LOAD_GLOBAL`'s fast path: when the instruction's cache entry is still current,
    /// writes `[NULL] value` at `stack[at..]` (which must exist) and returns how many
    /// values it wrote; 0 sends the lookup down [`Vm::load_global`].
    #[inline]
    pub(crate) fn push_cached_global(&mut self, at: usize, code: &CodeData, arg: usize) -> usize {
        let Some(entry) = code.global_cache[arg >> 1].get() else {
            return 0;
        };
        let globals = self.frame().globals;
        if entry.globals != globals
            || entry.versions.0 != self.dict_ref(globals).version()
            || entry.versions.1 != self.dict_ref(self.builtins).version()
        {
            return 0;
        }
        let with_null = arg & 1;
        self.stack[at] = Value::Null;
        self.stack[at + with_null] = entry.value;
        1 + with_null
    }

    /// `LOAD_GLOBAL`: globals, then builtins; pushes `NULL` first when `arg & 1`.
    /// The answer is cached per name with the versions of both dicts, so repeated
    /// lookups of an unchanged global cost two version checks.
    pub(crate) fn load_global(&mut self, code: &CodeData, arg: usize) -> PyResult<()> {
        let index = arg >> 1;
        let globals = self.frame().globals;
        let versions = (
            self.dict_ref(globals).version(),
            self.dict_ref(self.builtins).version(),
        );
        let cached = code.global_cache[index]
            .get()
            .filter(|e| e.globals == globals && e.versions == versions);
        let v = match cached {
            Some(entry) => entry.value,
            None => {
                let name = code.names[index];
                let found = self
                    .dict_get_name(globals, name)
                    .or_else(|| self.dict_get_name(self.builtins, name));
                let Some(value) = found else {
                    return Err(self.name_error(&code.code.names[index]));
                };
                code.global_cache[index].set(Some(GlobalCacheEntry {
                    globals,
                    versions,
                    value,
                }));
                value
            }
        };
        if arg & 1 != 0 {
            self.push(Value::Null);
        }
        self.push(v);
        Ok(())
    }

    /// `LOAD_NAME`: the locals mapping, globals, then builtins.
    pub(crate) fn load_name(&mut self, name: ObjRef) -> PyResult<()> {
        let f = self.frame();
        let (locals, globals) = (f.locals, f.globals);
        let found = locals
            .and_then(|l| self.dict_get_name(l, name))
            .or_else(|| self.dict_get_name(globals, name))
            .or_else(|| self.dict_get_name(self.builtins, name));
        match found {
            Some(v) => {
                self.push(v);
                Ok(())
            }
            None => {
                let text = self.as_str(Value::Obj(name)).unwrap_or("").to_string();
                Err(self.name_error(&text))
            }
        }
    }

    /// Removes `name` from a namespace dict (`NameError` if absent).
    pub(crate) fn delete_name_in(&mut self, d: ObjRef, name: ObjRef) -> PyResult<()> {
        match self.dict_del(d, Value::Obj(name))? {
            Some(_) => Ok(()),
            None => {
                let text = self.as_str(Value::Obj(name)).unwrap_or("").to_string();
                Err(self.name_error(&text))
            }
        }
    }

    /// The contents of a cell (`Null` when empty).
    #[inline]
    pub fn cell_get(&self, cell: Value) -> Value {
        match cell {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Cell(v) => *v,
                _ => Value::Null,
            },
            _ => Value::Null,
        }
    }

    /// Replaces the contents of a cell.
    #[inline]
    pub(crate) fn cell_set(&mut self, cell: Value, v: Value) {
        if let Value::Obj(r) = cell {
            if let Object::Cell(c) = self.heap.get_mut(r) {
                *c = v;
            }
        }
    }

    /// The error for an empty cell in slot `i`: free variables get `NameError`, the
    /// frame's own cells `UnboundLocalError`.
    #[cold]
    pub(crate) fn unbound_deref(&mut self, code: &CodeData, i: usize) -> ObjRef {
        let name = code.code.localsplus_names[i].clone();
        if code.code.localsplus_kinds[i] & fast_kind::FREE != 0 {
            self.unbound_free(&name)
        } else {
            self.unbound_local(&name)
        }
    }

    /// `COPY_FREE_VARS n`: the running function's closure cells into `stack[start..]`.
    pub(crate) fn copy_free_vars(&mut self, start: usize, n: usize) {
        let Some(func) = self.frame().func else {
            return;
        };
        let Object::Function(f) = self.heap.get(func) else {
            return;
        };
        let Some(closure) = f.closure else { return };
        self.copy_cells(closure, start, n);
    }

    /// `MAKE_CELL`: replaces the value in `stack[slot]` with a new cell holding it.
    // Kept out of line so the dispatch loop's hot path stays small.
    #[inline(never)]
    pub(crate) fn make_cell(&mut self, slot: usize) {
        let cell = self.heap.alloc(Object::Cell(self.stack[slot]));
        self.stack[slot] = Value::Obj(cell);
    }

    /// Copies the first `n` cells of the closure tuple `closure` into `stack[start..]`.
    // Inlined into the call fast path; most closures capture one variable, and moving it
    // directly beats both a loop and a call to `memcpy`.
    #[inline(always)]
    pub(crate) fn copy_cells(&mut self, closure: ObjRef, start: usize, n: usize) {
        if let Object::Tuple(cells) = self.heap.get(closure) {
            match (n, &cells[..]) {
                (1, [cell, ..]) => self.stack[start] = *cell,
                _ => {
                    let n = n.min(cells.len());
                    self.stack[start..start + n].copy_from_slice(&cells[..n]);
                }
            }
        }
    }

    /// `LOAD_CLASSDEREF i`: the class body's locals mapping first, then the cell.
    pub(crate) fn load_classderef(
        &mut self,
        code: &CodeData,
        base: usize,
        i: usize,
    ) -> PyResult<()> {
        let name = code.code.localsplus_names[i].clone();
        if let Some(locals) = self.frame().locals {
            if let Some(v) = self.dict_get_str(locals, &name) {
                self.push(v);
                return Ok(());
            }
        }
        match self.cell_get(self.stack[base + i]) {
            Value::Null => Err(self.unbound_deref(code, i)),
            v => {
                self.push(v);
                Ok(())
            }
        }
    }
}
