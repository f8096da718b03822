//! An insertion-ordered hash table (CPython's compact dict layout): a dense entry vector
//! plus an open-addressing index. Key equality is supplied by the caller, since comparing
//! keys needs the heap.

use std::cell::Cell;

use crate::value::{ObjRef, Value};

const EMPTY: u32 = u32::MAX;
const TOMBSTONE: u32 = u32::MAX - 1;

/// One key/value pair; a `Null` key marks a deleted entry.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The key's hash.
    pub hash: u64,
    /// The key (`Null` once deleted).
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// CPython's probe sequence over a power-of-two table: `i = 5*i + 1 + perturb`, with
/// the hash's high bits shifted into `perturb`, so keys with patterned hashes (ints hash
/// to themselves) do not pile up in long runs as they would with linear probing.
struct Probe {
    i: usize,
    perturb: u64,
    mask: usize,
}

impl Probe {
    fn new(hash: u64, size: usize) -> Probe {
        let mask = size - 1;
        Probe {
            i: hash as usize & mask,
            perturb: hash,
            mask,
        }
    }
}

impl Iterator for Probe {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        let current = self.i;
        self.perturb >>= 5;
        self.i = (self.i.wrapping_mul(5) + 1 + self.perturb as usize) & self.mask;
        Some(current)
    }
}

/// A fresh version number. Every dict takes one when it is made, cloned or changed, all
/// from one counter, so a `(dict, version)` pair names one exact content (CPython's
/// `ma_version_tag`): caches keyed by it can never see stale data, even when a freed
/// dict's slot is reused. The counter is per thread, as a VM and its dicts never leave
/// the thread that made them; a plain thread-local add is far cheaper than an atomic one,
/// and every attribute store pays it.
fn next_version() -> u64 {
    thread_local! {
        static VERSION: Cell<u64> = const { Cell::new(1) };
    }
    VERSION.with(|v| {
        let n = v.get();
        v.set(n + 1);
        n
    })
}

/// An insertion-ordered hash map from values to values.
pub struct Dict {
    entries: Vec<Entry>,
    table: Vec<u32>,
    len: usize,
    version: u64,
}

impl Default for Dict {
    fn default() -> Dict {
        Dict::new()
    }
}

impl Clone for Dict {
    fn clone(&self) -> Dict {
        Dict {
            entries: self.entries.clone(),
            table: self.table.clone(),
            len: self.len,
            version: next_version(),
        }
    }
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict {
            entries: Vec::new(),
            table: Vec::new(),
            len: 0,
            version: next_version(),
        }
    }

    /// The dict's current version: it changes whenever the dict does.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Finds the entry with this hash whose key satisfies `eq`: `(table slot, entry index)`.
    fn find_slot(&self, hash: u64, mut eq: impl FnMut(Value) -> bool) -> Option<(usize, usize)> {
        if self.table.is_empty() {
            return None;
        }
        for i in Probe::new(hash, self.table.len()) {
            match self.table[i] {
                EMPTY => return None,
                TOMBSTONE => {}
                idx => {
                    let e = &self.entries[idx as usize];
                    if e.hash == hash && eq(e.key) {
                        return Some((i, idx as usize));
                    }
                }
            }
        }
        unreachable!("a probe sequence visits every slot, and the table always has an empty one")
    }

    /// The entry index of the key with this hash satisfying `eq`.
    pub fn find(&self, hash: u64, eq: impl FnMut(Value) -> bool) -> Option<usize> {
        self.find_slot(hash, eq).map(|(_, i)| i)
    }

    /// The entries whose key has this hash, in probe order: `(entry index, key)`.
    pub fn keys_with_hash(&self, hash: u64) -> Vec<(usize, Value)> {
        let mut out = Vec::new();
        if self.table.is_empty() {
            return out;
        }
        for i in Probe::new(hash, self.table.len()) {
            match self.table[i] {
                EMPTY => break,
                TOMBSTONE => {}
                idx => {
                    let e = &self.entries[idx as usize];
                    if e.hash == hash {
                        out.push((idx as usize, e.key));
                    }
                }
            }
        }
        out
    }

    /// The value at entry index `i` (as returned by [`Dict::find`]).
    pub fn value_at(&self, i: usize) -> Value {
        self.entries[i].value
    }

    /// The value at entry index `i` if that entry's key is the object `key`: checks a
    /// remembered position, which may be stale (then `None`), without hashing or probing.
    #[inline]
    pub fn value_if_key_at(&self, i: usize, key: ObjRef) -> Option<&Value> {
        let e = self.entries.get(i)?;
        (e.key.as_obj() == Some(key)).then_some(&e.value)
    }

    /// The value at entry index `i`, to be replaced, if that entry's key is the object
    /// `key` (a remembered position, as [`Dict::value_if_key_at`]); the dict counts as
    /// changed.
    #[inline]
    pub fn value_mut_if_key_at(&mut self, i: usize, key: ObjRef) -> Option<&mut Value> {
        let e = self.entries.get_mut(i)?;
        if e.key.as_obj() != Some(key) {
            return None;
        }
        self.version = next_version();
        Some(&mut e.value)
    }

    /// Replaces the value at entry index `i`.
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        self.entries[i].value = v;
        self.version = next_version();
    }

    /// Appends a key known to be absent; returns its entry index.
    pub fn insert_new(&mut self, hash: u64, key: Value, value: Value) -> usize {
        if (self.entries.len() + 1) * 3 > self.table.len() * 2 {
            self.rebuild();
        }
        let idx = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        self.version = next_version();
        let slot = Probe::new(hash, self.table.len())
            .find(|&i| self.table[i] == EMPTY || self.table[i] == TOMBSTONE)
            .expect("the table always has a free slot");
        self.table[slot] = idx;
        idx as usize
    }

    /// Removes the key with this hash satisfying `eq`, returning its entry.
    pub fn remove(&mut self, hash: u64, eq: impl FnMut(Value) -> bool) -> Option<Entry> {
        let (slot, idx) = self.find_slot(hash, eq)?;
        self.table[slot] = TOMBSTONE;
        let e = self.entries[idx];
        self.entries[idx].key = Value::Null;
        self.entries[idx].value = Value::Null;
        self.len -= 1;
        self.version = next_version();
        Some(e)
    }

    /// Removes and returns the last-inserted item.
    pub fn pop_last(&mut self) -> Option<Entry> {
        let idx = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let e = self.entries[idx];
        self.remove(e.hash, |k| k.is_same(e.key))
    }

    /// Compacts the entries and resizes the index for the current item count.
    fn rebuild(&mut self) {
        self.entries.retain(|e| !e.key.is_null());
        let mut cap = 8;
        while cap * 2 < (self.entries.len() + 1) * 3 {
            cap *= 2;
        }
        self.table = vec![EMPTY; cap];
        for (idx, e) in self.entries.iter().enumerate() {
            let slot = Probe::new(e.hash, cap)
                .find(|&i| self.table[i] == EMPTY)
                .expect("the table always has a free slot");
            self.table[slot] = idx as u32;
        }
    }

    /// Removes every item.
    pub fn clear(&mut self) {
        *self = Dict::new();
    }

    /// The items in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (e.key, e.value))
    }

    /// Raw entries in insertion order, including deleted ones (for iterators).
    pub fn raw_len(&self) -> usize {
        self.entries.len()
    }

    /// The item at raw index `i`, or `None` if that entry was deleted.
    pub fn raw_at(&self, i: usize) -> Option<Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null()).copied()
    }
}

impl crate::vm::Vm {
    /// The table of a dict or set object.
    pub(crate) fn dict_ref(&self, d: crate::value::ObjRef) -> &Dict {
        match self.heap.get(d) {
            crate::objects::Object::Dict(t) | crate::objects::Object::Set(t) => t,
            _ => unreachable!("not a dict"),
        }
    }

    /// The table of a dict or set object, mutably.
    pub(crate) fn dict_mut(&mut self, d: crate::value::ObjRef) -> &mut Dict {
        match self.heap.get_mut(d) {
            crate::objects::Object::Dict(t) | crate::objects::Object::Set(t) => t,
            _ => unreachable!("not a dict"),
        }
    }

    /// Whether `v` is a dict with no items.
    pub(crate) fn is_empty_dict(&self, v: Value) -> bool {
        v.as_obj()
            .is_some_and(|r| matches!(self.heap.get(r), Object::Dict(d) if d.is_empty()))
    }

    /// Number of items of a dict or set.
    pub fn dict_len(&self, d: crate::value::ObjRef) -> usize {
        self.dict_ref(d).len()
    }

    /// `d.get(key)`, raising `TypeError` for an unhashable key.
    pub fn dict_get(
        &mut self,
        d: crate::value::ObjRef,
        key: Value,
    ) -> crate::PyResult<Option<Value>> {
        let (_, found) = self.dict_lookup(d, key)?;
        Ok(found.map(|i| self.dict_ref(d).value_at(i)))
    }

    /// `d[key] = value`.
    pub fn dict_set(
        &mut self,
        d: crate::value::ObjRef,
        key: Value,
        value: Value,
    ) -> crate::PyResult<()> {
        let (h, found) = self.dict_lookup(d, key)?;
        let t = self.dict_mut(d);
        match found {
            Some(i) => t.set_value_at(i, value),
            None => {
                t.insert_new(h, key, value);
            }
        }
        Ok(())
    }

    /// Removes `key`, returning its value if it was present.
    pub fn dict_del(
        &mut self,
        d: crate::value::ObjRef,
        key: Value,
    ) -> crate::PyResult<Option<Value>> {
        let (h, found) = self.dict_lookup(d, key)?;
        let Some(entry_key) = found
            .and_then(|i| self.dict_ref(d).raw_at(i))
            .map(|e| e.key)
        else {
            return Ok(None);
        };
        Ok(self
            .dict_mut(d)
            .remove(h, |k| k.is_same(entry_key))
            .map(|e| e.value))
    }

    /// Looks up a str key by its text.
    pub fn dict_get_str(&self, d: crate::value::ObjRef, name: &str) -> Option<Value> {
        let h = crate::objects::str_hash(name);
        let t = self.dict_ref(d);
        t.find(h, |k| self.as_str(k) == Some(name))
            .map(|i| t.value_at(i))
    }

    /// Sets a str key given by its text.
    pub fn dict_set_str(&mut self, d: crate::value::ObjRef, name: &str, value: Value) {
        let h = crate::objects::str_hash(name);
        match self.dict_ref(d).find(h, |k| self.as_str(k) == Some(name)) {
            Some(i) => self.dict_mut(d).set_value_at(i, value),
            None => {
                let key = self.new_str(name);
                self.dict_mut(d).insert_new(h, key, value);
            }
        }
    }
}

use crate::builtins::Kw;
use crate::objects::descr::{MethodDef, Params};
use crate::objects::{Object, ViewKind};
use crate::vm::Vm;
use crate::PyResult;

/// `dict` methods.
pub const METHODS: &[MethodDef] = &[
    ("get", get, Params::Positional),
    ("keys", keys, Params::NoArgs),
    ("values", values, Params::NoArgs),
    ("items", items, Params::NoArgs),
    ("pop", pop, Params::Positional),
    ("popitem", popitem, Params::NoArgs),
    ("setdefault", setdefault, Params::Positional),
    ("update", update, Params::Keywords),
    ("copy", copy, Params::NoArgs),
    ("clear", clear, Params::NoArgs),
];

/// `dict` class methods.
pub const CLASS_METHODS: &[MethodDef] = &[("fromkeys", fromkeys, Params::Positional)];

/// `set` methods.
pub const SET_METHODS: &[MethodDef] = &[
    ("add", set_add, Params::One),
    ("remove", set_remove, Params::One),
    ("discard", set_discard, Params::One),
    ("update", set_update, Params::Positional),
    ("copy", copy, Params::NoArgs),
    ("clear", clear, Params::NoArgs),
];

fn this(vm: &Vm, args: &[Value]) -> ObjRef {
    vm.obj_of(args[0])
}

fn get(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("get", &args[1..], 1, 2)?;
    let d = this(vm, args);
    Ok(vm
        .dict_get(d, args[1])?
        .unwrap_or(args.get(2).copied().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, args: &[Value], kind: ViewKind) -> PyResult<Value> {
    let d = this(vm, args);
    Ok(Value::Obj(vm.alloc(Object::DictView(kind, d))))
}

fn keys(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view(vm, args, ViewKind::Keys)
}

fn values(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view(vm, args, ViewKind::Values)
}

fn items(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view(vm, args, ViewKind::Items)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("pop", &args[1..], 1, 2)?;
    let d = this(vm, args);
    match (vm.dict_del(d, args[1])?, args.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(&default)) => Ok(default),
        (None, None) => Err(vm.key_error(args[1])),
    }
}

fn popitem(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let d = this(vm, args);
    match vm.dict_mut(d).pop_last() {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.err(
            crate::exceptions::ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn setdefault(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("setdefault", &args[1..], 1, 2)?;
    let d = this(vm, args);
    if let Some(v) = vm.dict_get(d, args[1])? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::None);
    vm.dict_set(d, args[1], default)?;
    Ok(default)
}

fn update(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.check_arity("update", &args[1..], 0, 1)?;
    let d = this(vm, args);
    crate::builtins::fill_dict(vm, d, args.get(1).copied(), kw)?;
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let d = this(vm, args);
    let obj = match vm.heap.get(d) {
        Object::Set(t) => Object::Set(t.clone()),
        Object::Dict(t) => Object::Dict(t.clone()),
        _ => return Ok(Value::None),
    };
    Ok(Value::Obj(vm.alloc(obj)))
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let d = this(vm, args);
    vm.dict_mut(d).clear();
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`: a dict mapping each item to `value`.
fn fromkeys(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("fromkeys", &args[1..], 1, 2)?;
    let value = args.get(2).copied().unwrap_or(Value::None);
    let keys = vm.collect_iterable(args[1])?;
    let d = vm.new_dict();
    for key in keys {
        vm.dict_set(d, key, value)?;
    }
    Ok(Value::Obj(d))
}

fn set_add(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.set_add(args[0], args[1])?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let d = this(vm, args);
    match vm.dict_del(d, args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args[1])),
    }
}

fn set_discard(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let d = this(vm, args);
    vm.dict_del(d, args[1])?;
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    for &it in &args[1..] {
        vm.set_update(args[0], it)?;
    }
    Ok(Value::None)
}
