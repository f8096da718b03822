//! The marker line CPython 3.11 prints under a traceback's source line (`^^^^`, or
//! `~~~^~~~` around an operator or a subscript's brackets), from the failing
//! instruction's position.
//!
//! The compiler records each instruction's span as byte columns and, for a one-line
//! binary operation or subscript, the `^` part (CPython finds it by parsing the text of
//! the span again; pyc knows it from the tree it compiled). Here the columns become
//! display columns, as CPython counts them: a wide or fullwidth character takes two.

use pyc_bytecode::{Anchors, Position};

/// How far CPython indents a traceback's source line.
const INDENT: usize = 4;

/// Whether CPython's traceback code counts `b` as a blank.
fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// How many columns `c` takes under CPython's markers.
fn width(c: char) -> usize {
    1 + usize::from(pyc_bytecode::unicode::is_wide(c))
}

/// How many columns the first `col` bytes of `line` take (a cut character counts
/// once, as CPython's decoder with replacement does).
fn char_offset(line: &str, col: u32) -> usize {
    let bytes = &line.as_bytes()[..(col as usize).min(line.len())];
    String::from_utf8_lossy(bytes).chars().map(width).sum()
}

/// The marker line (without its newline) for an instruction at `pos` whose first line
/// is `line` (the whole source line, without its line ending); `None` when CPython
/// prints none: a position without columns, or a span covering the whole line without
/// anchors.
pub(crate) fn marker_line(line: &str, pos: Position, anchors: Option<Anchors>) -> Option<String> {
    let (start_line, end_line) = (pos.line()?, pos.end_line()?);
    let (col, end_col) = (pos.col()?, pos.end_col()?);
    let start = char_offset(line, col);
    let (end, anchors) = if start_line == end_line {
        let anchors = anchors.map(|a| (char_offset(line, a.left), char_offset(line, a.right)));
        (char_offset(line, end_col), anchors)
    } else {
        // To the last non-blank of the first line. CPython walks the UTF-8 bytes from
        // the index of the last *character*; so does this.
        let bytes = line.as_bytes();
        let last = (0..line.chars().count().min(bytes.len()))
            .rev()
            .find(|&i| !is_blank(bytes[i]));
        (last.map_or(0, |i| i + 1), None)
    };
    let leading = line
        .chars()
        .take_while(|&c| c.is_ascii() && is_blank(c as u8))
        .count();
    let stripped_len = line.chars().count() - leading;
    if anchors.is_none() && end.saturating_sub(start) == stripped_len && end >= start {
        return None;
    }
    let (primary, secondary) = if anchors.is_some() {
        ('~', '^')
    } else {
        ('^', '^')
    };
    // CPython writes one character per column from the indentation it printed on.
    let first = leading as isize - INDENT as isize;
    let text = (first..end as isize)
        .map(|k| match anchors {
            _ if k < start as isize => ' ',
            Some((left, right)) if (left as isize) <= k && k < right as isize => secondary,
            _ => primary,
        })
        .collect();
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, end_line: u32, col: u32, end_col: u32) -> Position {
        Position::new(Some(line), Some(end_line), Some(col), Some(end_col))
    }

    fn anchors(left: u32, right: u32) -> Option<Anchors> {
        Some(Anchors {
            index: 0,
            left,
            right,
        })
    }

    #[test]
    fn a_call_is_marked_whole_unless_it_is_the_whole_line() {
        let line = "    return g(1) + 2";
        assert_eq!(
            marker_line(line, pos(1, 1, 11, 15), None).as_deref(),
            Some("           ^^^^")
        );
        assert_eq!(marker_line("    g(1)", pos(1, 1, 4, 8), None), None);
        assert_eq!(marker_line(line, Position::NONE, None), None);
    }

    #[test]
    fn operators_get_carets_and_operands_tildes() {
        let line = "x = a // b";
        let got = marker_line(line, pos(1, 1, 4, 10), anchors(6, 8));
        assert_eq!(got.as_deref(), Some("        ~~^^~~"));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let line = "\tx = 'é' + 1";
        let got = marker_line(line, pos(1, 1, 5, 13), anchors(10, 11));
        assert_eq!(got.as_deref(), Some("        ~~~~^~~"));
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let line = "x = {}; x['中'] + 1";
        let got = marker_line(line, pos(1, 1, 8, 16), anchors(9, 16));
        assert_eq!(got.as_deref(), Some("            ~^^^^^^"));
    }

    #[test]
    fn a_span_over_lines_is_marked_to_the_end_of_its_first_line() {
        let got = marker_line("    return (1 +  ", pos(1, 2, 11, 5), None);
        assert_eq!(got.as_deref(), Some("           ^^^^"));
    }
}
