//! CPython's hashes of numbers and tuples, shared by the VM (dict and set keys, `hash()`)
//! and the compiler (the element order of a folded `frozenset` constant).
//!
//! Numbers hash by value modulo the Mersenne prime 2**61 - 1, so equal numbers of
//! different types (`1`, `1.0`, `True`) hash alike; -1 is never a hash (it becomes -2).

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// The modulus of numeric hashes, 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;

/// The exponent of [`MODULUS`].
const BITS: u32 = 61;

/// `hash(inf)`; `hash(-inf)` is its negation.
const INF: i64 = 314_159;

/// -1 is reserved for errors in CPython, so a hash of -1 becomes -2.
fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash of an int that fits in 64 bits.
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    not_minus_one(if i < 0 { -m } else { m })
}

/// The hash of an int of any size.
pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.magnitude() % MODULUS)
        .to_i64()
        .expect("a residue modulo 2**61 - 1 fits in i64");
    not_minus_one(if b.sign() == Sign::Minus { -m } else { m })
}

/// The hash of a finite or infinite float (CPython's `_Py_HashDouble`); `None` for NaN,
/// which CPython hashes by object identity.
pub fn hash_f64(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { INF } else { -INF });
    }
    let (mut m, mut e) = frexp(x);
    let sign: i64 = if m < 0.0 { -1 } else { 1 };
    m = m.abs();
    // Process 28 bits of the mantissa at a time, rotating within 61 bits.
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | h >> (BITS - 28);
        m *= 268_435_456.0;
        e -= 28;
        let whole = m as u64;
        m -= whole as f64;
        h += whole;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    // The exponent, reduced modulo 61, rotates the result.
    let e = if e >= 0 {
        e % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - e) % BITS as i32)
    } as u32;
    h = ((h << e) & MODULUS) | h >> (BITS - e);
    Some(not_minus_one((h as i64).wrapping_mul(sign)))
}

/// `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (or `m == 0`).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // A subnormal: scale it into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// CPython's tuple hash (xxHash's mixing) over the hashes of the items.
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let len = items.len() as u64;
    let mut acc = P5;
    for lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3_527_539));
    if acc as i64 == -1 {
        1_546_275_796
    } else {
        acc as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values are what CPython 3.11's `hash()` returns.
    #[test]
    fn numbers_hash_as_in_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 100)), 549_755_813_888);
        assert_eq!(hash_f64(1.5), Some(1_152_921_504_606_846_977));
        assert_eq!(hash_f64(-0.5), Some(-1_152_921_504_606_846_976));
        assert_eq!(hash_f64(2.0), Some(2));
        assert_eq!(hash_f64(1e300), Some(1_224_995_262_755_759_164));
        assert_eq!(hash_f64(-1e-300), Some(-482_449_582_752_280_463));
        assert_eq!(hash_f64(5e-324), Some(16_777_216));
        assert_eq!(hash_f64(3.0 * 5e-324), Some(50_331_648));
        assert_eq!(hash_f64(f64::INFINITY), Some(314_159));
        assert_eq!(hash_f64(f64::NAN), None);
    }

    #[test]
    fn tuples_hash_as_in_cpython() {
        assert_eq!(hash_tuple([1, 2].into_iter()), -3_550_055_125_485_641_917);
        assert_eq!(hash_tuple([].into_iter()), 5_740_354_900_026_072_187);
    }
}
