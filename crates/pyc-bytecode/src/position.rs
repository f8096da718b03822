//! Where each instruction comes from in the source, as CPython 3.11's `co_positions()`
//! tells it, and the anchors a traceback marks inside that span.

/// One instruction's source span: start and end line (1-based; a module's `RESUME` has
/// line 0) and start and end column, as UTF-8 byte offsets into their lines. Any part
/// may be unknown (`None` in `co_positions()`); unknown parts are kept as `u32::MAX` so
/// that a position takes 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    line: u32,
    end_line: u32,
    col: u32,
    end_col: u32,
}

/// How an unknown part is kept.
const UNKNOWN: u32 = u32::MAX;

fn pack(part: Option<u32>) -> u32 {
    part.filter(|&v| v != UNKNOWN).unwrap_or(UNKNOWN)
}

fn unpack(part: u32) -> Option<u32> {
    (part != UNKNOWN).then_some(part)
}

impl Position {
    /// A position with nothing known: `(None, None, None, None)`.
    pub const NONE: Position = Position {
        line: UNKNOWN,
        end_line: UNKNOWN,
        col: UNKNOWN,
        end_col: UNKNOWN,
    };

    /// A position from its four parts.
    pub fn new(
        line: Option<u32>,
        end_line: Option<u32>,
        col: Option<u32>,
        end_col: Option<u32>,
    ) -> Position {
        Position {
            line: pack(line),
            end_line: pack(end_line),
            col: pack(col),
            end_col: pack(end_col),
        }
    }

    /// The line the span starts on.
    pub fn line(&self) -> Option<u32> {
        unpack(self.line)
    }

    /// The line the span ends on.
    pub fn end_line(&self) -> Option<u32> {
        unpack(self.end_line)
    }

    /// The byte column the span starts at, on its first line.
    pub fn col(&self) -> Option<u32> {
        unpack(self.col)
    }

    /// The byte column the span ends at (exclusive), on its last line.
    pub fn end_col(&self) -> Option<u32> {
        unpack(self.end_col)
    }
}

/// The part of a one-line binary operation or subscript that a traceback marks with
/// `^` (the operator; the brackets and what they hold), the rest of the span getting
/// `~`. Byte columns on the instruction's line, `left <= right`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchors {
    /// The instruction it belongs to.
    pub index: u32,
    /// The first byte column marked `^`.
    pub left: u32,
    /// One past the last byte column marked `^`.
    pub right: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_parts_read_back_as_none() {
        let p = Position::new(Some(3), Some(4), None, Some(7));
        assert_eq!(
            (p.line(), p.end_line(), p.col(), p.end_col()),
            (Some(3), Some(4), None, Some(7))
        );
        assert_eq!(Position::NONE.line(), None);
        assert_eq!(std::mem::size_of::<Position>(), 16);
    }
}
