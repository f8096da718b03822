//! `format(float, spec)` (`float.__format__`) and `str(float)`.

use pyc_bytecode::repr::float_repr;

use super::dtoa::{double_to_string, DtoaFlags};
use super::layout::{layout_number, NumberParts};
use super::spec::{unknown_code, Align, FormatSpec};
use super::FormatError;

/// `format(value, spec)` for a `float` (`type_name` is used in error messages).
///
/// Handles types `e E f F g G n %` and none (like `repr` without a precision, like `g`
/// keeping at least one fractional digit with one), with fill/align, sign, `z`, `#`, `0`,
/// width, `,`/`_` grouping and precision. An empty spec gives `str(value)`.
pub fn format_float(value: f64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(float_repr(value));
    }
    let spec = FormatSpec::parse(spec, type_name, None, Align::Right)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_spec(value, &spec)
        }
        Some(ty) => Err(unknown_code(ty, type_name)),
    }
}

/// Formats `value` by an already parsed spec whose type is a float type (or none).
pub(super) fn format_float_spec(value: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let precision = match spec.precision {
        Some(p) if p > i32::MAX as usize => {
            return Err(FormatError::value("precision too big"));
        }
        p => p,
    };
    let mut flags = DtoaFlags {
        alternate: spec.alternate,
        no_neg_zero: spec.no_neg_zero,
        add_dot_0: false,
    };
    let mut value = value;
    let mut percent = false;
    let code = match spec.ty {
        None => {
            flags.add_dot_0 = true;
            if precision.is_some() {
                'g'
            } else {
                'r'
            }
        }
        Some('n') => 'g',
        Some('%') => {
            value *= 100.0;
            percent = true;
            'f'
        }
        Some(c) => c,
    };
    let mut text = double_to_string(value, code, precision.unwrap_or(6), flags);
    if percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body[..split],
        rest: &body[split..],
    };
    Ok(layout_number(&parts, spec))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `format(value, spec)` from CPython 3.11; `!Class: message` for errors.
    #[allow(clippy::approx_constant)] // 3.14159 is test data, not an attempt at PI
    const CASES: &[(f64, &str, &str)] = &[
        (0.0, "", "0.0"),
        (0.0, ",.2f", "0.00"),
        (0.0, "e", "0.000000e+00"),
        (0.0, "=+12", "+        0.0"),
        (0.0, ".", "!ValueError: Format specifier missing precision"),
        (0.0, "*>+15,.3f", "*********+0.000"),
        (0.0, ".999999999999f", "!ValueError: precision too big"),
        (-0.0, ".2f", "-0.00"),
        (-0.0, ",.2f", "-0.00"),
        (-0.0, "z", "0.0"),
        (-0.0, "*>+15,.3f", "*********-0.000"),
        (-0.0, ".999999999999f", "!ValueError: precision too big"),
        (1.0, "", "1.0"),
        (1.0, "#g", "1.00000"),
        (1.0, "+", "+1.0"),
        (1.0, ".20f", "1.00000000000000000000"),
        (1.0, "0.1", "1e+00"),
        (-1.0, "G", "-1"),
        (-1.0, "E", "-1.000000E+00"),
        (-1.0, "#.0e", "-1.e+00"),
        (-1.0, ",e", "-1.000000e+00"),
        (-1.0, "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (-1.0, ",n", "!ValueError: Cannot specify ',' with 'n'."),
        (3.14159, ".2f", "3.14"),
        (3.14159, "08.3f", "0003.142"),
        (3.14159, ".1%", "314.2%"),
        (3.14159, ".2", "3.1"),
        (3.14159, "#g", "3.14159"),
        (3.14159, ".2g", "3.1"),
        (3.14159, "n", "3.14159"),
        (-3.14159, "#.0e", "-3.e+00"),
        (-3.14159, "^12.3e", " -3.142e+00 "),
        (-3.14159, "012", "-00003.14159"),
        (-3.14159, "z", "-3.14159"),
        (-3.14159, ".20f", "-3.14158999999999988262"),
        (-3.14159, ".999999999999f", "!ValueError: precision too big"),
        (1234.5678, ".2f", "1234.57"),
        (1234.5678, ",.2f", "1,234.57"),
        (1234.5678, ".2", "1.2e+03"),
        (1234.5678, "012,.1f", "00,001,234.6"),
        (1234.5678, "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (0.5, "%", "50.000000%"),
        (0.5, "g", "0.5"),
        (0.5, ".2", "0.5"),
        (0.5, "#", "0.5"),
        (0.5, "#.3g", "0.500"),
        (0.5, "012", "0000000000.5"),
        (0.5, ".20f", "0.50000000000000000000"),
        (0.5, "_", "0.5"),
        (0.5, ",e", "5.000000e-01"),
        (0.5, "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (1e-07, "g", "1e-07"),
        (1e-07, ".2", "1e-07"),
        (1e-07, "#g", "1.00000e-07"),
        (1e-07, "012", "00000001e-07"),
        (1e-07, "z%", "0.000010%"),
        (123456789.0, "g", "1.23457e+08"),
        (123456789.0, "<10", "123456789.0"),
        (123456789.0, "_", "123_456_789.0"),
        (123456789.0, ",g", "1.23457e+08"),
        (123456789.0, "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (123456789.0, "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (1e+16, "", "1e+16"),
        (1e+16, "#", "1.e+16"),
        (1e+16, "=+12", "+      1e+16"),
        (1e+16, "z", "1e+16"),
        (1e+16, "0=+15,.3f", "+10,000,000,000,000,000.000"),
        (1000000000000000.0, "G", "1E+15"),
        (1000000000000000.0, ",", "1,000,000,000,000,000.0"),
        (1000000000000000.0, ".17g", "1000000000000000"),
        (0.1, "#.0f", "0."),
        (0.1, ".2g", "0.1"),
        (0.1, "_.3f", "0.100"),
        (0.1, "012e", "1.000000e-01"),
        (0.1, "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (0.1, ",n", "!ValueError: Cannot specify ',' with 'n'."),
        (0.1, "*>+15,.3f", "*********+0.100"),
        (2.5, "", "2.5"),
        (2.5, ".0", "2e+00"),
        (2.5, "012", "0000000002.5"),
        (2.5, "z", "2.5"),
        (2.5, "z.1f", "2.5"),
        (2.5, "z.0f", "2"),
        (2.5, "_", "2.5"),
        (2.5, ",e", "2.500000e+00"),
        (2.5, ".999999999999f", "!ValueError: precision too big"),
        (1e+100, ".2g", "1e+100"),
        (1e+100, "_", "1e+100"),
        (1e+100, "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (1e+100, ",n", "!ValueError: Cannot specify ',' with 'n'."),
        (1e+100, ".17g", "1e+100"),
        (-1e-100, "z.0f", "0"),
        (5e-324, ".0e", "5e-324"),
        (5e-324, ".2g", "4.9e-324"),
        (5e-324, "*>+15,.3f", "*********+0.000"),
        (1.7976931348623157e+308, "#.0f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368."),
        (1.7976931348623157e+308, "=+12", "+1.7976931348623157e+308"),
        (1.7976931348623157e+308, "z.1f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.0"),
        (1.7976931348623157e+308, ".20f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00000000000000000000"),
        (1.7976931348623157e+308, "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (1.7976931348623157e+308, "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (1.7976931348623157e+308, ".", "!ValueError: Format specifier missing precision"),
        (1.7976931348623157e+308, ".0%", "inf%"),
        (1.7976931348623157e+308, "0.1", "2e+308"),
        (f64::INFINITY, "", "inf"),
        (f64::INFINITY, ",.2f", "inf"),
        (f64::INFINITY, "E", "INF"),
        (f64::INFINITY, ".0e", "inf"),
        (f64::INFINITY, "10.2f", "       inf"),
        (f64::INFINITY, ",g", "inf"),
        (f64::NEG_INFINITY, "E", "-INF"),
        (f64::NEG_INFINITY, "F", "-INF"),
        (f64::NEG_INFINITY, ".3", "-inf"),
        (f64::NEG_INFINITY, "#", "-inf"),
        (f64::NEG_INFINITY, ",", "-inf"),
        (f64::NEG_INFINITY, "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (f64::NEG_INFINITY, "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (f64::NEG_INFINITY, "*>+15,.3f", "***********-inf"),
        (f64::NAN, "g", "nan"),
        (f64::NAN, "E", "NAN"),
        (f64::NAN, "F", "NAN"),
        (f64::NAN, "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (0.125, "", "0.125"),
        (0.125, ".2f", "0.12"),
        (0.125, "08.3f", "0000.125"),
        (0.125, "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (2.675, ".2f", "2.67"),
        (2.675, "#g", "2.67500"),
        (2.675, "#.0e", "3.e+00"),
        (2.675, "012,.1f", "00,000,002.7"),
        (2.675, ",", "2.675"),
        (2.675, "_", "2.675"),
        (2.675, "012e", "2.675000e+00"),
        (2.675, "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (2.675, "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (2.675, "z%", "267.500000%"),
        (1e+22, "E", "1.000000E+22"),
        (1e+22, "z.1f", "10000000000000000000000.0"),
        (1e+22, ".20f", "10000000000000000000000.00000000000000000000"),
        (1e+22, ".", "!ValueError: Format specifier missing precision"),
        (1e+22, "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (12345.6789, ".2", "1.2e+04"),
        (12345.6789, "#.0f", "12346."),
        (0.0001, ",.2f", "0.00"),
        (0.0001, ".2", "0.0001"),
        (0.0001, ".2g", "0.0001"),
        (0.0001, ".10g", "0.0001"),
        (0.0001, "_", "0.0001"),
        (0.0001, "_.3f", "0.000"),
        (0.0001, "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (1e-05, "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (9.9999, "%", "999.990000%"),
        (9.9999, "<10", "9.9999    "),
        (9.9999, "^12.3e", " 1.000e+01  "),
        (9.9999, "012e", "9.999900e+00"),
        (99.5, ",.2f", "99.50"),
        (99.5, "%", "9950.000000%"),
        (99.5, "z.0f", "100"),
        (99.5, ",n", "!ValueError: Cannot specify ',' with 'n'."),
        (99.5, "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (-0.0001, "E", "-1.000000E-04"),
        (-0.0001, ".0", "-0.0001"),
        (-0.0001, "z", "-0.0001"),
        (-0.0001, ".2g", "-0.0001"),
        (-0.0001, ",g", "-0.0001"),
        (-0.0001, "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (-0.0001, ".0%", "-0%"),
    ];

    #[test]
    fn matches_cpython() {
        for (value, spec, want) in CASES {
            let got = match format_float(*value, spec, "float") {
                Ok(s) => s,
                Err(e) => format!("!{e}"),
            };
            assert_eq!(got, *want, "format({value:?}, {spec:?})");
        }
    }

    #[test]
    fn empty_spec_is_repr() {
        assert_eq!(format_float(1.0, "", "float").unwrap(), "1.0");
        assert_eq!(format_float(1e16, "", "float").unwrap(), "1e+16");
        assert_eq!(format_float(-0.0, "", "float").unwrap(), "-0.0");
    }
}
