//! CPython 3.11's `optimize_format`: `"..." % (a, b)` with a literal format using only
//! `%s`, `%r` and `%a` (with at most a two-digit width and precision) becomes the
//! f-string it equals, `f"...{a!s}...{b!r:>5}"`, when the tuple is written out (and is
//! not itself a constant) with exactly as many items as the format has units.

use pyc_parser::ast::Expr;

/// The most digits (less one) a width or precision may have.
const MAX_DIGITS: usize = 3;

/// One piece of the f-string a `%` format becomes.
pub(crate) enum Piece<'a> {
    /// Literal text (`%%` already made `%`).
    Literal(String),
    /// A value, converted with `!s`, `!r` or `!a`, and formatted with a spec if given.
    Value {
        value: &'a Expr,
        conversion: char,
        spec: Option<String>,
    },
}

/// The pieces of `format % items`, or `None` when CPython keeps the `%` operation.
pub(crate) fn percent_format<'a>(format: &str, items: &'a [Expr]) -> Option<Vec<Piece<'a>>> {
    let chars: Vec<char> = format.chars().collect();
    let mut pos = 0;
    let mut pieces = Vec::new();
    let mut used = 0;
    loop {
        if let Some(text) = literal(&chars, &mut pos) {
            pieces.push(Piece::Literal(text));
        }
        if pos >= chars.len() {
            break;
        }
        let value = items.get(used)?;
        used += 1;
        pos += 1; // the `%`
        pieces.push(unit(&chars, &mut pos, value)?);
    }
    (used == items.len()).then_some(pieces)
}

/// The literal text from `pos` up to the next lone `%`.
fn literal(chars: &[char], pos: &mut usize) -> Option<String> {
    let start = *pos;
    let mut text = String::new();
    while *pos < chars.len() {
        if chars[*pos] != '%' {
            text.push(chars[*pos]);
            *pos += 1;
        } else if chars.get(*pos + 1) == Some(&'%') {
            text.push('%');
            *pos += 2;
        } else {
            break;
        }
    }
    (*pos > start).then_some(text)
}

/// One conversion unit after its `%`: flags, width, precision and the conversion.
fn unit<'a>(chars: &[char], pos: &mut usize, value: &'a Expr) -> Option<Piece<'a>> {
    let mut next = || {
        let c = chars.get(*pos).copied();
        *pos += 1;
        c
    };
    let mut c = next()?;
    let mut left_justify = false;
    while matches!(c, '-' | '+' | ' ' | '#' | '0') {
        left_justify |= c == '-';
        c = next()?;
    }
    let mut width = None;
    if c.is_ascii_digit() {
        let (w, after) = number(c, &mut next)?;
        width = Some(w);
        c = after;
    }
    let mut precision = None;
    if c == '.' {
        c = next()?;
        let mut p = 0;
        if c.is_ascii_digit() {
            (p, c) = number(c, &mut next)?;
        }
        precision = Some(p);
    }
    if !matches!(c, 's' | 'r' | 'a') {
        return None;
    }
    let mut spec = String::new();
    if let Some(w) = width {
        if !left_justify && w > 0 {
            spec.push('>');
        }
        spec += &w.to_string();
    }
    if let Some(p) = precision {
        spec += &format!(".{p}");
    }
    Some(Piece::Value {
        value,
        conversion: c,
        spec: (!spec.is_empty()).then_some(spec),
    })
}

/// A run of digits starting with `first`, and the character after it; `None` past
/// two digits or at the end of the format.
fn number(first: char, next: &mut impl FnMut() -> Option<char>) -> Option<(u32, char)> {
    let mut value = 0;
    let mut c = first;
    let mut digits = 0;
    while c.is_ascii_digit() {
        value = value * 10 + c.to_digit(10).expect("a digit");
        c = next()?;
        digits += 1;
        if digits >= MAX_DIGITS {
            return None;
        }
    }
    Some((value, c))
}
