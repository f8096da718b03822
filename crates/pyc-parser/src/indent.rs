//! Pre-pass: turns source text into logical lines with explicit INDENT/DEDENT markers.
//!
//! The result keeps every source byte at the same offset except for inserted markers
//! (recorded in an [`OffsetMap`]): newlines inside brackets, backslash continuations,
//! comments and blank lines become spaces; each logical line ends in `\n`; INDENT and
//! DEDENT bytes go right before the first token of a line. Tokenizer-level errors
//! (unterminated strings, mismatched brackets, inconsistent dedents, tabs and spaces mixed
//! inconsistently, deep nesting, NUL bytes) are reported here, before pest runs, so the
//! grammar never recurses too deeply.

use crate::line_index::LineIndex;
use crate::offset_map::OffsetMap;
use crate::ParseError;

/// The byte the grammar reads as INDENT.
pub(crate) const INDENT: u8 = 0x01;
/// The byte the grammar reads as DEDENT.
pub(crate) const DEDENT: u8 = 0x02;
/// CPython's tokenizer limit on bracket nesting.
const MAX_PAREN_DEPTH: usize = 200;
/// CPython's tokenizer limit on indentation levels.
const MAX_INDENT_DEPTH: usize = 100;

/// An indentation width measured two ways, as CPython's tokenizer does: with tabs to the
/// next multiple of 8 and with tabs as one column. A line whose indentation compares
/// differently against a block under the two measures mixes tabs and spaces ambiguously.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Width {
    /// Tabs advance to the next multiple of 8.
    col: usize,
    /// Tabs count as one column.
    alt: usize,
}

impl Width {
    /// The width after one more indentation byte `c` (space, tab or form feed).
    fn advance(self, c: u8) -> Width {
        match c {
            b' ' => Width {
                col: self.col + 1,
                alt: self.alt + 1,
            },
            b'\t' => Width {
                col: self.col / 8 * 8 + 8,
                alt: self.alt + 1,
            },
            _ => Width::default(),
        }
    }
}

/// The pre-pass output: text for the grammar plus the way back to source offsets.
pub(crate) struct Prepared {
    /// Logical lines with markers.
    pub(crate) text: String,
    /// Prepared offsets to source offsets.
    pub(crate) map: OffsetMap,
    /// The innermost bracket still open at the end of the source, and its offset; the
    /// grammar then fails and [`crate::error`] decides whether to blame the bracket.
    pub(crate) unclosed: Option<(u8, usize)>,
}

/// Runs the pre-pass over `source`.
pub(crate) fn prepare(source: &str) -> Result<Prepared, ParseError> {
    Scanner {
        source,
        src: source.as_bytes(),
        out: Vec::with_capacity(source.len() + 16),
        map: OffsetMap::default(),
        indents: vec![Width::default()],
        brackets: Vec::new(),
        pos: 0,
        nul_line: nul_line(source),
    }
    .run()
}

/// Where the line holding the first NUL byte starts (`usize::MAX` without one): CPython's
/// tokenizer rejects that line as soon as it reads it, before tokenizing any of it.
fn nul_line(source: &str) -> usize {
    source.find('\0').map_or(usize::MAX, |nul| {
        source[..nul].rfind('\n').map_or(0, |newline| newline + 1)
    })
}

/// The pre-pass state.
struct Scanner<'s> {
    source: &'s str,
    src: &'s [u8],
    out: Vec<u8>,
    map: OffsetMap,
    /// Indentation widths of the open blocks, innermost last.
    indents: Vec<Width>,
    /// Open brackets and where they are.
    brackets: Vec<(u8, usize)>,
    pos: usize,
    /// See [`nul_line`].
    nul_line: usize,
}

impl Scanner<'_> {
    /// Scans the whole source.
    fn run(mut self) -> Result<Prepared, ParseError> {
        let mut line_start = true;
        while self.pos < self.src.len() {
            self.check_nul(self.pos)?;
            if line_start && self.brackets.is_empty() {
                line_start = self.line_start()?;
                continue;
            }
            match self.src[self.pos] {
                b'#' => self.blank_to_eol(),
                b'\\' => self.backslash()?,
                b'\n' if self.brackets.is_empty() => {
                    self.copy(1);
                    line_start = true;
                }
                b'\n' | b'\r' => self.blank(1),
                b'"' | b'\'' => self.string(self.pos)?,
                b'(' | b'[' | b'{' => self.open()?,
                b')' | b']' | b'}' => self.close()?,
                c if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => self.word()?,
                _ => self.copy(1),
            }
        }
        let unclosed = self.brackets.last().copied();
        let end = self.src.len();
        if !line_start {
            self.mark(b'\n', end);
        }
        for _ in 1..self.indents.len() {
            self.mark(DEDENT, end);
        }
        let text = String::from_utf8(self.out).expect("only ASCII bytes were replaced");
        Ok(Prepared {
            text,
            map: self.map,
            unclosed,
        })
    }

    /// Fails once the scan at `at` reaches the line holding a NUL byte.
    fn check_nul(&self, at: usize) -> Result<(), ParseError> {
        if at < self.nul_line {
            return Ok(());
        }
        Err(ParseError::syntax(
            "source code cannot contain null bytes",
            self.nul_line,
            self.nul_line,
        ))
    }

    /// Copies `n` source bytes unchanged.
    fn copy(&mut self, n: usize) {
        let end = (self.pos + n).min(self.src.len());
        self.out.extend_from_slice(&self.src[self.pos..end]);
        self.pos = end;
    }

    /// Replaces `n` source bytes by spaces.
    fn blank(&mut self, n: usize) {
        let end = (self.pos + n).min(self.src.len());
        self.out.resize(self.out.len() + (end - self.pos), b' ');
        self.pos = end;
    }

    /// Blanks everything up to and including the next newline (comments, blank lines).
    fn blank_to_eol(&mut self) {
        while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
            self.blank(1);
        }
    }

    /// Inserts a marker byte standing for source offset `source_at`.
    fn mark(&mut self, byte: u8, source_at: usize) {
        self.map.insert(self.out.len(), source_at, 1);
        self.out.push(byte);
    }

    /// Handles indentation at the start of a line; returns whether the line was blank.
    fn line_start(&mut self) -> Result<bool, ParseError> {
        let mut width = Width::default();
        let start = self.pos;
        while let Some(&c @ (b' ' | b'\t' | b'\x0c')) = self.src.get(self.pos) {
            width = width.advance(c);
            self.pos += 1;
        }
        self.out.extend_from_slice(&self.src[start..self.pos]);
        match self.src.get(self.pos) {
            None => return Ok(true),
            Some(b'\n' | b'\r' | b'#') => {
                self.blank_to_eol();
                self.blank(1);
                return Ok(true);
            }
            _ => {}
        }
        self.indent_to(width, start)?;
        Ok(false)
    }

    /// Emits INDENT or DEDENTs for a logical line starting at `line_at` and indented to
    /// `width`.
    fn indent_to(&mut self, width: Width, line_at: usize) -> Result<(), ParseError> {
        let at = self.pos;
        let top = self.top();
        if width.col > top.col {
            // The stack holds the outermost level too; CPython points at the line start.
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return Err(ParseError::indentation(
                    "too many levels of indentation",
                    line_at,
                    line_at,
                ));
            }
            if width.alt <= top.alt {
                return Err(tab_error(line_at));
            }
            self.indents.push(width);
            self.mark(INDENT, at);
            return Ok(());
        }
        while width.col < self.top().col {
            self.indents.pop();
            self.mark(DEDENT, at);
        }
        if width.col != self.top().col {
            let eol = self.src[at..]
                .iter()
                .position(|&b| b == b'\n' || b == b'\r')
                .map_or(self.src.len(), |n| at + n);
            return Err(ParseError::indentation(
                "unindent does not match any outer indentation level",
                eol,
                eol,
            ));
        }
        if width.alt != self.top().alt {
            return Err(tab_error(line_at));
        }
        Ok(())
    }

    /// The indentation of the innermost open block.
    fn top(&self) -> Width {
        *self.indents.last().expect("the base level is never popped")
    }

    /// A backslash outside a string: a line continuation or an error.
    fn backslash(&mut self) -> Result<(), ParseError> {
        let after = self.pos + 1;
        match (self.src.get(after), self.src.get(after + 1)) {
            (Some(b'\n'), _) => self.blank(2),
            (Some(b'\r'), Some(b'\n')) => self.blank(3),
            (None, _) => {
                return Err(ParseError::syntax(
                    "unexpected EOF while parsing",
                    after,
                    after,
                ))
            }
            _ => {
                return Err(ParseError::syntax(
                    "unexpected character after line continuation character",
                    after,
                    after + 1,
                ))
            }
        }
        if self.pos >= self.src.len() {
            return Err(ParseError::syntax(
                "unexpected EOF while parsing",
                self.pos,
                self.pos,
            ));
        }
        Ok(())
    }

    /// An identifier or keyword, or the prefix of a string literal.
    fn word(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        let mut end = start;
        while end < self.src.len()
            && (self.src[end] == b'_'
                || self.src[end].is_ascii_alphanumeric()
                || self.src[end] >= 0x80)
        {
            end += 1;
        }
        let prefix = self.source[start..end].to_ascii_lowercase();
        let is_prefix = matches!(
            prefix.as_str(),
            "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf"
        );
        if is_prefix && matches!(self.src.get(end), Some(b'"' | b'\'')) {
            self.pos = end;
            return self.string(start);
        }
        self.copy(end - start);
        Ok(())
    }

    /// A string literal starting at `start` (its prefix) whose quote is at `self.pos`.
    fn string(&mut self, start: usize) -> Result<(), ParseError> {
        let src = self.src;
        let q = src[self.pos];
        let triple = src.get(self.pos + 1) == Some(&q) && src.get(self.pos + 2) == Some(&q);
        let mut j = self.pos + if triple { 3 } else { 1 };
        loop {
            self.check_nul(j)?;
            let Some(&c) = src.get(j) else {
                let line = LineIndex::new(self.source).line(src.len().saturating_sub(1) as u32);
                let what = if triple { "triple-quoted " } else { "" };
                let msg = format!("unterminated {what}string literal (detected at line {line})");
                return Err(ParseError::syntax(msg, start, start + 1));
            };
            if c == b'\\' {
                j += if src.get(j + 1) == Some(&b'\r') { 3 } else { 2 };
                continue;
            }
            if triple && c == q && src.get(j + 1) == Some(&q) && src.get(j + 2) == Some(&q) {
                j += 3;
                break;
            }
            if !triple && c == q {
                j += 1;
                break;
            }
            if !triple && (c == b'\n' || c == b'\r') {
                let line = LineIndex::new(self.source).line(j as u32);
                let msg = format!("unterminated string literal (detected at line {line})");
                return Err(ParseError::syntax(msg, start, start + 1));
            }
            j += 1;
        }
        // The prefix (if any) was not copied yet: copy the whole literal unchanged.
        let end = j.min(src.len());
        self.out.extend_from_slice(&src[start..end]);
        self.pos = end;
        Ok(())
    }

    /// An opening bracket.
    fn open(&mut self) -> Result<(), ParseError> {
        let at = self.pos;
        self.brackets.push((self.src[at], at));
        if self.brackets.len() > MAX_PAREN_DEPTH {
            return Err(ParseError::syntax(
                "too many nested parentheses",
                at,
                at + 1,
            ));
        }
        self.copy(1);
        Ok(())
    }

    /// A closing bracket, which must match the innermost open one.
    fn close(&mut self) -> Result<(), ParseError> {
        let at = self.pos;
        let c = self.src[at] as char;
        let Some((open, open_at)) = self.brackets.pop() else {
            return Err(ParseError::syntax(format!("unmatched '{c}'"), at, at + 1));
        };
        let expected = match open {
            b'(' => ')',
            b'[' => ']',
            _ => '}',
        };
        if c != expected {
            let index = LineIndex::new(self.source);
            let open_line = index.line(open_at as u32);
            let open = open as char;
            let msg = if open_line == index.line(at as u32) {
                format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'")
            } else {
                format!(
                    "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {open_line}"
                )
            };
            return Err(ParseError::syntax(msg, at, at + 1));
        }
        self.copy(1);
        Ok(())
    }
}

/// CPython's `TabError`, with the caret at the start of the line at `line_at`.
fn tab_error(line_at: usize) -> ParseError {
    ParseError::tab(
        "inconsistent use of tabs and spaces in indentation",
        line_at,
        line_at,
    )
}
