//! Float to decimal text with CPython's `PyOS_double_to_string` rules: the `e`, `f`, `g`
//! and `r` (repr) styles, `#` alternate form, the "add `.0`" rule and `z` negative-zero
//! coercion.
//!
//! Digits come from Rust's float formatting, which is correctly rounded (ties to even on
//! the exact binary value) like David Gay's `dtoa` that CPython uses.

/// Options for [`double_to_string`].
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DtoaFlags {
    /// `#`: keep trailing zeros for `g`, always keep the decimal point.
    pub alternate: bool,
    /// Integral results without an exponent get `.0` (`format(x, '')` / `'.3'` style).
    pub add_dot_0: bool,
    /// `z`: a negative value that rounds to zero prints without `-`.
    pub no_neg_zero: bool,
}

/// Formats `x` in style `code` (`e E f F g G r`) with `precision` (digits after the point
/// for `e`/`f`, significant digits for `g`; ignored for `r`). Upper-case codes give
/// `E`, `INF`, `NAN`. The result starts with `-` for negative values and never with `+`.
pub(super) fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_string();
    }
    if x.is_infinite() {
        let inf = if upper { "INF" } else { "inf" };
        return if x < 0.0 {
            format!("-{inf}")
        } else {
            inf.to_string()
        };
    }
    let precision = precision as i64;
    let (digits, mut decpt) = match code {
        'e' => significant_digits(x, precision + 1),
        'f' => fixed_digits(x, precision),
        'g' => significant_digits(x, precision.max(1)),
        _ => shortest_digits(x),
    };
    let mut negative = x.is_sign_negative();
    if flags.no_neg_zero && digits == "0" {
        negative = false;
    }
    let n_digits = digits.len() as i64;
    let mut use_exp = false;
    let mut vend = n_digits;
    match code {
        'e' => {
            use_exp = true;
            vend = precision + 1;
        }
        'f' => vend = decpt + precision,
        'g' => {
            let p = precision.max(1);
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alternate {
                vend = p;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    let vend = if !use_exp && flags.add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };
    let zeros = |n: i64| "0".repeat(n.max(0) as usize);
    let mut out = String::with_capacity((vend - vstart + 8) as usize);
    if negative {
        out.push('-');
    }
    if decpt <= 0 {
        out.push_str(&zeros(decpt - vstart));
        out.push('.');
        out.push_str(&zeros(-decpt));
    } else {
        out.push_str(&zeros(-vstart));
    }
    if 0 < decpt && decpt <= n_digits {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if n_digits < decpt {
        out.push_str(&zeros(decpt - n_digits));
        out.push('.');
        out.push_str(&zeros(vend - decpt));
    } else {
        out.push_str(&zeros(vend - n_digits));
    }
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!("{exp:+03}"));
    }
    out
}

/// The shortest round-tripping digits of `|x|` and the decimal point position
/// (`value = 0.DIGITS × 10^decpt`); zero is `("0", 1)`.
fn shortest_digits(x: f64) -> (String, i64) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    from_scientific(&format!("{:e}", x.abs()))
}

/// `|x|` correctly rounded to `n >= 1` significant digits, trailing zeros stripped.
fn significant_digits(x: f64, n: i64) -> (String, i64) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    from_scientific(&format!("{:.*e}", (n - 1) as usize, x.abs()))
}

/// `|x|` correctly rounded to `n` digits after the point, leading and trailing zeros
/// stripped; a result of zero is `("0", 1)`.
fn fixed_digits(x: f64, n: i64) -> (String, i64) {
    let text = format!("{:.*}", n as usize, x.abs());
    let (int_part, frac) = text.split_once('.').unwrap_or((&text, ""));
    let all = format!("{int_part}{frac}");
    let significant = all.trim_start_matches('0');
    let decpt = int_part.len() as i64 - (all.len() - significant.len()) as i64;
    let significant = significant.trim_end_matches('0');
    if significant.is_empty() {
        ("0".to_string(), 1)
    } else {
        (significant.to_string(), decpt)
    }
}

/// Splits Rust's `d.ddde±x` output into stripped digits and decimal point position.
fn from_scientific(text: &str) -> (String, i64) {
    let (mantissa, exp) = text.split_once('e').expect("`{:e}` output has an exponent");
    let exp: i64 = exp.parse().expect("`{:e}` exponent is an integer");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let digits = digits.trim_end_matches('0');
    (digits.to_string(), exp + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyc_bytecode::repr::float_repr;

    #[test]
    fn repr_style_matches_float_repr() {
        let flags = DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        };
        for x in [
            0.0,
            -0.0,
            1.0,
            0.1,
            1e16,
            1e15,
            123456789.123,
            1e-4,
            1e-5,
            5e-324,
            1.7e308,
            -2.5,
        ] {
            assert_eq!(double_to_string(x, 'r', 0, flags), float_repr(x), "{x:?}");
        }
    }
}
