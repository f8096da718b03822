//! Arbitrary-precision int arithmetic: an `i64` fast path that overflows into `BigInt`,
//! with Python's floor division and modulo.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::Kw;
use crate::objects::descr::{AttrDef, MethodDef, Params};
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Floor division of machine ints (`None` on overflow; `b` must be non-zero).
pub fn floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Floor modulo of machine ints (the result has the sign of `b`; `b` non-zero).
pub fn floor_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// `int` methods.
pub const METHODS: &[MethodDef] = &[
    ("bit_length", bit_length, Params::NoArgs),
    ("conjugate", int_self, Params::NoArgs),
];

/// `int` attributes.
pub const ATTRS: &[AttrDef] = &[
    ("real", int_self_attr, None),
    ("imag", zero, None),
    ("numerator", int_self_attr, None),
    ("denominator", one, None),
];

fn bit_length(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let n = match args[0] {
        Value::Int(i) => u64::from(64 - i.unsigned_abs().leading_zeros()),
        v => vm.to_bigint(v).unwrap_or_default().bits(),
    };
    Ok(Value::Int(n as i64))
}

/// The int itself, as an exact `int` (`True.conjugate()` is `1`).
fn int_self(_vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    Ok(match args[0] {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    })
}

/// `real` and `numerator`: the int itself.
fn int_self_attr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    int_self(vm, &[v], &[])
}

fn zero(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn one(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::Int(1))
}

impl Vm {
    /// `ValueError` for an int past the decimal digit limit of `str()`/`int()`.
    #[cold]
    pub(crate) fn int_str_limit_error(&mut self) -> ObjRef {
        self.value_error(crate::format::int_str_limit_msg())
    }

    /// The value of an int (or bool) as a `BigInt`.
    pub(crate) fn to_bigint(&self, v: Value) -> Option<BigInt> {
        match v {
            Value::Int(i) => Some(BigInt::from(i)),
            Value::Bool(b) => Some(BigInt::from(b as i64)),
            Value::Obj(r) => match self.heap.get(r) {
                Object::BigInt(b) => Some(b.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether `v` is an int (bools included).
    pub fn is_int(&self, v: Value) -> bool {
        match v {
            Value::Int(_) | Value::Bool(_) => true,
            Value::Obj(r) => matches!(self.heap.get(r), Object::BigInt(_)),
            _ => false,
        }
    }

    /// An int value as a float (`OverflowError` if too large).
    pub fn int_to_f64(&mut self, v: Value) -> PyResult<f64> {
        match v {
            Value::Int(i) => Ok(i as f64),
            Value::Bool(b) => Ok(b as i64 as f64),
            _ => {
                let b = self.to_bigint(v).unwrap_or_default();
                match b.to_f64().filter(|f| f.is_finite()) {
                    Some(f) => Ok(f),
                    None => Err(self.overflow_error("int too large to convert to float")),
                }
            }
        }
    }

    /// An int value as `i64` for indexing and counts (`OverflowError` if too large).
    pub fn int_to_i64(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            _ => {
                let b = self.to_bigint(v).unwrap_or_default();
                Err(self.too_big(&b))
            }
        }
    }

    /// `a op b` for two ints, `op` numbered as `BINARY_OP` (never in-place).
    pub(crate) fn int_binop(&mut self, op: u32, a: Value, b: Value) -> PyResult<Value> {
        let small = |v: Value| match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            _ => None,
        };
        if let (Some(x), Some(y)) = (small(a), small(b)) {
            if let Some(v) = self.small_int_op(op, x, y)? {
                return Ok(v);
            }
        }
        let x = self.to_bigint(a).unwrap_or_default();
        let y = self.to_bigint(b).unwrap_or_default();
        self.big_int_op(op, x, y)
    }

    /// The `i64` fast path; `Ok(None)` when the result needs a `BigInt`.
    fn small_int_op(&mut self, op: u32, x: i64, y: i64) -> PyResult<Option<Value>> {
        let r = match op {
            0 => x.checked_add(y),
            10 => x.checked_sub(y),
            5 => x.checked_mul(y),
            1 => Some(x & y),
            7 => Some(x | y),
            12 => Some(x ^ y),
            2 if y == 0 => return Err(self.zero_division("integer division or modulo by zero")),
            6 if y == 0 => return Err(self.zero_division("integer modulo by zero")),
            2 => floor_div(x, y),
            6 => Some(floor_mod(x, y)),
            11 => {
                if y == 0 {
                    return Err(self.zero_division("division by zero"));
                }
                return Ok(Some(Value::Float(x as f64 / y as f64)));
            }
            8 if y < 0 => return self.negative_power(x as f64, y as f64).map(Some),
            8 => u32::try_from(y).ok().and_then(|e| x.checked_pow(e)),
            3 | 9 if y < 0 => return Err(self.value_error("negative shift count")),
            3 => {
                if y < 63 && x.checked_shl(y as u32).map(|r| r >> y) == Some(x) {
                    Some(x << y)
                } else if x == 0 {
                    Some(0)
                } else {
                    None
                }
            }
            9 => Some(if y >= 64 { x >> 63 } else { x >> y }),
            _ => return Ok(None),
        };
        Ok(r.map(Value::Int))
    }

    /// `x ** y` for a negative exponent: a float.
    fn negative_power(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 {
            return Err(self.zero_division("0.0 cannot be raised to a negative power"));
        }
        Ok(Value::Float(x.powf(y)))
    }

    fn big_int_op(&mut self, op: u32, x: BigInt, y: BigInt) -> PyResult<Value> {
        let r = match op {
            0 => x + y,
            10 => x - y,
            5 => x * y,
            1 => x & y,
            7 => x | y,
            12 => x ^ y,
            2 if y.is_zero() => {
                return Err(self.zero_division("integer division or modulo by zero"))
            }
            6 if y.is_zero() => return Err(self.zero_division("integer modulo by zero")),
            2 => x.div_floor(&y),
            6 => x.mod_floor(&y),
            11 => {
                if y.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                let (a, b) = (
                    x.to_f64().unwrap_or(f64::INFINITY),
                    y.to_f64().unwrap_or(f64::INFINITY),
                );
                return Ok(Value::Float(a / b));
            }
            8 if y.is_negative() => {
                let (a, b) = (
                    x.to_f64().unwrap_or(f64::INFINITY),
                    y.to_f64().unwrap_or(f64::NEG_INFINITY),
                );
                return self.negative_power(a, b);
            }
            8 => match y.to_u32() {
                Some(e) => num_traits::Pow::pow(x, e),
                None if x.abs() <= BigInt::from(1) => {
                    if x.is_negative() && y.is_odd() {
                        x
                    } else {
                        x.abs()
                    }
                }
                None => return Err(self.overflow_error("exponent too large")),
            },
            3 | 9 if y.is_negative() => return Err(self.value_error("negative shift count")),
            3 => match y.to_usize() {
                Some(s) => x << s,
                None => return Err(self.overflow_error("too many digits in integer")),
            },
            9 => match y.to_usize() {
                Some(s) => x >> s,
                None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            },
            _ => return Err(self.type_error("unsupported operand types for int")),
        };
        Ok(self.int_from_big(r))
    }
}
