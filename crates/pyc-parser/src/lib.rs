//! Python source text to an owned [`ast::Module`] whose nodes carry byte spans.
//!
//! The grammar is written for pest; pest's pairs never leave this crate.
//! Modules: [`ast`] (the tree), [`line_index`] (offsets to lines and columns).

pub mod ast;
pub mod line_index;

pub use line_index::LineIndex;

use ast::{Module, Span};

/// Which Python exception a parse error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (a subclass of `SyntaxError`).
    Indentation,
}

/// A syntax error: CPython's message and where to put the caret.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    /// `SyntaxError` or `IndentationError`.
    pub kind: ParseErrorKind,
    /// CPython's message, e.g. `invalid syntax` or `expected ':'`.
    pub message: String,
    /// Where the error is; the caret goes under `span.start`.
    pub span: Span,
}

/// Parses a whole module.
pub fn parse_module(source: &str) -> Result<Module, ParseError> {
    let _ = source;
    unimplemented!("the pest grammar lands with the parser")
}
