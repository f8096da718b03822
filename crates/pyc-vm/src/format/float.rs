//! `format(float, spec)` (`float.__format__`) and `str(float)`.

use pyc_bytecode::repr::float_repr;

use super::dtoa::{double_to_string, DtoaFlags};
use super::layout::{layout_number, NumberParts};
use super::spec::{unknown_code, Align, FormatSpec};
use super::FormatError;

/// `str(x)` for a float, which in Python 3 is the same as `repr(x)`: `1.0`, `1e+16`,
/// `0.30000000000000004`, `inf`, `nan`.
pub fn float_str(x: f64) -> String {
    float_repr(x)
}

/// `format(value, spec)` for a `float` (`type_name` is used in error messages).
///
/// Handles types `e E f F g G n %` and none (like `repr` without a precision, like `g`
/// keeping at least one fractional digit with one), with fill/align, sign, `z`, `#`, `0`,
/// width, `,`/`_` grouping and precision. An empty spec gives `str(value)`.
pub fn format_float(value: f64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(float_str(value));
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
