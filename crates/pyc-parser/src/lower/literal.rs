//! Number, string and bytes literals: radix and underscores, prefixes, escapes,
//! concatenation.
//!
//! Like CPython 3.11, errors in the contents of adjacent string literals (escapes,
//! f-string syntax, mixing bytes with strings) are reported at the token after them;
//! only a non-ASCII character in a bytes literal is reported at the literal.

use num_bigint::BigInt;

use super::expr::err_at;
use super::fstring::Body;
use super::{Lowerer, Res, P};
use crate::ast::{ExprKind, FStringPart, Span};
use crate::ParseError;

/// CPython's default `sys.get_int_max_str_digits()`: decimal literals with more digits
/// are rejected at parse time.
const MAX_INT_DIGITS: usize = 4300;

impl Lowerer<'_> {
    /// A `number` token.
    pub(super) fn number(&self, p: &P) -> Res<ExprKind> {
        let span = self.span(p);
        let clean: String = p
            .as_str()
            .chars()
            .filter(|&c| c != '_')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if clean.ends_with('j') {
            return Err(err_at("complex literals are not supported", span));
        }
        let radix = match clean.get(..2) {
            Some("0x") => 16,
            Some("0o") => 8,
            Some("0b") => 2,
            _ => 10,
        };
        if radix != 10 {
            let value = BigInt::parse_bytes(&clean.as_bytes()[2..], radix);
            return Ok(ExprKind::Int(
                value.expect("the grammar checked the digits"),
            ));
        }
        if clean.contains(['.', 'e']) {
            let value = clean
                .parse::<f64>()
                .map_err(|_| err_at("invalid syntax", span))?;
            return Ok(ExprKind::Float(value));
        }
        if clean.starts_with('0') && clean.bytes().any(|b| b != b'0') {
            return Err(err_at(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                span,
            ));
        }
        self.check_int_digits(&clean, span)?;
        let value = BigInt::parse_bytes(clean.as_bytes(), 10);
        Ok(ExprKind::Int(
            value.expect("the grammar checked the digits"),
        ))
    }

    /// Rejects a decimal literal with more than [`MAX_INT_DIGITS`] digits, as CPython does
    /// unless the value fits a C `unsigned long` (as `0000...` does); the caret goes at the
    /// start of the literal's line.
    fn check_int_digits(&self, digits: &str, span: Span) -> Res<()> {
        if digits.len() <= MAX_INT_DIGITS || digits.parse::<u64>().is_ok() {
            return Ok(());
        }
        let start = span.start as usize;
        let line_start = self.source[..start].rfind('\n').map_or(0, |i| i + 1);
        let msg = format!(
            "Exceeds the limit ({MAX_INT_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit \
             - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
            digits.len()
        );
        Err(ParseError::syntax(msg, line_start, line_start))
    }

    /// Adjacent string (or bytes) literals, concatenated; any f-string makes the whole an
    /// f-string.
    pub(super) fn strings(&self, p: P) -> Res<ExprKind> {
        let tokens: Vec<P> = p.into_inner().collect();
        let last = tokens.last().expect("strings have a literal");
        let blame = self.after(last);
        let literals: Vec<Literal> = tokens.iter().map(|s| self.literal(s, blame)).collect();
        for lit in literals.iter().filter(|lit| lit.bytes) {
            if !lit.body.text.is_ascii() {
                return Err(err_at(
                    "bytes can only contain ASCII literal characters",
                    lit.span,
                ));
            }
        }
        let blame_span = Span::new(blame, blame + 1);
        match literals.iter().filter(|lit| lit.bytes).count() {
            0 => {}
            n if n == literals.len() => {
                let mut value = Vec::new();
                for lit in &literals {
                    value.extend(decode_bytes(&lit.body, blame_span)?);
                }
                return Ok(ExprKind::Bytes(value));
            }
            _ => return Err(err_at("cannot mix bytes and nonbytes literals", blame_span)),
        }
        let mut parts = Vec::new();
        let mut any_f = false;
        for lit in &literals {
            if lit.formatted {
                any_f = true;
                parts.extend(self.fstring(&lit.body)?);
            } else {
                let text = decode(lit.body.text, lit.body.raw, blame_span)?;
                parts.push(FStringPart::Literal(text));
            }
        }
        if !any_f {
            let mut value = String::new();
            for part in parts {
                if let FStringPart::Literal(s) = part {
                    value.push_str(&s);
                }
            }
            return Ok(ExprKind::Str(value));
        }
        let mut merged: Vec<FStringPart> = Vec::new();
        for part in parts {
            match (merged.last_mut(), part) {
                (_, FStringPart::Literal(s)) if s.is_empty() => {}
                (Some(FStringPart::Literal(prev)), FStringPart::Literal(s)) => prev.push_str(&s),
                (_, part) => merged.push(part),
            }
        }
        Ok(ExprKind::FString(merged))
    }

    /// One string literal token `s`, whose content errors are reported at `blame`.
    fn literal<'s>(&self, s: &P<'s>, blame: usize) -> Literal<'s> {
        let span = self.span(s);
        let text = s.as_str();
        let prefix_len = text.find(['\'', '"']).expect("a string has a quote");
        let prefix = text[..prefix_len].to_ascii_lowercase();
        let quoted = &text[prefix_len..];
        let quote_len = if quoted.starts_with("\"\"\"") || quoted.starts_with("'''") {
            3
        } else {
            1
        };
        Literal {
            span,
            bytes: prefix.contains('b'),
            formatted: prefix.contains('f'),
            body: Body {
                text: &quoted[quote_len..quoted.len() - quote_len],
                at: span.start as usize + prefix_len + quote_len,
                raw: prefix.contains('r'),
                blame,
            },
        }
    }

    /// The source offset of the token after the token `p`: the next token on its line
    /// (where a comment starts the NEWLINE token), or inside brackets the next one at all.
    fn after(&self, p: &P) -> usize {
        let text = p.get_input();
        let end = p.as_span().end();
        let next = end + (text[end..].len() - text[end..].trim_start_matches(is_blank).len());
        let at = self.pos(next);
        if text.as_bytes().get(next) == Some(&b'\n') {
            let from = self.pos(end);
            if let Some(hash) = self.source[from..at].find('#') {
                return from + hash;
            }
        }
        at
    }
}

/// One string literal of a concatenation.
struct Literal<'s> {
    /// The whole token.
    span: Span,
    /// Whether it is a bytes literal (`b'...'`).
    bytes: bool,
    /// Whether it is an f-string.
    formatted: bool,
    /// The text between its quotes.
    body: Body<'s>,
}

/// Spaces between tokens on a line (comments and bracketed newlines are already spaces
/// in the prepared text).
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\x0c' | '\r')
}

/// Decodes the escapes of a bytes literal body (none if raw); errors point at `blame`.
fn decode_bytes(body: &Body, blame: Span) -> Res<Vec<u8>> {
    let text = body.text.as_bytes();
    if body.raw {
        return Ok(String::from_utf8_lossy(text)
            .replace("\r\n", "\n")
            .into_bytes());
    }
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        i += 1;
        if c == b'\r' && text.get(i) == Some(&b'\n') {
            continue;
        }
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = text.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => i += usize::from(text.get(i) == Some(&b'\n')),
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match text.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(value as u8);
            }
            b'x' => match text
                .get(i..i + 2)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            {
                Some(hex) => {
                    let digit = |d: u8| (d as char).to_digit(16).expect("a hex digit") as u8;
                    out.push(digit(hex[0]) << 4 | digit(hex[1]));
                    i += 2;
                }
                None => {
                    let msg = format!("(value error) invalid \\x escape at position {}", i - 2);
                    return Err(err_at(&msg, blame));
                }
            },
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// Decodes the escapes of a string body (or just normalizes newlines if `raw`);
/// errors point at `span`, the literal.
pub(super) fn decode(body: &str, raw: bool, span: Span) -> Res<String> {
    if raw {
        return Ok(body.replace("\r\n", "\n"));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' && chars.peek().map(|&(_, n)| n) == Some('\n') {
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                chars.next_if(|&(_, n)| n == '\n');
            }
            '\\' | '\'' | '"' => out.push(e),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).expect("octal digit");
                for _ in 0..2 {
                    match chars.next_if(|&(_, n)| n.is_digit(8)) {
                        Some((_, d)) => value = value * 8 + d.to_digit(8).expect("octal digit"),
                        None => break,
                    }
                }
                out.push(char::from_u32(value).expect("at most 0o777"));
            }
            'x' | 'u' | 'U' => {
                let (len, name) = match e {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let mut value = 0u32;
                for n in 0..len {
                    let Some((_, d)) = chars.next_if(|&(_, d)| d.is_ascii_hexdigit()) else {
                        return Err(unicode_error(
                            i,
                            i + 1 + n,
                            &format!("truncated {name} escape"),
                            span,
                        ));
                    };
                    value = value * 16 + d.to_digit(16).expect("hex digit");
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(
                            i,
                            i + 1 + len,
                            "illegal Unicode character",
                            span,
                        ))
                    }
                }
            }
            'N' => {
                return Err(unicode_error(
                    i,
                    i + 1,
                    "\\N{...} escapes are not supported",
                    span,
                ))
            }
            _ => {
                out.push('\\');
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// CPython's message for a bad escape between body offsets `from` and `to`.
fn unicode_error(from: usize, to: usize, what: &str, span: Span) -> ParseError {
    let msg = format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {from}-{to}: {what}"
    );
    err_at(&msg, span)
}
