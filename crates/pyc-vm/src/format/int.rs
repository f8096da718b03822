//! `format(int, spec)`: `int.__format__`.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::ToPrimitive;

use super::float::format_float_spec;
use super::layout::{layout_number, NumberParts};
use super::spec::{unknown_code, Align, FormatSpec};
use super::FormatError;

/// CPython's default `sys.get_int_max_str_digits()`: the most decimal digits an int may
/// have when converted to or from a decimal string.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;

thread_local! {
    /// The current `sys.get_int_max_str_digits()` (0: no limit). Per thread, as a VM
    /// runs on one thread.
    static INT_MAX_STR_DIGITS: std::cell::Cell<usize> =
        const { std::cell::Cell::new(DEFAULT_INT_MAX_STR_DIGITS) };
}

/// The current limit on decimal digits (0: none).
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.with(|c| c.get())
}

/// Sets the limit on decimal digits (`sys.set_int_max_str_digits`).
pub fn set_int_max_str_digits(limit: usize) {
    INT_MAX_STR_DIGITS.with(|c| c.set(limit));
}

/// The message of the `ValueError` for an int too long to convert to decimal text.
pub fn int_str_limit_msg() -> String {
    format!(
        "Exceeds the limit ({} digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit",
        int_max_str_digits()
    )
}

/// Decimal digits of `|value|`, or the `ValueError` past the digit limit.
pub(crate) fn decimal_magnitude(value: &BigInt) -> Result<String, FormatError> {
    let limit = int_max_str_digits();
    // 2**(limit*3.33) > 10**limit: anything that wide is over the limit without converting.
    if limit != 0 && value.bits() > (limit as u64 + 4) * 10 / 3 + 10 {
        return Err(FormatError::value(int_str_limit_msg()));
    }
    let digits = value.magnitude().to_str_radix(10);
    if limit != 0 && digits.len() > limit {
        return Err(FormatError::value(int_str_limit_msg()));
    }
    Ok(digits)
}

/// `str(value)`, or the `ValueError` past the digit limit.
pub fn int_to_decimal(value: &BigInt) -> Result<String, FormatError> {
    let digits = decimal_magnitude(value)?;
    Ok(if value.sign() == BigSign::Minus {
        format!("-{digits}")
    } else {
        digits
    })
}

/// `format(value, spec)` for an `int` (`type_name` is the object's type name, used in
/// error messages: `"int"`, or `"bool"` for `True`/`False`).
///
/// Handles types `b c d o x X n` and none, plus `e E f F g G %` through a conversion to
/// float. An empty spec gives `str(value)`; for `bool` the caller should special-case the
/// empty spec (`format(True, '') == 'True'`), every other spec formats the number.
pub fn format_int(value: &BigInt, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return int_to_decimal(value);
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
        if value.to_i64().is_none() {
            return Err(FormatError::Overflow(
                "Python int too large to convert to C long".to_string(),
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
    let mut digits = if radix == 10 {
        decimal_magnitude(value)?
    } else {
        value.magnitude().to_str_radix(radix)
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `format(int(value), spec)` from CPython 3.11; `!Class: message` for errors.
    const CASES: &[(&str, &str, &str)] = &[
        (
            "0",
            "abc",
            "!ValueError: Invalid format specifier 'abc' for object of type 'int'",
        ),
        ("1", "_", "1"),
        ("1", "010,", "00,000,001"),
        ("1", "05c", "0000\u{1}"),
        ("1", "f", "1.000000"),
        ("1", "g", "1"),
        ("1", " 8,", "       1"),
        ("1", "<08", "10000000"),
        ("1", "0<8", "10000000"),
        ("1", "^", "1"),
        (
            "1",
            "99999999999999999999999",
            "!ValueError: Too many decimal digits in format string",
        ),
        ("1", ",d", "1"),
        ("-1", "", "-1"),
        ("-1", "+05", "-0001"),
        ("-1", "_", "-1"),
        ("-1", "#_x", "-0x1"),
        ("-1", "<10", "-1        "),
        ("-1", "^10", "    -1    "),
        ("-1", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("-1", "05c", "!OverflowError: %c arg not in range(0x110000)"),
        ("-1", "G", "-1"),
        (
            "-1",
            "s",
            "!ValueError: Unknown format code 's' for object of type 'int'",
        ),
        ("-1", "_n", "!ValueError: Cannot specify '_' with 'n'."),
        (
            "-1",
            "z",
            "!ValueError: Negative zero coercion (z) not allowed in integer format specifier",
        ),
        ("-1", "^", "-1"),
        ("7", "", "7"),
        ("7", ",", "7"),
        ("7", "03d", "007"),
        ("7", "#b", "0b111"),
        ("7", "^10", "    7     "),
        (
            "7",
            "z",
            "!ValueError: Negative zero coercion (z) not allowed in integer format specifier",
        ),
        ("7", "#010x", "0x00000007"),
        ("7", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("6", "x", "6"),
        ("6", "#o", "0o6"),
        ("6", ">10", "         6"),
        ("6", "-d", "6"),
        ("6", "_n", "!ValueError: Cannot specify '_' with 'n'."),
        ("6", "x<8", "6xxxxxxx"),
        ("6", "<08", "60000000"),
        ("6", "^", "6"),
        ("-5", "+05", "-0005"),
        ("-5", "^10", "    -5    "),
        ("-5", "0=8", "-0000005"),
        ("-5", "n", "-5"),
        ("-5", "_,", "!ValueError: Cannot specify both ',' and '_'."),
        ("-5", "+#012_b", "-0b0000_0101"),
        ("-5", " 8,", "      -5"),
        ("42", "03d", "042"),
        ("42", ",c", "!ValueError: Cannot specify ',' with 'c'."),
        (
            "42",
            "1_000",
            "!ValueError: Invalid format specifier '1_000' for object of type 'int'",
        ),
        ("255", "#x", "0xff"),
        ("255", "#X", "0XFF"),
        ("255", "#b", "0b11111111"),
        ("255", "_b", "1111_1111"),
        ("255", "#_x", "0xff"),
        ("255", ">5c", "    \u{ff}"),
        ("255", ".2e", "2.55e+02"),
        ("255", ",.2f", "255.00"),
        (
            "255",
            ".2d",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        ("255", "0<8", "25500000"),
        ("-255", ",", "-255"),
        ("-255", "#x", "-0xff"),
        (
            "-255",
            "abc",
            "!ValueError: Invalid format specifier 'abc' for object of type 'int'",
        ),
        ("-255", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("1000000", "", "1000000"),
        ("1000000", ",", "1,000,000"),
        ("1000000", "_x", "f_4240"),
        ("1000000", ">10", "   1000000"),
        ("1000000", "<10", "1000000   "),
        ("1000000", "0=8", "01000000"),
        (
            "1000000",
            "_,",
            "!ValueError: Cannot specify both ',' and '_'.",
        ),
        (
            "1000000",
            ".",
            "!ValueError: Format specifier missing precision",
        ),
        ("1000000", ",d", "1,000,000"),
        ("1234", ",", "1,234"),
        ("1234", "#b", "0b10011010010"),
        ("1234", "o", "2322"),
        ("1234", "09,", "0,001,234"),
        ("1234", "08,", "0,001,234"),
        ("1234", "e", "1.234000e+03"),
        ("-1234567", ",", "-1,234,567"),
        ("-1234567", "+05", "-1234567"),
        ("-1234567", "b", "-100101101011010000111"),
        ("-1234567", "#_x", "-0x12_d687"),
        ("-1234567", "010,", "-1,234,567"),
        ("-1234567", "*^11", "*-1234567**"),
        ("-1234567", ".2e", "-1.23e+06"),
        (
            "-1234567",
            "s",
            "!ValueError: Unknown format code 's' for object of type 'int'",
        ),
        (
            "-1234567",
            "abc",
            "!ValueError: Invalid format specifier 'abc' for object of type 'int'",
        ),
        ("-1234567", " 8,", "-1,234,567"),
        ("18446744073709551617", "03d", "18446744073709551617"),
        ("18446744073709551617", "^10", "18446744073709551617"),
        ("18446744073709551617", "e", "1.844674e+19"),
        (
            "18446744073709551617",
            "_n",
            "!ValueError: Cannot specify '_' with 'n'.",
        ),
        (
            "18446744073709551617",
            ".2d",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        ("18446744073709551617", " 8,", " 18,446,744,073,709,551,617"),
        ("18446744073709551617", "<08", "18446744073709551617"),
        ("-1180591620717411303424", "", "-1180591620717411303424"),
        ("-1180591620717411303424", "n", "-1180591620717411303424"),
        (
            "-1180591620717411303424",
            "f",
            "-1180591620717411303424.000000",
        ),
        (
            "-1180591620717411303424",
            "%",
            "-118059162071741130342400.000000%",
        ),
        (
            "-1180591620717411303424",
            ",c",
            "!ValueError: Cannot specify ',' with 'c'.",
        ),
        (
            "-1180591620717411303424",
            "#c",
            "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'",
        ),
        (
            "-1180591620717411303424",
            "020_",
            "-1_180_591_620_717_411_303_424",
        ),
        (
            "-1180591620717411303424",
            "1_000",
            "!ValueError: Invalid format specifier '1_000' for object of type 'int'",
        ),
        ("65", "#x", "0x41"),
        ("65", "+d", "+65"),
        ("65", "c", "A"),
        ("65", "05c", "0000A"),
        ("65", ",.2f", "65.00"),
        ("65", "_,", "!ValueError: Cannot specify both ',' and '_'."),
        (
            "65",
            ".2d",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        ("65", "#d", "65"),
        ("128512", "+05", "+128512"),
        ("128512", "=10", "    128512"),
        ("128512", "020_", "0_000_000_000_128_512"),
        ("128512", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("100000000000000000000", ",", "100,000,000,000,000,000,000"),
        ("100000000000000000000", "03d", "100000000000000000000"),
        ("100000000000000000000", "+05", "+100000000000000000000"),
        ("100000000000000000000", "-d", "100000000000000000000"),
        (
            "100000000000000000000",
            "c",
            "!OverflowError: Python int too large to convert to C long",
        ),
        ("100000000000000000000", "g", "1e+20"),
    ];

    #[test]
    fn matches_cpython() {
        for (value, spec, want) in CASES {
            let value: BigInt = value.parse().expect("decimal literal");
            let got = match format_int(&value, spec, "int") {
                Ok(s) => s,
                Err(e) => format!("!{e}"),
            };
            assert_eq!(got, *want, "format({value}, {spec:?})");
        }
    }

    #[test]
    fn bool_errors_name_bool() {
        let err = format_int(&BigInt::from(1), "s", "bool").unwrap_err();
        assert_eq!(
            err,
            FormatError::value("Unknown format code 's' for object of type 'bool'")
        );
    }
}
