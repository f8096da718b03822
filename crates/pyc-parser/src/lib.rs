//! Python source text to an owned [`ast::Module`] whose nodes carry byte spans.
//!
//! The grammar is written for pest; pest's pairs never leave this crate.
//! Public modules: [`ast`] (the tree), [`line_index`] (offsets to lines and columns),
//! [`dump`] (a readable text dump of a tree, for tests and debugging).
//! Internally: `indent` (pre-pass to logical lines with INDENT/DEDENT markers),
//! `offset_map` (prepared offsets back to source offsets), `grammar` (the pest parser),
//! `error` (pest failures to CPython's messages), `lower` (pest pairs to the AST), and
//! CPython's nesting limits: `parser_stack` (how deep CPython's parser would recurse) and
//! `tree_depth` (how deep the tree is for CPython's compiler).

pub mod ast;
pub mod dump;
mod error;
mod grammar;
mod indent;
pub mod line_index;
mod lower;
mod offset_map;
mod parser_stack;
mod tree_depth;

pub use line_index::LineIndex;

use ast::{Module, Span};

/// Which Python exception a parse error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (a subclass of `SyntaxError`).
    Indentation,
    /// `TabError` (a subclass of `IndentationError`).
    Tab,
    /// `MemoryError`: CPython's parser ran out of its rule stack (the message is empty).
    Memory,
    /// `RecursionError`: the tree nests deeper than CPython's compiler walks.
    Recursion,
}

/// A syntax error: CPython's message and where to put the caret.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    /// `SyntaxError`, `IndentationError` or `TabError`.
    pub kind: ParseErrorKind,
    /// CPython's message, e.g. `invalid syntax` or `expected ':'`.
    pub message: String,
    /// Where the error is; the caret goes under `span.start`.
    pub span: Span,
}

impl ParseError {
    /// A `SyntaxError` with `message` at source offsets `start..end`.
    pub(crate) fn syntax(message: impl Into<String>, start: usize, end: usize) -> ParseError {
        ParseError {
            kind: ParseErrorKind::Syntax,
            message: message.into(),
            span: Span::new(start, end),
        }
    }

    /// An `IndentationError` with `message` at source offsets `start..end`.
    pub(crate) fn indentation(message: impl Into<String>, start: usize, end: usize) -> ParseError {
        ParseError {
            kind: ParseErrorKind::Indentation,
            message: message.into(),
            span: Span::new(start, end),
        }
    }

    /// A `TabError` with `message` at source offsets `start..end`.
    pub(crate) fn tab(message: impl Into<String>, start: usize, end: usize) -> ParseError {
        ParseError {
            kind: ParseErrorKind::Tab,
            message: message.into(),
            span: Span::new(start, end),
        }
    }

    /// The bare `MemoryError` CPython's parser raises when its rule stack overflows.
    pub(crate) fn memory() -> ParseError {
        ParseError {
            kind: ParseErrorKind::Memory,
            message: String::new(),
            span: Span::default(),
        }
    }

    /// The `RecursionError` CPython's compiler raises for a tree nested too deeply.
    pub(crate) fn recursion() -> ParseError {
        ParseError {
            kind: ParseErrorKind::Recursion,
            message: "maximum recursion depth exceeded during compilation".to_string(),
            span: Span::default(),
        }
    }
}

/// Stack size of the parsing thread: pest recurses several frames per grammar level, and
/// programs at CPython's limits (200 nested brackets, some 6000 parser frames) need far
/// more than a test thread's 2 MiB.
const PARSE_STACK_SIZE: usize = 256 * 1024 * 1024;

/// Parses a whole module, refusing what CPython 3.11 refuses: syntax errors, brackets
/// nested more than 200 deep, programs deeper than its parser's stack (`MemoryError`)
/// and trees deeper than its compiler walks (`RecursionError`).
///
/// Parsing runs on a helper thread with a large stack; pest's own stack guard turns any
/// remaining overflow into the `MemoryError` CPython gives for such programs.
pub fn parse_module(source: &str) -> Result<Module, ParseError> {
    std::thread::scope(|scope| {
        match std::thread::Builder::new()
            .name("pyc-parser".into())
            .stack_size(PARSE_STACK_SIZE)
            .spawn_scoped(scope, || parse_on_this_thread(source))
        {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => parse_on_this_thread(source),
        }
    })
}

/// Pre-pass, pest, lowering, then CPython's limit on the depth of the tree, on the
/// current thread.
fn parse_on_this_thread(source: &str) -> Result<Module, ParseError> {
    let prepared = indent::prepare(source)?;
    let module = lower::lower_module(source, &prepared)?;
    tree_depth::refuse_too_deep(module)
}
