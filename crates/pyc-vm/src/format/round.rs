//! `round(x, ndigits)` for floats, correctly rounded like CPython's `double_round`.

use super::FormatError;

/// `round(x, ndigits)` for a float: the exact binary value of `x` rounded half-to-even to
/// `ndigits` decimal places (negative `ndigits` rounds to tens, hundreds, ...), then the
/// nearest float. `round(2.675, 2) == 2.67`, `round(0.125, 2) == 0.12`,
/// `round(1234.5, -2) == 1200.0`; the sign of zero results follows `x`.
///
/// Fails with `OverflowError: rounded value too large to represent` when rounding
/// overflows (`round(1.7e308, -308)`). The one-argument `round(x)` (returning an int) is
/// the caller's business.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    // CPython's NDIGITS_MAX = (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103 and NDIGITS_MIN =
    // -(DBL_MAX_EXP + 1) * 0.30103: beyond them x rounds to itself, or to zero.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = if ndigits >= 0 {
        // Rust's fixed-precision formatting rounds the exact value half-to-even.
        format!("{:.*}", ndigits as usize, x)
    } else {
        let digits = round_integer_digits(x.abs(), (-ndigits) as usize);
        format!("{sign}{digits}e{}", -ndigits)
    };
    let rounded: f64 = text.parse().expect("a decimal literal parses as f64");
    if rounded.is_infinite() {
        return Err(FormatError::Overflow(
            "rounded value too large to represent".to_string(),
        ));
    }
    Ok(rounded)
}

/// `|x|` (finite, non-negative) rounded half-to-even to a multiple of `10^k`, given as the
/// multiplier's decimal digits.
fn round_integer_digits(x: f64, k: usize) -> String {
    let int_part = x.trunc();
    let has_fraction = x != int_part;
    let digits = format!("{int_part:.0}");
    if digits.len() < k {
        // x < 10^(k-1), less than half of 10^k.
        return "0".to_string();
    }
    let (head, tail) = digits.split_at(digits.len() - k);
    let first = tail.as_bytes()[0];
    let rest_nonzero = has_fraction || tail[1..].bytes().any(|b| b != b'0');
    let head_odd = head.bytes().last().is_some_and(|b| (b - b'0') % 2 == 1);
    let round_up = first > b'5' || (first == b'5' && (rest_nonzero || head_odd));
    let mut head: Vec<u8> = if head.is_empty() {
        b"0".to_vec()
    } else {
        head.as_bytes().to_vec()
    };
    if round_up {
        increment(&mut head);
    }
    String::from_utf8(head).expect("ASCII digits")
}

/// Adds one to a decimal digit string in place.
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `round(x, n)` from CPython 3.11; `Err` holds the `OverflowError` message.
    const CASES: &[(f64, i64, Result<f64, &str>)] = &[
        (2.675, 2, Ok(2.67)),
        (0.125, 2, Ok(0.12)),
        (1234.5, -2, Ok(1200.0)),
        (-4.0, -1, Ok(-0.0)),
        (
            1.7976931348623157e+308,
            -308,
            Err("rounded value too large to represent"),
        ),
        (600.0, -3, Ok(1000.0)),
        (500.0, -3, Ok(0.0)),
        (1500.0, -3, Ok(2000.0)),
        (2500.0, -3, Ok(2000.0)),
        (2500.1, -3, Ok(3000.0)),
        (-0.001, 2, Ok(-0.0)),
        (1e+300, -300, Ok(1e+300)),
        (5e-324, 400, Ok(5e-324)),
        (123.456, -400, Ok(0.0)),
        (0.5, 0, Ok(0.0)),
        (1.5, 0, Ok(2.0)),
        (2.5, 0, Ok(2.0)),
        (-2.5, 0, Ok(-2.0)),
        (0.285, 2, Ok(0.28)),
        (1.005, 2, Ok(1.0)),
        (123.456, 1, Ok(123.5)),
        (123.456, -1, Ok(120.0)),
        (-123.456, -1, Ok(-120.0)),
        (9.995, 2, Ok(9.99)),
        (f64::INFINITY, 2, Ok(f64::INFINITY)),
        (f64::NAN, -2, Ok(f64::NAN)),
        (1e+16, -15, Ok(1e+16)),
        (5000000000000000.0, -16, Ok(0.0)),
        (4999999900000000.0, -16, Ok(0.0)),
        (0.3, 20, Ok(0.3)),
        (0.3333333333333333, 10, Ok(0.3333333333)),
        (1.152921504606847e+18, -5, Ok(1.1529215046068e+18)),
        (-0.0, 3, Ok(-0.0)),
        (7.0, -1, Ok(10.0)),
        (1e-320, 320, Ok(1e-320)),
        (5.55, 1, Ok(5.5)),
        (5.45, 1, Ok(5.5)),
        (1.2345678901234567e+19, -19, Ok(1e+19)),
        (45.0, -1, Ok(40.0)),
        (35.0, -1, Ok(40.0)),
    ];

    #[test]
    fn matches_cpython() {
        for (x, n, want) in CASES {
            let got = round_float(*x, *n);
            let same = match (&got, want) {
                (Ok(a), Ok(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                (Err(e), Err(m)) => e.message() == *m,
                _ => false,
            };
            assert!(same, "round({x:?}, {n}) = {got:?}, want {want:?}");
        }
    }
}
