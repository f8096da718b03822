//! Source locations of instructions as CPython 3.11's compiler tracks them, and their
//! final form in a code object's position table.

use pyc_bytecode::Position;

/// Where an instruction comes from: CPython's `(lineno, end_lineno, col_offset,
/// end_col_offset)` of the node being compiled, -1 for unknown; columns are UTF-8 byte
/// offsets into their line. `anchors` are the byte columns, on `line`, of what a
/// traceback marks with `^` inside a one-line binary operation or subscript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    /// The first line; -1 for an instruction without a location.
    pub line: i32,
    /// The last line.
    pub end_line: i32,
    /// The byte column of the start, on `line`.
    pub col: i32,
    /// The byte column of the end, on `end_line`.
    pub end_col: i32,
    /// The `^` range of a traceback's markers, when the node has one.
    pub anchors: Option<(u32, u32)>,
}

impl Loc {
    /// No location: the instruction takes its neighbours' (CPython's `UNSET_LOC`).
    pub const NONE: Loc = Loc {
        line: -1,
        end_line: -1,
        col: -1,
        end_col: -1,
        anchors: None,
    };

    /// What CPython's `ADDOP_NOLINE` gives an instruction.
    pub const NO_LINE: Loc = Loc {
        line: -1,
        end_line: 0,
        col: 0,
        end_col: 0,
        anchors: None,
    };

    /// The location of a scope's start: `line`, column 0, nothing wider.
    pub fn scope_start(line: i32, end_line: i32) -> Loc {
        Loc {
            line,
            end_line,
            col: 0,
            end_col: 0,
            anchors: None,
        }
    }

    /// Whether the instruction has a line of its own.
    pub fn has_line(&self) -> bool {
        self.line >= 0
    }

    /// The entry CPython's assembler writes into the location table for this location
    /// (`write_location_info_entry`), as `co_positions()` reads it back.
    pub fn position(&self) -> Position {
        let part = |v: i32| u32::try_from(v).ok();
        if self.line < 0 {
            return Position::NONE;
        }
        let line = part(self.line);
        if (self.col < 0 || self.end_col < 0) && (self.end_line == self.line || self.end_line == -1)
        {
            return Position::new(line, line, None, None);
        }
        Position::new(
            line,
            part(self.end_line),
            part(self.col),
            part(self.end_col),
        )
    }
}

/// The operators a binary operation can have, two-character ones first.
const BINARY_OPERATORS: [&str; 13] = [
    "**", "//", "<<", ">>", "+", "-", "*", "/", "%", "@", "&", "|", "^",
];

/// The first byte column at or after `from` in `line` that is not a blank or a closing
/// parenthesis: where CPython's traceback looks for what follows an operand.
fn skip_to_token(line: &str, from: usize) -> Option<usize> {
    let rest = line.get(from..)?;
    let skipped = rest
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b')'))
        .count();
    Some(from + skipped)
}

/// The `^` range of a one-line binary operation in `line` whose left operand ends at
/// byte column `left_end`: its operator.
pub fn binop_anchors(line: &str, left_end: usize) -> Option<(u32, u32)> {
    let at = skip_to_token(line, left_end)?;
    let rest = &line[at..];
    let op = BINARY_OPERATORS.iter().find(|op| rest.starts_with(**op))?;
    Some((at as u32, (at + op.len()) as u32))
}

/// The `^` range of a one-line subscript in `line` whose value ends at byte column
/// `value_end` and which ends at `end`: the brackets and what they hold.
pub fn subscript_anchors(line: &str, value_end: usize, end: usize) -> Option<(u32, u32)> {
    let at = skip_to_token(line, value_end)?;
    (line.as_bytes().get(at) == Some(&b'[') && at < end).then_some((at as u32, end as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_operators_are_found_after_blanks_and_parentheses() {
        assert_eq!(binop_anchors("x = (a)  // b", 6), Some((9, 11)));
        assert_eq!(binop_anchors("1 +\"x\"", 1), Some((2, 3)));
        assert_eq!(binop_anchors("a ** -b", 1), Some((2, 4)));
    }

    #[test]
    fn subscripts_mark_from_the_bracket_to_the_end() {
        assert_eq!(subscript_anchors("d [ (1) ]", 1, 9), Some((2, 9)));
        assert_eq!(subscript_anchors("(d)[1]", 2, 6), Some((3, 6)));
    }

    #[test]
    fn unknown_columns_give_a_line_only_position() {
        let loc = Loc {
            line: 3,
            end_line: -1,
            col: -1,
            end_col: -1,
            anchors: None,
        };
        let p = loc.position();
        assert_eq!((p.line(), p.end_line(), p.col()), (Some(3), Some(3), None));
        assert_eq!(Loc::NONE.position(), Position::NONE);
    }
}
