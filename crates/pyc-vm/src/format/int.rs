//! `format(int, spec)`: `int.__format__`.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::ToPrimitive;

use super::float::format_float_spec;
use super::layout::{layout_number, NumberParts};
use super::spec::{unknown_code, Align, FormatSpec};
use super::FormatError;

/// `format(value, spec)` for an `int` (`type_name` is the object's type name, used in
/// error messages: `"int"`, or `"bool"` for `True`/`False`).
///
/// Handles types `b c d o x X n` and none, plus `e E f F g G %` through a conversion to
/// float. An empty spec gives `str(value)`; for `bool` the caller should special-case the
/// empty spec (`format(True, '') == 'True'`), every other spec formats the number.
pub fn format_int(value: &BigInt, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let spec = FormatSpec::parse(spec, type_name, Some('d'), Align::Right)?;
    match spec.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int_spec(value, &spec),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            format_float_spec(int_to_float(value)?, &spec)
        }
        ty => Err(unknown_code(ty.unwrap_or('\0'), type_name)),
    }
}

/// `float(value)`, correctly rounded; `OverflowError` when out of range.
pub(super) fn int_to_float(value: &BigInt) -> Result<f64, FormatError> {
    match value.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(FormatError::Overflow(
            "int too large to convert to float".to_string(),
        )),
    }
}

/// `chr(value)` as `%c` / `'c'` need it.
pub(super) fn int_to_char(value: &BigInt) -> Result<char, FormatError> {
    let range_error = || FormatError::Overflow("%c arg not in range(0x110000)".to_string());
    let code = value.to_i64().ok_or_else(range_error)?;
    if !(0..=0x10ffff).contains(&code) {
        return Err(range_error());
    }
    // Lone surrogates cannot live in a Rust string; they print as U+FFFD.
    Ok(char::from_u32(code as u32).unwrap_or('\u{fffd}'))
}

/// The integer presentation types (`b c d o x X n`).
fn format_int_spec(value: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = spec.ty.unwrap_or('d');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let ch = int_to_char(value)?.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            rest: &ch,
        };
        return Ok(layout_number(&parts, spec));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: value.sign() == BigSign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
    };
    Ok(layout_number(&parts, spec))
}
