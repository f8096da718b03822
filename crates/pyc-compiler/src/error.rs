//! Compile errors: CPython's `SyntaxError` messages with where to point, and the
//! `MemoryError` and `RecursionError` it gives for programs nested too deeply.

use pyc_parser::ast::Span;
use pyc_parser::{LineIndex, ParseError, ParseErrorKind};

/// Which Python exception a compile error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError`.
    Indentation,
    /// `TabError`.
    Tab,
    /// `MemoryError`: the parser's stack overflowed (no message, no location).
    Memory,
    /// `RecursionError`: the tree nests too deeply to compile (no location).
    Recursion,
}

impl ErrorKind {
    /// The exception's class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
            ErrorKind::Memory => "MemoryError",
            ErrorKind::Recursion => "RecursionError",
        }
    }

    /// Whether this is `SyntaxError` or one of its subclasses, which point into the
    /// source.
    pub fn is_syntax_error(self) -> bool {
        matches!(
            self,
            ErrorKind::Syntax | ErrorKind::Indentation | ErrorKind::Tab
        )
    }
}

/// An error found while parsing or compiling, located in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    /// `SyntaxError`, `IndentationError`, `TabError`, `MemoryError` or `RecursionError`.
    pub kind: ErrorKind,
    /// CPython's message, e.g. `no binding for nonlocal 'x' found`.
    pub message: String,
    /// The file name as given to the compiler.
    pub filename: String,
    /// 1-based line of the error.
    pub line: u32,
    /// 0-based column (in characters) where the caret starts.
    pub col: u32,
    /// 0-based column where the caret run ends (exclusive), on the same line.
    pub end_col: u32,
    /// The text of the offending line.
    pub line_text: String,
    /// Whether the parser found the error (rather than the symbol table or code
    /// generator). CPython shows the source line of parser errors even for `-c` and
    /// standard input, where it has no file to read lines from.
    pub found_by_parser: bool,
}

/// A compile error before it is located: a message and a span.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RawError {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Span,
    pub found_by_parser: bool,
}

impl RawError {
    /// A `SyntaxError` with `message` at `span`.
    pub fn syntax(message: impl Into<String>, span: Span) -> RawError {
        RawError {
            kind: ErrorKind::Syntax,
            message: message.into(),
            span,
            found_by_parser: false,
        }
    }

    /// Turns span offsets into line and columns of `source`.
    pub fn locate(self, source: &str, filename: &str) -> CompileError {
        let index = LineIndex::new(source);
        let (line, col) = index.line_col(source, self.span.start);
        let (end_line, end_col) = index.line_col(source, self.span.end.max(self.span.start));
        let line_text = index.line_text(source, line).to_string();
        let end_col = if end_line == line {
            end_col.max(col + 1)
        } else {
            line_text.chars().count() as u32
        };
        CompileError {
            kind: self.kind,
            message: self.message,
            filename: filename.to_string(),
            line,
            col,
            end_col,
            line_text,
            found_by_parser: self.found_by_parser,
        }
    }
}

impl From<ParseError> for RawError {
    fn from(e: ParseError) -> RawError {
        RawError {
            kind: match e.kind {
                ParseErrorKind::Syntax => ErrorKind::Syntax,
                ParseErrorKind::Indentation => ErrorKind::Indentation,
                ParseErrorKind::Tab => ErrorKind::Tab,
                ParseErrorKind::Memory => ErrorKind::Memory,
                ParseErrorKind::Recursion => ErrorKind::Recursion,
            },
            message: e.message,
            span: e.span,
            found_by_parser: true,
        }
    }
}

impl CompileError {
    /// The text CPython prints for an uncaught syntax error: the `File` line, the source
    /// line with its indentation removed, a caret run under the error, then `Kind: message`.
    /// `from_file` says whether the program came from a file; otherwise (`-c`, standard
    /// input) only parser errors show their line, as in CPython. A `MemoryError` or
    /// `RecursionError` is only its last line, as CPython prints them.
    pub fn render(&self, from_file: bool) -> String {
        if !self.kind.is_syntax_error() {
            return format!("{}\n", self.exception_line());
        }
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.line);
        let trimmed = self.line_text.trim_start();
        if (from_file || self.found_by_parser) && !trimmed.is_empty() {
            let indent = (self.line_text.chars().count() - trimmed.chars().count()) as u32;
            let trimmed = trimmed.trim_end();
            let start = self.col.saturating_sub(indent);
            let width = self.end_col.saturating_sub(self.col).max(1);
            out.push_str(&format!("    {trimmed}\n"));
            if !self.points_into_indentation() {
                out.push_str(&format!(
                    "    {}{}\n",
                    " ".repeat(start as usize),
                    "^".repeat(width as usize)
                ));
            }
        }
        out.push_str(&format!("{}\n", self.exception_line()));
        out
    }

    /// Whether CPython's offset for this error lies inside the line's indentation (a
    /// `TabError`, an unexpected indent), where it prints no caret line.
    fn points_into_indentation(&self) -> bool {
        self.kind == ErrorKind::Tab
            || (self.kind == ErrorKind::Indentation && self.message == "unexpected indent")
    }

    /// `Kind: message`, or the bare kind when there is no message (`MemoryError`).
    fn exception_line(&self) -> String {
        if self.message.is_empty() {
            self.kind.name().to_string()
        } else {
            format!("{}: {}", self.kind.name(), self.message)
        }
    }
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.kind.is_syntax_error() {
            return f.write_str(&self.exception_line());
        }
        write!(
            f,
            "{} ({}, line {})",
            self.exception_line(),
            self.filename,
            self.line
        )
    }
}

impl std::error::Error for CompileError {}
