//! `format(str, spec)`: `str.__format__`.

use super::spec::{unknown_code, Align, FormatSpec, Sign};
use super::FormatError;

/// `format(value, spec)` for a `str` (`type_name` is used in error messages).
///
/// Only type `s` (or none); the precision truncates, the default alignment is left, and
/// sign, `z`, `#` and `=` are errors.
pub fn format_str(value: &str, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let spec = FormatSpec::parse(spec, type_name, Some('s'), Align::Left)?;
    if spec.ty != Some('s') {
        return Err(unknown_code(spec.ty.unwrap_or('\0'), type_name));
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut len = value.chars().count();
    let text = match spec.precision {
        Some(p) if p < len => {
            len = p;
            value.chars().take(p).collect()
        }
        _ => value.to_string(),
    };
    let padding = spec.width.map_or(0, |w| w.saturating_sub(len));
    let left = match spec.align {
        Align::Right => padding,
        Align::Center => padding / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let fill = |n: usize| std::iter::repeat(spec.fill).take(n);
    let mut out = String::with_capacity(text.len() + padding);
    out.extend(fill(left));
    out.push_str(&text);
    out.extend(fill(padding - left));
    Ok(out)
}
