//! Turning a pest failure into CPython's message and caret position.

use pest::error::{Error, ErrorVariant, InputLocation};

use crate::grammar::Rule;
use crate::indent::{Prepared, INDENT};
use crate::line_index::LineIndex;
use crate::offset_map::OffsetMap;
use crate::ParseError;

/// Whitespace and markers that never start a token in the prepared text.
fn is_filler(c: char) -> bool {
    c.is_whitespace() || c == '\x01' || c == '\x02'
}

/// Converts a failure of the whole-module parse of the prepared text.
pub(crate) fn from_pest(err: &Error<Rule>, prepared: &Prepared, source: &str) -> ParseError {
    let (text, map) = (prepared.text.as_str(), &prepared.map);
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    };
    let at = map.to_source(pos);
    let positives: &[Rule] = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        // The grammar raises no errors of its own: pest gave up for want of stack, on a
        // program far deeper than CPython's parser holds.
        ErrorVariant::CustomError { .. } => return ParseError::memory(),
    };
    if let Some((open, open_at)) = prepared.unclosed {
        if blames_unclosed(text, pos, source, at, open_at) {
            let msg = format!("'{}' was never closed", open as char);
            return ParseError::syntax(msg, open_at, open_at + 1);
        }
    }
    let next = text.as_bytes().get(pos).copied();
    if next == Some(INDENT) {
        return ParseError::indentation("unexpected indent", at.saturating_sub(1), at);
    }
    if positives.contains(&Rule::INDENT) {
        return expected_block(text, pos, map, source);
    }
    if positives.contains(&Rule::COLON) && next == Some(b'\n') {
        return ParseError::syntax("expected ':'", at, at + 1);
    }
    if let Some(err) = legacy_call(text, pos, map) {
        return err;
    }
    ParseError::syntax("invalid syntax", at, at + 1)
}

/// Keywords that cannot start an expression.
const NON_EXPR_KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "break", "class", "continue", "def", "del", "elif", "else",
    "except", "finally", "for", "from", "global", "if", "import", "in", "is", "nonlocal", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
];

/// CPython's `invalid_legacy_expression`: Python 2's `print x` or `exec code`, i.e. a
/// failure right after a bare `print`/`exec` name at a token that starts an expression.
fn legacy_call(text: &str, pos: usize, map: &OffsetMap) -> Option<ParseError> {
    let before = text[..pos].trim_end_matches(is_filler);
    let name_at = before.trim_end_matches(is_name_char).len();
    let name = &before[name_at..];
    if !matches!(name, "print" | "exec") || before[..name_at].ends_with('.') {
        return None;
    }
    let rest = text[pos..].trim_start_matches(is_filler);
    let word = &rest[..rest.len() - rest.trim_start_matches(is_name_char).len()];
    let starts_expr = match rest.chars().next()? {
        '\'' | '"' | '{' => true,
        c if c.is_ascii_digit() => true,
        c if is_name_char(c) => !NON_EXPR_KEYWORDS.contains(&word),
        _ => false,
    };
    starts_expr.then(|| {
        let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
        let start = map.to_source(name_at);
        ParseError::syntax(msg, start, map.to_source(pos))
    })
}

/// Whether `c` can be part of an identifier (or a number, which does not matter here).
fn is_name_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Whether a failure at prepared `pos` (source `at`) with a bracket still open at
/// `open_at` is CPython's `'(' was never closed`: CPython says so when its parser reaches
/// the end of the file, which happens when the failure is on a later line than the bracket
/// or at a final operand (whose lookahead reaches the end).
fn blames_unclosed(text: &str, pos: usize, source: &str, at: usize, open_at: usize) -> bool {
    let index = LineIndex::new(source);
    if index.line(at as u32) != index.line(open_at as u32) {
        return true;
    }
    let rest = text[pos..].trim_start_matches(is_filler);
    let starts_operand = match rest.chars().next() {
        Some(c) => c.is_alphanumeric() || matches!(c, '_' | '\'' | '"'),
        None => true,
    };
    let after = rest.trim_start_matches(|c| !is_filler(c));
    starts_operand && after.trim_matches(is_filler).is_empty()
}

/// `expected an indented block after ...`: `pos` is just after a block header's newline.
fn expected_block(text: &str, pos: usize, map: &OffsetMap, source: &str) -> ParseError {
    let newline = text[..pos].rfind('\n').unwrap_or(0);
    let line_start = text[..newline].rfind('\n').map_or(0, |i| i + 1);
    let header = &text[line_start..newline];
    let mut trimmed = header.trim_start_matches(is_filler);
    let word_at = line_start + header.len() - trimmed.len();
    // `async with` is named by its `with`.
    if let Some(rest) = trimmed.strip_prefix("async") {
        trimmed = rest.trim_start_matches(is_filler);
    }
    let word: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let what = match word.as_str() {
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        w => format!("'{w}' statement"),
    };
    let line = LineIndex::new(source).line(map.to_source(word_at) as u32);
    let at = if text[pos..].trim_matches(is_filler).is_empty() {
        map.to_source(newline)
    } else {
        map.to_source(pos)
    };
    ParseError::indentation(
        format!("expected an indented block after {what} on line {line}"),
        at,
        at + 1,
    )
}

/// Converts a failure to parse an f-string replacement field starting at source `base`.
pub(crate) fn from_pest_fstring(err: &Error<Rule>, base: usize) -> ParseError {
    if let ErrorVariant::CustomError { .. } = err.variant {
        return ParseError::memory();
    }
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    };
    ParseError::syntax("f-string: invalid syntax", base + pos, base + pos + 1)
}
