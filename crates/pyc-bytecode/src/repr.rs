//! Python's `repr` of the constant kinds that need care: floats and strings.
//!
//! Shared by the disassembler (constants) and the VM (`repr()`, `str()`), so both print
//! exactly what CPython prints.

pub use crate::unicode::is_printable;

/// `repr(x)` for a float, as CPython: the shortest digits that round-trip, in fixed
/// notation when the decimal exponent is in `-4..16`, otherwise `d.ddde+XX`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    // `{:e}` gives the shortest round-trip digits: "-1.2345e-7".
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').expect("`{:e}` always has an exponent");
    let exp: i32 = exp.parse().expect("exponent is an integer");
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let body = if (-4..16).contains(&exp) {
        fixed_notation(&digits, exp)
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{first}{frac}e{esign}{:02}", exp.abs())
    };
    format!("{sign}{body}")
}

/// Places the decimal point in `digits` (a significand `d.ddd`) for exponent `exp`,
/// always keeping at least one digit after the point.
fn fixed_notation(digits: &str, exp: i32) -> String {
    if exp < 0 {
        let zeros = "0".repeat((-exp - 1) as usize);
        return format!("0.{zeros}{digits}");
    }
    let point = exp as usize + 1;
    if digits.len() > point {
        format!("{}.{}", &digits[..point], &digits[point..])
    } else {
        format!("{digits}{}.0", "0".repeat(point - digits.len()))
    }
}

/// `repr(s)` for a string: single quotes unless the text has a `'` and no `"`, with
/// backslash escapes for the quote, `\\`, `\n`, `\r`, `\t` and non-printable characters.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if !is_printable(c) => out.push_str(&escape(c)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of a bytes object: `b'...'` (double quotes when the bytes hold a
/// single quote and no double quote), with `\t`, `\n`, `\r`, `\\` and `\xhh` for the
/// rest of what is not printable ASCII.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, by the size of the code point.
fn escape(c: char) -> String {
    let c = c as u32;
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_cpython() {
        let cases = [
            (2.5, "2.5"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.1 + 0.2, "0.30000000000000004"),
            (3.5, "3.5"),
            (100.0, "100.0"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (1.5e300, "1.5e+300"),
            (-2.25e-7, "-2.25e-07"),
            (f64::INFINITY, "inf"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:?})");
        }
    }

    /// Expected text is what CPython 3.11's `repr` prints.
    #[test]
    fn strings_escape_what_cpython_does_not_print() {
        let s = "a\u{a0}\u{ad}\u{fffe}\u{e0001}\u{200b}\u{e9}\u{1f600}";
        assert_eq!(str_repr(s), "'a\\xa0\\xad\\ufffe\\U000e0001\\u200bé😀'");
    }

    #[test]
    fn strings_pick_quotes_and_escape() {
        assert_eq!(str_repr("s"), "'s'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(str_repr("\u{1}"), "'\\x01'");
        assert_eq!(str_repr("é"), "'é'");
    }
}
