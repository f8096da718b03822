//! f-string bodies: literal text, `{expr!conv:spec}` fields (specs may nest fields),
//! with each field's expression parsed by the grammar at its source offset.
//!
//! Like CPython 3.11, errors found while scanning a body are reported at the token after
//! the string literals (`blame`); errors in a field's expression are the field parser's.

use pest::Parser;

use super::literal::decode;
use super::{bx, kids, Lowerer, Res};
use crate::ast::{Expr, FStringPart, Span};
use crate::error;
use crate::grammar::{PythonParser, Rule};
use crate::offset_map::OffsetMap;
use crate::{parser_stack, ParseError};

/// How deeply fields may nest inside format specs (CPython's limit).
const MAX_SPEC_DEPTH: usize = 2;

/// How deeply CPython's f-string scanner lets brackets nest in a field.
const MAX_FIELD_BRACKETS: usize = 200;

/// The body of one f-string literal.
pub(super) struct Body<'s> {
    /// The text between the quotes.
    pub text: &'s str,
    /// The source offset of `text`.
    pub at: usize,
    /// Whether the literal is raw (`rf'...'`).
    pub raw: bool,
    /// The source offset of the token after the string literals, where CPython reports
    /// the errors it finds while scanning the body.
    pub blame: usize,
}

impl Body<'_> {
    /// A `SyntaxError` found while scanning the body.
    fn error(&self, msg: &str) -> ParseError {
        ParseError::syntax(msg, self.blame, self.blame + 1)
    }
}

impl Lowerer<'_> {
    /// The parts of an f-string `body`.
    pub(super) fn fstring(&self, body: &Body) -> Res<Vec<FStringPart>> {
        let (parts, end) = self.fstring_parts(body, 0, 0)?;
        debug_assert_eq!(end, body.text.len());
        Ok(parts)
    }

    /// Literal text and fields from `start` up to the end of `body`, or, in a format spec
    /// (`spec_depth > 0`), up to the `}` closing the field (whose index is returned).
    fn fstring_parts(
        &self,
        body: &Body,
        start: usize,
        spec_depth: usize,
    ) -> Res<(Vec<FStringPart>, usize)> {
        let in_spec = spec_depth > 0;
        let bytes = body.text.as_bytes();
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut i = start;
        let blame = Span::new(body.blame, body.blame + 1);
        let flush = |lit: &mut String, parts: &mut Vec<FStringPart>| -> Res<()> {
            if !lit.is_empty() {
                parts.push(FStringPart::Literal(decode(lit, body.raw, blame)?));
                lit.clear();
            }
            Ok(())
        };
        while i < bytes.len() {
            match bytes[i] {
                b'{' if !in_spec && bytes.get(i + 1) == Some(&b'{') => {
                    lit.push('{');
                    i += 2;
                }
                b'}' if !in_spec && bytes.get(i + 1) == Some(&b'}') => {
                    lit.push('}');
                    i += 2;
                }
                b'{' if spec_depth >= MAX_SPEC_DEPTH => {
                    return Err(body.error("f-string: expressions nested too deeply"))
                }
                b'{' => {
                    flush(&mut lit, &mut parts)?;
                    let (part, next) = self.field(body, i + 1, spec_depth)?;
                    parts.push(part);
                    i = next;
                }
                b'}' if in_spec => {
                    flush(&mut lit, &mut parts)?;
                    return Ok((parts, i));
                }
                b'}' => return Err(body.error("f-string: single '}' is not allowed")),
                _ => {
                    let c = body.text[i..].chars().next().expect("in bounds");
                    lit.push(c);
                    i += c.len_utf8();
                }
            }
        }
        if in_spec {
            return Err(body.error("f-string: expecting '}'"));
        }
        flush(&mut lit, &mut parts)?;
        Ok((parts, i))
    }

    /// One replacement field whose expression starts at `start`, inside `spec_depth`
    /// format specs; returns the part and the index after its closing `}`.
    fn field(&self, body: &Body, start: usize, spec_depth: usize) -> Res<(FStringPart, usize)> {
        let bytes = body.text.as_bytes();
        let (end, deepest) = expr_end(body, start)?;
        let text = &body.text[start..end];
        if text.trim().is_empty() {
            return Err(body.error("f-string: empty expression not allowed"));
        }
        if let Some(at) = deepest {
            // CPython parses the field as `(expression)` with a tokenizer of its own,
            // whose limit of 200 nested brackets the added parenthesis reaches.
            return Err(ParseError::syntax(
                "too many nested parentheses",
                at,
                at + 1,
            ));
        }
        let value = parse_field_expr(self.source, text, body.at + start)?;
        let mut j = end;
        let mut conversion = None;
        if bytes[j] == b'!' {
            match body.text[j + 1..].chars().next() {
                Some(c @ ('r' | 's' | 'a')) => conversion = Some(c),
                _ => {
                    return Err(body.error(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ))
                }
            }
            j += 2;
        }
        let mut format_spec = None;
        if bytes.get(j) == Some(&b':') {
            let (spec, next) = self.fstring_parts(body, j + 1, spec_depth + 1)?;
            format_spec = Some(spec);
            j = next;
        }
        if bytes.get(j) != Some(&b'}') {
            return Err(body.error("f-string: expecting '}'"));
        }
        let part = FStringPart::Formatted {
            value: bx(value),
            conversion,
            format_spec,
        };
        Ok((part, j + 1))
    }
}

/// Where a field's expression ends (the first top-level `!` (not `!=`), `:` or `}`), and
/// the source offset of the first bracket nested [`MAX_FIELD_BRACKETS`] deep, if any.
fn expr_end(body: &Body, start: usize) -> Res<(usize, Option<usize>)> {
    let bytes = body.text.as_bytes();
    let mut depth = 0usize;
    let mut deepest = None;
    let mut quote = None;
    let mut j = start;
    while j < bytes.len() {
        let c = bytes[j];
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            j += 1;
            continue;
        }
        match c {
            b'\'' | b'"' => quote = Some(c),
            b'(' | b'[' | b'{' if depth == MAX_FIELD_BRACKETS => {
                return Err(body.error("f-string: too many nested parenthesis"))
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth == MAX_FIELD_BRACKETS {
                    deepest = deepest.or(Some(body.at + j));
                }
            }
            b')' | b']' => depth = depth.saturating_sub(1),
            b'}' if depth == 0 => return Ok((j, deepest)),
            b'}' => depth -= 1,
            b'!' if depth == 0 && bytes.get(j + 1) != Some(&b'=') => return Ok((j, deepest)),
            b':' if depth == 0 => return Ok((j, deepest)),
            b'#' => return Err(body.error("f-string expression part cannot include '#'")),
            b'\\' => return Err(body.error("f-string expression part cannot include a backslash")),
            _ => {}
        }
        j += 1;
    }
    Err(body.error("f-string: expecting '}'"))
}

/// Parses a field's expression text, which starts at offset `at` of `source`, with a
/// parser stack of its own (as CPython does).
fn parse_field_expr(source: &str, text: &str, at: usize) -> Res<Expr> {
    let text = text.replace(['\n', '\r'], " ");
    let mut pairs = PythonParser::parse(Rule::fstring_expr, &text)
        .map_err(|e| error::from_pest_fstring(&e, at))?;
    let map = OffsetMap::default();
    let sub = Lowerer {
        source,
        map: &map,
        base: at,
    };
    let top = pairs.next().expect("pest returns the fstring_expr pair");
    if parser_stack::field_overflows(top.clone()) {
        return Err(ParseError::memory());
    }
    let value = sub.expr(kids(top).next().expect("a field has an expression"));
    value
}
