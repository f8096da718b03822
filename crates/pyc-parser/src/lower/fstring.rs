//! f-string bodies: literal text, `{expr!conv:spec}` fields (specs may nest fields),
//! with each field's expression parsed by the grammar at its source offset.

use std::cell::Cell;

use pest::Parser;

use super::literal::decode;
use super::{bx, kids, Lowerer, Res};
use crate::ast::{Expr, FStringPart, Span};
use crate::error;
use crate::grammar::{PythonParser, Rule};
use crate::offset_map::OffsetMap;
use crate::ParseError;

/// How deeply fields may nest inside format specs (CPython's limit).
const MAX_SPEC_DEPTH: usize = 2;

impl Lowerer<'_> {
    /// The parts of an f-string `body` that starts at source offset `at`.
    pub(super) fn fstring(&self, body: &str, at: usize, raw: bool) -> Res<Vec<FStringPart>> {
        let (parts, end) = self.fstring_parts(body, 0, at, raw, 0)?;
        debug_assert_eq!(end, body.len());
        Ok(parts)
    }

    /// Literal text and fields from `start` up to the end of `body`, or, in a format spec
    /// (`spec_depth > 0`), up to the `}` closing the field (whose index is returned).
    fn fstring_parts(
        &self,
        body: &str,
        start: usize,
        at: usize,
        raw: bool,
        spec_depth: usize,
    ) -> Res<(Vec<FStringPart>, usize)> {
        let in_spec = spec_depth > 0;
        let bytes = body.as_bytes();
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut i = start;
        let span = Span::new(at + start, at + start);
        let flush = |lit: &mut String, parts: &mut Vec<FStringPart>| -> Res<()> {
            if !lit.is_empty() {
                parts.push(FStringPart::Literal(decode(lit, raw, span)?));
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
                    return Err(fstring_err(
                        "f-string: expressions nested too deeply",
                        at + i,
                    ))
                }
                b'{' => {
                    flush(&mut lit, &mut parts)?;
                    let (part, next) = self.field(body, i + 1, at, raw, spec_depth)?;
                    parts.push(part);
                    i = next;
                }
                b'}' if in_spec => {
                    flush(&mut lit, &mut parts)?;
                    return Ok((parts, i));
                }
                b'}' => return Err(fstring_err("f-string: single '}' is not allowed", at + i)),
                _ => {
                    let c = body[i..].chars().next().expect("in bounds");
                    lit.push(c);
                    i += c.len_utf8();
                }
            }
        }
        if in_spec {
            return Err(fstring_err("f-string: expecting '}'", at + i));
        }
        flush(&mut lit, &mut parts)?;
        Ok((parts, i))
    }

    /// One replacement field whose expression starts at `start`, inside `spec_depth`
    /// format specs; returns the part and the index after its closing `}`.
    fn field(
        &self,
        body: &str,
        start: usize,
        at: usize,
        raw: bool,
        spec_depth: usize,
    ) -> Res<(FStringPart, usize)> {
        let bytes = body.as_bytes();
        let end = expr_end(bytes, start, at)?;
        let text = &body[start..end];
        if text.trim().is_empty() {
            return Err(fstring_err(
                "f-string: empty expression not allowed",
                at + start,
            ));
        }
        let value = parse_field_expr(self.source, text, at + start)?;
        let mut j = end;
        let mut conversion = None;
        if bytes[j] == b'!' {
            match body[j + 1..].chars().next() {
                Some(c @ ('r' | 's' | 'a')) => conversion = Some(c),
                _ => {
                    return Err(fstring_err(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        at + j + 1,
                    ))
                }
            }
            j += 2;
        }
        let mut format_spec = None;
        if bytes.get(j) == Some(&b':') {
            let (spec, next) = self.fstring_parts(body, j + 1, at, raw, spec_depth + 1)?;
            format_spec = Some(spec);
            j = next;
        }
        if bytes.get(j) != Some(&b'}') {
            return Err(fstring_err("f-string: expecting '}'", at + j));
        }
        let part = FStringPart::Formatted {
            value: bx(value),
            conversion,
            format_spec,
        };
        Ok((part, j + 1))
    }
}

/// Where a field's expression ends: the first top-level `!` (not `!=`), `:` or `}`.
fn expr_end(bytes: &[u8], start: usize, at: usize) -> Res<usize> {
    let mut depth = 0usize;
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
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b'}' if depth == 0 => return Ok(j),
            b'}' => depth -= 1,
            b'!' if depth == 0 && bytes.get(j + 1) != Some(&b'=') => return Ok(j),
            b':' if depth == 0 => return Ok(j),
            b'#' => {
                return Err(fstring_err(
                    "f-string expression part cannot include '#'",
                    at + j,
                ))
            }
            b'\\' => {
                return Err(fstring_err(
                    "f-string expression part cannot include a backslash",
                    at + j,
                ))
            }
            _ => {}
        }
        j += 1;
    }
    Err(fstring_err("f-string: expecting '}'", at + j))
}

/// Parses a field's expression text, which starts at offset `at` of `source`.
fn parse_field_expr(source: &str, text: &str, at: usize) -> Res<Expr> {
    let text = text.replace(['\n', '\r'], " ");
    let mut pairs = PythonParser::parse(Rule::fstring_expr, &text)
        .map_err(|e| error::from_pest_fstring(&e, at))?;
    let map = OffsetMap::default();
    let sub = Lowerer {
        source,
        map: &map,
        base: at,
        depth: Cell::new(0),
    };
    let top = pairs.next().expect("pest returns the fstring_expr pair");
    let value = sub.expr(kids(top).next().expect("a field has an expression"));
    value
}

/// A `SyntaxError` at source offset `at`.
fn fstring_err(msg: &str, at: usize) -> ParseError {
    ParseError::syntax(msg, at, at + 1)
}
