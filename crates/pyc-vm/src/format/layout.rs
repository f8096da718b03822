//! Laying out a formatted number in its field: sign, prefix, digit grouping, padding
//! (CPython's `calc_number_widths` + `fill_number`).

use super::spec::{Align, FormatSpec, Sign};

/// The pieces of a number before padding: `[-]<prefix><digits><rest>`.
pub(super) struct NumberParts<'a> {
    /// Whether the value is negative (a `-` sign is always shown).
    pub negative: bool,
    /// `0x`, `0b`, `0o` (or upper-case) in alternate form, else empty.
    pub prefix: &'a str,
    /// The integer digits, which get grouping and `=`-zero-padding.
    pub digits: &'a str,
    /// Everything after the integer digits: `.123e+05`, `%`, `inf`, a `c` character.
    pub rest: &'a str,
}

/// Pads `parts` to `spec`'s width, inserting the spec's thousands separator (if any) into
/// the digits.
pub(super) fn layout_number(parts: &NumberParts, spec: &FormatSpec) -> String {
    let sign = match (parts.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, Some(Sign::Plus)) => Some('+'),
        (false, Some(Sign::Space)) => Some(' '),
        (false, _) => None,
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let non_digits = sign.map_or(0, |_| 1)
        + parts.prefix.chars().count() as i64
        + parts.rest.chars().count() as i64;
    let min_width = if spec.fill == '0' && spec.align == Align::AfterSign {
        width - non_digits
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        let grouping = spec.grouping.map(|sep| (sep, spec.group_size()));
        group_digits(parts.digits, grouping, min_width)
    };
    let padding = (width - non_digits - grouped.len() as i64).max(0) as usize;
    let (left, inner, right) = match spec.align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    let fill = |n: usize| std::iter::repeat_n(spec.fill, n);
    let mut out = String::new();
    out.extend(fill(left));
    out.extend(sign);
    out.push_str(parts.prefix);
    out.extend(fill(inner));
    out.push_str(&grouped);
    out.push_str(parts.rest);
    out.extend(fill(right));
    out
}

/// Inserts `sep` every `every` digits from the right (CPython's
/// `_PyUnicode_InsertThousandsGrouping`), left-padding with zeros — which get separators
/// too — until the result is at least `min_width` characters long.
fn group_digits(digits: &str, grouping: Option<(char, usize)>, min_width: i64) -> String {
    let digits = digits.as_bytes();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width.max(0);
    // Built right to left, reversed at the end.
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() * 2);
    let mut end = digits.len();
    let mut emit = |rev: &mut Vec<char>, len: i64, remaining: i64, sep: Option<char>| {
        let zeros = (len - remaining).max(0);
        let n = remaining.min(len).max(0) as usize;
        rev.extend(sep);
        rev.extend(digits[end - n..end].iter().rev().map(|&b| b as char));
        rev.extend(std::iter::repeat_n('0', zeros as usize));
        end -= n;
        n as i64
    };
    match grouping {
        Some((sep, every)) => {
            let mut first = true;
            loop {
                let len = (every as i64).min(remaining.max(min_width).max(1));
                let used = emit(&mut rev, len, remaining, (!first).then_some(sep));
                first = false;
                remaining -= used;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            emit(&mut rev, len, remaining, None);
        }
    }
    rev.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_pads_with_grouped_zeros() {
        assert_eq!(group_digits("1234", Some((',', 3)), 9), "0,001,234");
        assert_eq!(group_digits("1234", Some((',', 3)), 8), "0,001,234");
        assert_eq!(group_digits("1234", Some((',', 3)), 0), "1,234");
        assert_eq!(group_digits("1234567", Some(('_', 4)), 0), "123_4567");
        assert_eq!(group_digits("12", None, 5), "00012");
        assert_eq!(group_digits("123", Some((',', 3)), 0), "123");
    }
}
