//! Parsing of the format-spec mini-language:
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.

use super::FormatError;

/// Where padding goes (`<`, `>`, `^`, `=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`: pad on the right.
    Left,
    /// `>`: pad on the left.
    Right,
    /// `^`: pad on both sides, the extra character on the right.
    Center,
    /// `=`: pad between the sign/prefix and the digits.
    AfterSign,
}

/// The sign option (`+`, `-`, ` `).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `-`: only negative numbers get a sign (also the default).
    Minus,
    /// `+`: always show the sign.
    Plus,
    /// ` `: a space for non-negative numbers.
    Space,
}

/// A parsed format specifier, as CPython's `InternalFormatSpec`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (`' '`, or `'0'` from the `0` flag when no fill was given).
    pub fill: char,
    /// The alignment, with the type's default applied.
    pub align: Align,
    /// The explicit sign option, if any.
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The minimum field width.
    pub width: Option<usize>,
    /// The thousands separator, `','` or `'_'`.
    pub grouping: Option<char>,
    /// The precision.
    pub precision: Option<usize>,
    /// The presentation type, with the type's default applied (`None` only for floats).
    pub ty: Option<char>,
}

impl FormatSpec {
    /// Parses `spec` for a value of Python type `type_name`, whose default presentation type
    /// is `default_ty` (`Some('d')` for ints, `None` for floats, `Some('s')` for strings) and
    /// default alignment `default_align` (`Right` for numbers, `Left` for strings).
    ///
    /// Errors are CPython's `ValueError`s, e.g. `Invalid format specifier 'abc' for object
    /// of type 'int'` or `Cannot specify ',' with 's'.`.
    pub fn parse(
        spec: &str,
        type_name: &str,
        default_ty: Option<char>,
        default_align: Align,
    ) -> Result<FormatSpec, FormatError> {
        let chars: Vec<char> = spec.chars().collect();
        let mut pos = 0;
        let mut out = FormatSpec {
            fill: ' ',
            align: default_align,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            ty: default_ty,
        };
        let at = |i: usize| chars.get(i).copied();
        let mut fill_given = false;
        let mut align_given = false;
        if let Some(align) = at(1).and_then(parse_align) {
            out.fill = chars[0];
            out.align = align;
            fill_given = true;
            align_given = true;
            pos = 2;
        } else if let Some(align) = at(0).and_then(parse_align) {
            out.align = align;
            align_given = true;
            pos = 1;
        }
        out.sign = match at(pos) {
            Some('+') => Some(Sign::Plus),
            Some('-') => Some(Sign::Minus),
            Some(' ') => Some(Sign::Space),
            _ => None,
        };
        if out.sign.is_some() {
            pos += 1;
        }
        if at(pos) == Some('z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if at(pos) == Some('#') {
            out.alternate = true;
            pos += 1;
        }
        if !fill_given && at(pos) == Some('0') {
            out.fill = '0';
            if !align_given && default_align == Align::Right {
                out.align = Align::AfterSign;
            }
            pos += 1;
        }
        out.width = parse_int(&chars, &mut pos)?;
        if at(pos) == Some(',') {
            out.grouping = Some(',');
            pos += 1;
        }
        if at(pos) == Some('_') {
            if out.grouping.is_some() {
                return Err(both_separators());
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if at(pos) == Some(',') && out.grouping == Some('_') {
            return Err(both_separators());
        }
        if at(pos) == Some('.') {
            pos += 1;
            out.precision = parse_int(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(FormatError::value("Format specifier missing precision"));
            }
        }
        match chars.len() - pos {
            0 => {}
            1 => out.ty = Some(chars[pos]),
            _ => {
                return Err(FormatError::Value(format!(
                    "Invalid format specifier '{spec}' for object of type '{type_name}'"
                )))
            }
        }
        if let Some(sep) = out.grouping {
            let ok = match out.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => sep == '_',
                Some(_) => false,
            };
            if !ok {
                return Err(FormatError::Value(format!(
                    "Cannot specify '{sep}' with {}.",
                    quote_code(out.ty.unwrap_or('\0'))
                )));
            }
        }
        Ok(out)
    }

    /// The digit-group size for the thousands separator: 4 for `b o x X`, else 3.
    pub(super) fn group_size(&self) -> usize {
        match self.ty {
            Some('b' | 'o' | 'x' | 'X') => 4,
            _ => 3,
        }
    }
}

/// `Unknown format code 'q' for object of type 'int'`.
pub(super) fn unknown_code(ty: char, type_name: &str) -> FormatError {
    FormatError::Value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        quote_code(ty)
    ))
}

/// A presentation type as CPython quotes it in messages: `'x'`, or `'\x1'` when not
/// printable ASCII.
fn quote_code(ty: char) -> String {
    if (33..128).contains(&(ty as u32)) {
        format!("'{ty}'")
    } else {
        format!("'\\x{:x}'", ty as u32)
    }
}

fn both_separators() -> FormatError {
    FormatError::value("Cannot specify both ',' and '_'.")
}

fn parse_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads a run of ASCII digits at `pos` (`None` when there are none), failing like CPython
/// when it exceeds `Py_ssize_t`.
fn parse_int(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|v| *v <= isize::MAX as usize)
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}
