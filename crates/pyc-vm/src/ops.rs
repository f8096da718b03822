//! Operators on values: truth, equality, ordering, hashing, and the binary and unary
//! operators of `BINARY_OP`, `COMPARE_OP` and `UNARY_*`.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive, Zero};
use pyc_bytecode::opcode::BINARY_OPS;

use crate::depth::deep;
use crate::objects::{Dict, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's hash of a machine int.
fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a big int.
fn hash_big(b: &BigInt) -> i64 {
    let m = (b.magnitude() % HASH_MODULUS).to_i64().unwrap_or(0);
    let h = if b.sign() == num_bigint::Sign::Minus {
        -m
    } else {
        m
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A float's hash, equal to the hash of an int with the same value.
fn hash_f64(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    if x.fract() == 0.0 {
        if x.abs() < 9.0e18 {
            return hash_i64(x as i64);
        }
        if let Some(b) = BigInt::from_f64(x) {
            return hash_big(&b);
        }
    }
    let h = x.to_bits() as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Applies a comparison operator (`COMPARE_OP` numbering) to an ordering.
fn apply_cmp(op: u32, ord: Ordering) -> bool {
    match op {
        0 => ord == Ordering::Less,
        1 => ord != Ordering::Greater,
        2 => ord == Ordering::Equal,
        3 => ord != Ordering::Equal,
        4 => ord == Ordering::Greater,
        _ => ord != Ordering::Less,
    }
}

/// A number, for mixed arithmetic and comparison.
enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

impl Vm {
    fn as_num(&self, v: Value) -> Option<Num> {
        match v {
            Value::Int(i) => Some(Num::Int(i)),
            Value::Bool(b) => Some(Num::Int(b as i64)),
            Value::Float(f) => Some(Num::Float(f)),
            Value::Obj(r) => match self.heap.get(r) {
                Object::BigInt(b) => Some(Num::Big(b.clone())),
                _ => None,
            },
            _ => None,
        }
    }

    /// Python truth value.
    pub(crate) fn is_true(&self, v: Value) -> bool {
        match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => !s.s.is_empty(),
                Object::Bytes(b) => !b.is_empty(),
                Object::ByteArray(b) => !b.is_empty(),
                Object::BigInt(b) => !b.is_zero(),
                Object::Tuple(t) => !t.is_empty(),
                Object::List(l) => !l.is_empty(),
                Object::Dict(d) | Object::Set(d) => !d.is_empty(),
                Object::Range(start, stop, step) => range_len(*start, *stop, *step) > 0,
                Object::DictView(_, d) => self.dict_len(*d) > 0,
                _ => true,
            },
        }
    }

    /// Python `==` for builtin values (never raises).
    pub(crate) fn py_eq(&self, a: Value, b: Value) -> bool {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return x == y;
        }
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
            if x == y {
                return true;
            }
            return match (self.heap.get(x), self.heap.get(y)) {
                (Object::Str(s), Object::Str(t)) => s.hash == t.hash && s.s == t.s,
                (Object::BigInt(s), Object::BigInt(t)) => s == t,
                (Object::Bytes(_) | Object::ByteArray(_), _) => {
                    self.bytes_cmp(a, b) == Some(Ordering::Equal)
                }
                (Object::Tuple(s), Object::Tuple(t)) => deep(|| self.seq_eq(s, t)),
                (Object::List(s), Object::List(t)) => deep(|| self.seq_eq(s, t)),
                (Object::Dict(s), Object::Dict(t)) => deep(|| self.dict_eq(s, t, true)),
                (Object::Set(s), Object::Set(t)) => deep(|| self.dict_eq(s, t, false)),
                (Object::Range(a, b, c), Object::Range(d, e, f)) => {
                    let (n, m) = (range_len(*a, *b, *c), range_len(*d, *e, *f));
                    n == m && (n == 0 || (a == d && (n == 1 || c == f)))
                }
                _ => false,
            };
        }
        match (self.as_num(a), self.as_num(b)) {
            (Some(x), Some(y)) => num_cmp(&x, &y) == Some(Ordering::Equal),
            _ => a.is_same(b) && !a.is_null(),
        }
    }

    fn seq_eq(&self, a: &[Value], b: &[Value]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| self.py_eq(*x, *y))
    }

    fn dict_eq(&self, a: &Dict, b: &Dict, values: bool) -> bool {
        a.len() == b.len()
            && a.iter().all(|(k, v)| {
                let Ok(h) = self.hash_of(k) else { return false };
                match b.find(h, |k2| self.py_eq(k, k2)) {
                    Some(i) => !values || self.py_eq(v, b.value_at(i)),
                    None => false,
                }
            })
    }

    /// The ordering of two values, `Ok(None)` when unordered (NaN), `Err` when the types
    /// cannot be compared.
    pub(crate) fn partial_cmp(&self, a: Value, b: Value) -> Result<Option<Ordering>, ()> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Some(x.cmp(&y)));
        }
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            return Ok(num_cmp(&x, &y));
        }
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
            return Err(());
        };
        match (self.heap.get(x), self.heap.get(y)) {
            (Object::Str(s), Object::Str(t)) => Ok(Some(s.s.cmp(&t.s))),
            (Object::Bytes(_) | Object::ByteArray(_), _) => {
                self.bytes_cmp(a, b).map(Some).ok_or(())
            }
            (Object::Tuple(s), Object::Tuple(t)) => deep(|| self.seq_cmp(s, t)),
            (Object::List(s), Object::List(t)) => deep(|| self.seq_cmp(s, t)),
            _ => Err(()),
        }
    }

    fn seq_cmp(&self, a: &[Value], b: &[Value]) -> Result<Option<Ordering>, ()> {
        for (x, y) in a.iter().zip(b) {
            if !self.py_eq(*x, *y) {
                return self.partial_cmp(*x, *y);
            }
        }
        Ok(Some(a.len().cmp(&b.len())))
    }

    /// `a < b` (for sorting, `min`, `max`), raising `TypeError` for unorderable types.
    pub(crate) fn lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let Some(r) = self.user_compare(0, a, b)? {
            return self.truth(r);
        }
        if let Some(r) = self.seq_order(0, a, b)? {
            return self.truth(r);
        }
        match self.partial_cmp(a, b) {
            Ok(ord) => Ok(ord == Some(Ordering::Less)),
            Err(()) => Err(self.cmp_error(0, a, b)),
        }
    }

    #[cold]
    fn cmp_error(&mut self, op: u32, a: Value, b: Value) -> crate::value::ObjRef {
        let sym = pyc_bytecode::opcode::COMPARE_OPS[op as usize];
        let msg = format!(
            "'{sym}' not supported between instances of '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        );
        self.type_error(msg)
    }

    /// `a <op> b` for `COMPARE_OP`.
    pub(crate) fn compare(&mut self, op: u32, a: Value, b: Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Value::Bool(apply_cmp(op, x.cmp(&y))));
        }
        if let Some(r) = self.user_compare(op, a, b)? {
            return Ok(r);
        }
        if let Some(r) = self.cell_compare(op, a, b)? {
            return Ok(r);
        }
        match op {
            2 => Ok(Value::Bool(self.values_eq(a, b)?)),
            3 => Ok(Value::Bool(!self.values_eq(a, b)?)),
            _ if let Some(r) = self.seq_order(op, a, b)? => Ok(r),
            _ => match self.partial_cmp(a, b) {
                Ok(Some(ord)) => Ok(Value::Bool(apply_cmp(op, ord))),
                Ok(None) => Ok(Value::Bool(false)),
                Err(()) => Err(self.cmp_error(op, a, b)),
            },
        }
    }

    /// Two cells compare by their contents, an empty cell before any full one (CPython's
    /// `cell_richcompare`); `None` unless both are cells.
    fn cell_compare(&mut self, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
        let contents = |vm: &Vm, v: Value| match v.as_obj().map(|r| vm.heap.get(r)) {
            Some(&Object::Cell(c)) => Some(c),
            _ => None,
        };
        let (Some(x), Some(y)) = (contents(self, a), contents(self, b)) else {
            return Ok(None);
        };
        match (x.is_null(), y.is_null()) {
            (false, false) => self.compare(op, x, y).map(Some),
            (empty_x, empty_y) => Ok(Some(Value::Bool(apply_cmp(op, empty_y.cmp(&empty_x))))),
        }
    }

    /// The hash of a key, or `None` for unhashable values.
    pub(crate) fn hash_of(&self, v: Value) -> Result<u64, ()> {
        let h = match v {
            Value::Int(i) => hash_i64(i),
            Value::Bool(b) => b as i64,
            Value::Float(f) => hash_f64(f),
            Value::None => 0x5f3c_1d2e,
            Value::Null => 0,
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => return Ok(s.hash),
                Object::Bytes(b) => return Ok(crate::objects::bytes_hash(b)),
                Object::ByteArray(_) => return Err(()),
                Object::BigInt(b) => hash_big(b),
                Object::Tuple(items) => deep(|| self.hash_tuple(items))?,
                Object::List(_) | Object::Dict(_) | Object::Set(_) => return Err(()),
                Object::DictView(..) | Object::Slice(..) => return Err(()),
                Object::Instance(_) => return Err(()),
                Object::Exception(e) if self.is_user_type(e.class) => return Err(()),
                _ => return Ok(self.identity_hash(r)),
            },
        };
        Ok(h as u64)
    }

    /// CPython's tuple hash of `items`, when each item hashes without Python code.
    fn hash_tuple(&self, items: &[Value]) -> Result<i64, ()> {
        let mut lanes = TupleHasher::new();
        for &item in items {
            lanes.add(self.hash_of(item)?);
        }
        Ok(lanes.finish(items.len()))
    }

    /// The hash of an object compared by identity (functions, types, plain instances):
    /// stable while it lives.
    pub(crate) fn identity_hash(&self, r: ObjRef) -> u64 {
        (r.index() as u64) << 4
    }

    /// `hash(v)` as Python shows it.
    pub(crate) fn py_hash(&mut self, v: Value) -> PyResult<i64> {
        self.hash_key(v).map(|h| h as i64)
    }

    /// `a op b` for `BINARY_OP` (`op >= 13` is the in-place form).
    pub(crate) fn binary_op(&mut self, op: u32, a: Value, b: Value) -> PyResult<Value> {
        let inplace = op >= 13;
        let op = op % 13;
        if self.is_int(a) && self.is_int(b) {
            return self.int_binop(op, a, b);
        }
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
                let x = self.num_to_f64(x)?;
                let y = self.num_to_f64(y)?;
                if let Some(r) = self.float_op(op, x, y)? {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.user_binop(op, inplace, a, b)? {
            return Ok(r);
        }
        if let Some(r) = self.seq_op(op, inplace, a, b)? {
            return Ok(r);
        }
        Err(self.binop_error(op, inplace, a, b))
    }

    fn num_to_f64(&mut self, n: Num) -> PyResult<f64> {
        match n {
            Num::Int(i) => Ok(i as f64),
            Num::Float(f) => Ok(f),
            Num::Big(b) => match b.to_f64().filter(|f| f.is_finite()) {
                Some(f) => Ok(f),
                None => Err(self.overflow_error("int too large to convert to float")),
            },
        }
    }

    fn float_op(&mut self, op: u32, x: f64, y: f64) -> PyResult<Option<Value>> {
        let r = match op {
            0 => x + y,
            10 => x - y,
            5 => x * y,
            11 => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            2 | 6 => {
                if y == 0.0 {
                    let msg = if op == 2 {
                        "float floor division by zero"
                    } else {
                        "float modulo"
                    };
                    return Err(self.zero_division(msg));
                }
                let (div, rem) = float_divmod(x, y);
                if op == 2 {
                    div
                } else {
                    rem
                }
            }
            8 => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 {
                    return Err(self.value_error("math domain error"));
                }
                x.powf(y)
            }
            _ => return Ok(None),
        };
        Ok(Some(Value::Float(r)))
    }

    /// Sequence `+`, `*`, in-place list `+=`, str `%` and set operators.
    fn seq_op(&mut self, op: u32, inplace: bool, a: Value, b: Value) -> PyResult<Option<Value>> {
        let Value::Obj(ra) = a else {
            if op == 5 && self.is_int(a) {
                return self.seq_op(op, false, b, a);
            }
            return Ok(None);
        };
        if let Some(r) = self.bytes_binop(op, inplace, a, b)? {
            return Ok(Some(r));
        }
        match (op, self.heap.get(ra)) {
            (0, Object::Str(s)) => match self.as_str(b) {
                Some(t) => {
                    let joined = format!("{}{}", s.s, t);
                    Ok(Some(self.new_str(joined)))
                }
                None => {
                    let msg = format!(
                        "can only concatenate str (not \"{}\") to str",
                        self.type_name(b)
                    );
                    Err(self.type_error(msg))
                }
            },
            (0, Object::List(_)) if inplace => {
                self.list_extend(ra, b)?;
                Ok(Some(a))
            }
            (0, Object::List(l)) => match b.as_obj().map(|r| self.heap.get(r)) {
                Some(Object::List(m)) => {
                    let items = [&l[..], &m[..]].concat();
                    Ok(Some(self.new_list(items)))
                }
                _ => {
                    let msg = format!(
                        "can only concatenate list (not \"{}\") to list",
                        self.type_name(b)
                    );
                    Err(self.type_error(msg))
                }
            },
            (0, Object::Tuple(l)) => match b.as_obj().map(|r| self.heap.get(r)) {
                Some(Object::Tuple(m)) => {
                    let items = [&l[..], &m[..]].concat();
                    Ok(Some(self.new_tuple(items)))
                }
                _ => {
                    let msg = format!(
                        "can only concatenate tuple (not \"{}\") to tuple",
                        self.type_name(b)
                    );
                    Err(self.type_error(msg))
                }
            },
            (5, Object::Str(_) | Object::List(_) | Object::Tuple(_)) => {
                if !self.is_int(b) {
                    let msg = format!(
                        "can't multiply sequence by non-int of type '{}'",
                        self.type_name(b)
                    );
                    return Err(self.type_error(msg));
                }
                let n = self.int_to_i64(b)?.max(0) as usize;
                Ok(Some(self.repeat(ra, n, inplace)))
            }
            (6, Object::Str(_)) => self.percent_format(a, b).map(Some),
            (1 | 7 | 10 | 12, Object::Set(_)) => self.set_binop(op, a, b),
            _ => Ok(None),
        }
    }

    fn repeat(&mut self, r: crate::value::ObjRef, n: usize, inplace: bool) -> Value {
        match self.heap.get_mut(r) {
            Object::Str(s) => {
                let text = s.s.repeat(n);
                self.new_str(text)
            }
            Object::List(l) if inplace => {
                let items = l.repeat(n);
                *l = items;
                Value::Obj(r)
            }
            Object::List(l) => {
                let items = l.repeat(n);
                self.new_list(items)
            }
            Object::Tuple(t) => {
                let items = t.repeat(n);
                self.new_tuple(items)
            }
            _ => Value::None,
        }
    }

    #[cold]
    fn binop_error(&mut self, op: u32, inplace: bool, a: Value, b: Value) -> crate::value::ObjRef {
        let sym = BINARY_OPS[op as usize];
        let sym = match (op, inplace) {
            (8, false) => "** or pow()".to_string(),
            (_, true) => format!("{sym}="),
            _ => sym.to_string(),
        };
        let msg = format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        );
        self.type_error(msg)
    }

    /// `-x`, `+x`, `~x` (`UNARY_*`, `kind` is `'-'`, `'+'` or `'~'`).
    pub(crate) fn unary_op(&mut self, kind: char, v: Value) -> PyResult<Value> {
        match (kind, v) {
            ('-', Value::Int(i)) if i != i64::MIN => return Ok(Value::Int(-i)),
            ('-', Value::Float(f)) => return Ok(Value::Float(-f)),
            ('+', Value::Float(f)) => return Ok(Value::Float(f)),
            ('~', Value::Int(i)) => return Ok(Value::Int(!i)),
            _ => {}
        }
        if self.is_int(v) {
            let b = self.to_bigint(v).unwrap_or_default();
            let r = match kind {
                '-' => -b,
                '+' => b,
                _ => -b - 1,
            };
            return Ok(self.int_from_big(r));
        }
        if let Some(r) = self.user_unary(kind, v)? {
            return Ok(r);
        }
        let msg = format!("bad operand type for unary {kind}: '{}'", self.type_name(v));
        Err(self.type_error(msg))
    }
}

/// Orders two numbers exactly (ints against floats included).
fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Big(x), Num::Big(y)) => Some(x.cmp(y)),
        (Num::Int(x), Num::Big(y)) => Some(BigInt::from(*x).cmp(y)),
        (Num::Big(x), Num::Int(y)) => Some(x.cmp(&BigInt::from(*y))),
        (Num::Float(x), other) => num_cmp(other, &Num::Float(*x)).map(Ordering::reverse),
        (Num::Int(x), Num::Float(y)) => {
            if y.is_nan() {
                None
            } else if (*x as f64) != *y || x.unsigned_abs() < (1 << 53) {
                (*x as f64).partial_cmp(y)
            } else {
                BigInt::from_f64(*y).map(|b| BigInt::from(*x).cmp(&b))
            }
        }
        (Num::Big(x), Num::Float(y)) => {
            if y.is_nan() {
                None
            } else if y.is_infinite() {
                Some(if *y > 0.0 {
                    Ordering::Less
                } else {
                    Ordering::Greater
                })
            } else {
                BigInt::from_f64(y.floor()).map(|b| match x.cmp(&b) {
                    Ordering::Equal if y.fract() != 0.0 => Ordering::Less,
                    o => o,
                })
            }
        }
    }
}

/// CPython's float `divmod`: `(floor quotient, remainder with the divisor's sign)`.
pub(crate) fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// Number of items in `range(start, stop, step)`.
pub(crate) fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (lo, hi, st) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi {
        0
    } else {
        ((hi - lo - 1) / st + 1) as i64
    }
}

/// CPython's tuple hash (xxHash-based), fed one item hash ("lane") at a time.
struct TupleHasher(u64);

impl TupleHasher {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;

    fn new() -> TupleHasher {
        TupleHasher(Self::P5)
    }

    fn add(&mut self, lane: u64) {
        let acc = self.0.wrapping_add(lane.wrapping_mul(Self::P2));
        self.0 = acc.rotate_left(31).wrapping_mul(Self::P1);
    }

    fn finish(self, len: usize) -> i64 {
        let acc = self.0.wrapping_add(len as u64 ^ (Self::P5 ^ 3_527_539));
        if acc as i64 == -1 {
            1_546_275_796
        } else {
            acc as i64
        }
    }
}

/// CPython's hash of a tuple whose items hash to `lanes`.
pub(crate) fn tuple_hash(lanes: &[u64]) -> i64 {
    let mut h = TupleHasher::new();
    for &lane in lanes {
        h.add(lane);
    }
    h.finish(lanes.len())
}
