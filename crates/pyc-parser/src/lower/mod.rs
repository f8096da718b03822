//! Lowering pest pairs into the owned AST, with spans mapped back to the source.
//!
//! Submodules: `stmt` (statements), `expr` (expressions), `params` (parameter lists),
//! `targets` (assignment/deletion target checks), `literal` (numbers and strings) and
//! `fstring` (f-string bodies).

mod expr;
mod fstring;
mod literal;
mod params;
mod stmt;
mod targets;

use pest::iterators::Pair;
use pest::Parser;

use crate::ast::{Expr, Ident, Module, Span};
use crate::grammar::{PythonParser, Rule};
use crate::indent::Prepared;
use crate::offset_map::OffsetMap;
use crate::{error, parser_stack, ParseError};

/// A pest pair of this grammar.
type P<'i> = Pair<'i, Rule>;

/// Lowering results.
type Res<T> = Result<T, ParseError>;

/// Parses the prepared text with pest and lowers the result. A program that CPython's
/// parser could not hold on its stack is a `MemoryError`.
pub(crate) fn lower_module(source: &str, prepared: &Prepared) -> Res<Module> {
    let mut pairs = PythonParser::parse(Rule::file, &prepared.text)
        .map_err(|e| error::from_pest(&e, prepared, source))?;
    let file = pairs.next().expect("pest returns the file pair");
    if parser_stack::module_overflows(file.clone()) {
        return Err(ParseError::memory());
    }
    let lx = Lowerer {
        source,
        map: &prepared.map,
        base: 0,
    };
    let body = kids(file).map(|p| lx.stmt(p)).collect::<Res<_>>()?;
    Ok(Module { body })
}

/// How to turn offsets of the text pest saw into source offsets.
struct Lowerer<'a> {
    /// The whole source text.
    source: &'a str,
    /// Marker insertions of the pre-pass (empty for f-string fields).
    map: &'a OffsetMap,
    /// Source offset of the text pest saw (non-zero for f-string fields).
    base: usize,
}

impl Lowerer<'_> {
    /// The source offset of offset `p` in the parsed text.
    fn pos(&self, p: usize) -> usize {
        self.base + self.map.to_source(p)
    }

    /// The source span of a pair, without trailing whitespace, newlines and markers.
    fn span(&self, p: &P) -> Span {
        let s = p.as_span();
        let trimmed = s
            .as_str()
            .trim_end_matches(|c: char| c.is_whitespace() || c == '\x01' || c == '\x02');
        Span::new(self.pos(s.start()), self.pos(s.start() + trimmed.len()))
    }

    /// An identifier pair (or a dotted name, whose spaces are dropped).
    fn ident(&self, p: &P) -> Ident {
        let name: String = p.as_str().split_whitespace().collect();
        Ident {
            name,
            span: self.span(p),
        }
    }
}

/// The children of a pair that carry meaning (no keywords, newlines, markers or colons).
pub(crate) fn kids(p: P) -> impl Iterator<Item = P> {
    p.into_inner().filter(|k| !is_punct(k.as_rule()))
}

/// Tokens the grammar names only for error reporting.
fn is_punct(rule: Rule) -> bool {
    use Rule::*;
    matches!(
        rule,
        EOI | NEWLINE
            | INDENT
            | DEDENT
            | COLON
            | kw_and
            | kw_as
            | kw_assert
            | kw_await
            | kw_break
            | kw_class
            | kw_continue
            | kw_def
            | kw_del
            | kw_elif
            | kw_else
            | kw_except
            | kw_finally
            | kw_for
            | kw_from
            | kw_global
            | kw_if
            | kw_import
            | kw_in
            | kw_is
            | kw_lambda
            | kw_nonlocal
            | kw_not
            | kw_or
            | kw_pass
            | kw_raise
            | kw_return
            | kw_try
            | kw_while
            | kw_with
            | kw_yield
    )
}

/// The only meaningful child of a wrapper pair.
fn one(p: P) -> P {
    kids(p)
        .next()
        .expect("the grammar gives this rule one child")
}

/// Boxes an expression.
fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}
