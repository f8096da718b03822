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
    let fill = |n: usize| std::iter::repeat_n(spec.fill, n);
    let mut out = String::with_capacity(text.len() + padding);
    out.extend(fill(left));
    out.push_str(&text);
    out.extend(fill(padding - left));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `format(value, spec)` from CPython 3.11; `!Class: message` for errors.
    const CASES: &[(&str, &str, &str)] = &[
        ("s", "^5", "  s  "),
        ("s", ">6", "     s"),
        ("s", "*^9", "****s****"),
        ("s", "10.3", "s         "),
        ("s", ">10s", "         s"),
        (
            "s",
            "z",
            "!ValueError: Negative zero coercion (z) not allowed in string format specifier",
        ),
        ("s", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("s", "_", "!ValueError: Cannot specify '_' with 's'."),
        (
            "s",
            "abc",
            "!ValueError: Invalid format specifier 'abc' for object of type 'str'",
        ),
        ("s", "0^7", "000s000"),
        (
            "s",
            "\u{65e5}>8",
            "\u{65e5}\u{65e5}\u{65e5}\u{65e5}\u{65e5}\u{65e5}\u{65e5}s",
        ),
        ("pi", ">6", "    pi"),
        ("pi", "<6", "pi    "),
        ("pi", "10.3", "pi        "),
        ("pi", ">10s", "        pi"),
        ("pi", "05", "pi000"),
        (
            "pi",
            "=5",
            "!ValueError: '=' alignment not allowed in string format specifier",
        ),
        (
            "pi",
            "+",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        (
            "pi",
            " ",
            "!ValueError: Space not allowed in string format specifier",
        ),
        (
            "pi",
            "d",
            "!ValueError: Unknown format code 'd' for object of type 'str'",
        ),
        ("pi", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("pi", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("pi", "x^3", "pix"),
        ("pi", ".0", ""),
        (
            "pi",
            "abc",
            "!ValueError: Invalid format specifier 'abc' for object of type 'str'",
        ),
        (
            "pi",
            "\u{1}",
            "!ValueError: Unknown format code '\\x1' for object of type 'str'",
        ),
        ("", "*^9", "*********"),
        ("", "10.3", "          "),
        ("", ">10s", "          "),
        (
            "",
            "+",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        ("", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("", "x^3", "xxx"),
        ("", ".0", ""),
        (
            "",
            "abc",
            "!ValueError: Invalid format specifier 'abc' for object of type 'str'",
        ),
        ("hello world", "^5", "hello world"),
        ("hello world", ">6", "hello world"),
        (
            "hello world",
            "=5",
            "!ValueError: '=' alignment not allowed in string format specifier",
        ),
        (
            "hello world",
            "+",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        (
            "hello world",
            "-",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        (
            "hello world",
            "d",
            "!ValueError: Unknown format code 'd' for object of type 'str'",
        ),
        ("hello world", "x^3", "hello world"),
        (
            "hello world",
            ".",
            "!ValueError: Format specifier missing precision",
        ),
        (
            "hello world",
            "abc",
            "!ValueError: Invalid format specifier 'abc' for object of type 'str'",
        ),
        (
            "hello world",
            "\u{1}",
            "!ValueError: Unknown format code '\\x1' for object of type 'str'",
        ),
        ("h\u{e9}llo", "", "h\u{e9}llo"),
        ("h\u{e9}llo", "^5", "h\u{e9}llo"),
        ("h\u{e9}llo", ">6", " h\u{e9}llo"),
        ("h\u{e9}llo", "<6", "h\u{e9}llo "),
        ("h\u{e9}llo", "10.3", "h\u{e9}l       "),
        (
            "h\u{e9}llo",
            "-",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        (
            "h\u{e9}llo",
            " ",
            "!ValueError: Space not allowed in string format specifier",
        ),
        (
            "h\u{e9}llo",
            ",",
            "!ValueError: Cannot specify ',' with 's'.",
        ),
        ("h\u{e9}llo", "x^3", "h\u{e9}llo"),
        ("h\u{e9}llo", ".0", ""),
        (
            "h\u{e9}llo",
            "abc",
            "!ValueError: Invalid format specifier 'abc' for object of type 'str'",
        ),
        ("h\u{e9}llo", "0^7", "0h\u{e9}llo0"),
        (
            "h\u{e9}llo",
            "\u{65e5}>8",
            "\u{65e5}\u{65e5}\u{65e5}h\u{e9}llo",
        ),
        ("\u{65e5}\u{672c}", "<6", "\u{65e5}\u{672c}    "),
        ("\u{65e5}\u{672c}", "s", "\u{65e5}\u{672c}"),
        (
            "\u{65e5}\u{672c}",
            "=5",
            "!ValueError: '=' alignment not allowed in string format specifier",
        ),
        (
            "\u{65e5}\u{672c}",
            "+",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        (
            "\u{65e5}\u{672c}",
            "#",
            "!ValueError: Alternate form (#) not allowed in string format specifier",
        ),
        ("\u{65e5}\u{672c}", ".0", ""),
        (
            "\u{65e5}\u{672c}",
            ".",
            "!ValueError: Format specifier missing precision",
        ),
        (
            "\u{65e5}\u{672c}",
            "\u{65e5}>8",
            "\u{65e5}\u{65e5}\u{65e5}\u{65e5}\u{65e5}\u{65e5}\u{65e5}\u{672c}",
        ),
    ];

    #[test]
    fn matches_cpython() {
        for (value, spec, want) in CASES {
            let got = match format_str(value, spec, "str") {
                Ok(s) => s,
                Err(e) => format!("!{e}"),
            };
            assert_eq!(got, *want, "format({value:?}, {spec:?})");
        }
    }
}
