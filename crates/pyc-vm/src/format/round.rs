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
    // Beyond these bounds x rounds to itself, or to zero (0.30103 > log10(2)).
    const NDIGITS_MAX: i64 = ((53 + 1021) as f64 * 0.30103) as i64;
    const NDIGITS_MIN: i64 = -(((1024 + 1) as f64 * 0.30103) as i64);
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
