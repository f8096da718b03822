//! Python's arithmetic on int and float constants, for folding: each function answers
//! `None` exactly where Python would raise (division by zero, overflow, a negative
//! shift) or where CPython's folder declines (a power or shift past 128 bits).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use pyc_bytecode::Constant;
use pyc_parser::ast::BinOp;

use super::{int_constant, int_of};

/// The most bits a folded power or left shift may produce.
const MAX_INT_BITS: u64 = 128;

/// A number constant: bools count as ints.
enum Number {
    Int(BigInt),
    Float(f64),
}

fn number(c: &Constant) -> Option<Number> {
    match c {
        Constant::Float(f) => Some(Number::Float(*f)),
        _ => int_of(c).map(Number::Int),
    }
}

/// `left op right` for `+ - * / // % **` on numbers; ints stay ints except under `/`
/// and negative powers, and a float operand makes the operation a float one.
pub(super) fn arithmetic(op: BinOp, left: &Constant, right: &Constant) -> Option<Constant> {
    match (number(left)?, number(right)?) {
        (Number::Int(a), Number::Int(b)) => int_arithmetic(op, a, b),
        (a, b) => float_arithmetic(op, to_float(a)?, to_float(b)?).map(Constant::Float),
    }
}

/// An int converted to a float, `None` when it is too large (Python's `OverflowError`).
fn to_float(n: Number) -> Option<f64> {
    match n {
        Number::Float(f) => Some(f),
        Number::Int(i) => i.to_f64().filter(|f| f.is_finite()),
    }
}

fn int_arithmetic(op: BinOp, a: BigInt, b: BigInt) -> Option<Constant> {
    Some(int_constant(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        BinOp::Div => return true_divide(&a, &b).map(Constant::Float),
        BinOp::FloorDiv if b.is_zero() => return None,
        BinOp::FloorDiv => a.div_floor(&b),
        BinOp::Mod if b.is_zero() => return None,
        BinOp::Mod => a.mod_floor(&b),
        BinOp::Pow if b.is_negative() => {
            let (x, y) = (to_float(Number::Int(a))?, to_float(Number::Int(b))?);
            return float_power(x, y).map(Constant::Float);
        }
        BinOp::Pow => {
            let exponent = b.to_u64()?;
            // CPython's `safe_power`: |a| ** b must stay within 128 bits.
            if !a.is_zero() && exponent > 0 && a.bits() > MAX_INT_BITS / exponent {
                return None;
            }
            a.pow(exponent as u32)
        }
        _ => unreachable!("only arithmetic operators reach int_arithmetic"),
    }))
}

fn float_arithmetic(op: BinOp, x: f64, y: f64) -> Option<f64> {
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mult => Some(x * y),
        BinOp::Div => (y != 0.0).then(|| x / y),
        BinOp::FloorDiv => (y != 0.0).then(|| float_divmod(x, y).0),
        BinOp::Mod => (y != 0.0).then(|| float_divmod(x, y).1),
        BinOp::Pow => float_power(x, y),
        _ => unreachable!("only arithmetic operators reach float_arithmetic"),
    }
}

/// Python's `divmod` of floats: the remainder takes the divisor's sign and the quotient
/// is snapped to the nearest integral value.
fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut rem = x % y;
    let mut div = (x - rem) / y;
    if rem != 0.0 {
        if (y < 0.0) != (rem < 0.0) {
            rem += y;
            div -= 1.0;
        }
    } else {
        rem = 0.0f64.copysign(y);
    }
    let floor = if div != 0.0 {
        let mut floor = div.floor();
        if div - floor > 0.5 {
            floor += 1.0;
        }
        floor
    } else {
        0.0f64.copysign(x / y)
    };
    (floor, rem)
}

/// Whether a float is an odd integer.
fn is_odd_integer(y: f64) -> bool {
    y.fract() == 0.0 && (y % 2.0).abs() == 1.0
}

/// CPython's `float_pow`, declining where it raises (a negative power of zero, an
/// overflowing result) or returns a complex number (a fractional power of a negative).
fn float_power(x: f64, y: f64) -> Option<f64> {
    if y == 0.0 {
        return Some(1.0);
    }
    if x.is_nan() {
        return Some(x);
    }
    if y.is_nan() {
        return Some(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let x = x.abs();
        return Some(if x == 1.0 {
            1.0
        } else if (y > 0.0) == (x > 1.0) {
            y.abs()
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Some(match (y > 0.0, odd) {
            (true, true) => x,
            (true, false) => x.abs(),
            (false, true) => 0.0f64.copysign(x),
            (false, false) => 0.0,
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return None;
        }
        return Some(if is_odd_integer(y) { x } else { 0.0 });
    }
    let (base, negate) = if x < 0.0 {
        if y != y.floor() {
            return None;
        }
        (-x, is_odd_integer(y))
    } else {
        (x, false)
    };
    if base == 1.0 {
        return Some(if negate { -1.0 } else { 1.0 });
    }
    let result = base.powf(y);
    if result.is_infinite() {
        return None;
    }
    Some(if negate { -result } else { result })
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide`; `None` for
/// division by zero or a quotient too large for a float.
fn true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.magnitude(), b.magnitude());
    let quotient = if a.bits() <= 53 && b.bits() <= 53 {
        // Both are exact floats, so one division rounds once.
        a.to_f64()? / b.to_f64()?
    } else {
        // Scale so the integer quotient has 55 or 56 bits, keep a sticky bit for the
        // remainder, and let the conversion to float round once.
        let shift = a.bits() as i64 - b.bits() as i64 - 55;
        let (q, r) = if shift >= 0 {
            a.div_rem(&(b << shift as u64))
        } else {
            (a << (-shift) as u64).div_rem(b)
        };
        let q = q.to_u64()? | u64::from(!r.is_zero());
        scale(q as f64, shift)
    };
    if quotient.is_infinite() {
        return None;
    }
    Some(if negative { -quotient } else { quotient })
}

/// `x * 2**exp` without overflowing the intermediate power of two.
fn scale(mut x: f64, mut exp: i64) -> f64 {
    let step = |e: i64| f64::from_bits(((1023 + e) as u64) << 52);
    while exp > 1000 {
        x *= step(1000);
        exp -= 1000;
    }
    while exp < -1000 {
        x *= step(-1000);
        exp += 1000;
    }
    x * step(exp)
}

/// `a << b` and `a >> b` (CPython's `safe_lshift` for `<<`: at most 128 bits).
pub(super) fn shift(op: BinOp, a: &BigInt, b: &BigInt) -> Option<Constant> {
    if b.is_negative() {
        return None;
    }
    if op == BinOp::RShift {
        return Some(match b.to_u32() {
            Some(n) => int_constant(a >> n),
            None => int_constant(BigInt::from(if a.is_negative() { -1 } else { 0 })),
        });
    }
    if a.is_zero() || b.is_zero() {
        return Some(int_constant(a.clone()));
    }
    let n = b.to_u64()?;
    if n > MAX_INT_BITS || a.bits() > MAX_INT_BITS - n {
        return None;
    }
    Some(int_constant(a << n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values are what CPython 3.11 computes.
    #[test]
    fn divisions_round_and_floor_as_python() {
        let big = BigInt::from(10).pow(30);
        assert_eq!(
            true_divide(&big, &BigInt::from(7)),
            Some(1.4285714285714285e+29)
        );
        assert_eq!(
            true_divide(&BigInt::from(1), &BigInt::from(3)),
            Some(0.3333333333333333)
        );
        assert_eq!(
            true_divide(&BigInt::from(-(1i64 << 60) - 1), &BigInt::from(3)),
            Some(-3.843071682022823e+17)
        );
        assert_eq!(true_divide(&BigInt::from(1), &BigInt::from(0)), None);
        assert_eq!(float_divmod(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(float_divmod(7.5, -2.0), (-4.0, -0.5));
        assert!(float_divmod(-0.0, 5.0).0.is_sign_negative());
    }

    #[test]
    fn powers_decline_where_python_raises() {
        assert_eq!(float_power(0.0, -1.0), None);
        assert_eq!(float_power(-8.0, 0.5), None);
        assert_eq!(float_power(10.0, 400.0), None);
        assert_eq!(float_power(-2.0, 3.0), Some(-8.0));
        assert_eq!(float_power(2.0, -1.0), Some(0.5));
    }
}
