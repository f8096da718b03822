//! Replacement templates of `re.sub` (`\1`, `\g<name>`, escapes), read as CPython 3.11
//! reads them.

/// One piece of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    Literal(String),
    Group(usize),
}

/// Why a template was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TemplateError {
    /// `re.error(msg)` at a position of the template.
    Syntax(String, usize),
    /// `IndexError(msg)` (an unknown group name).
    Index(String),
}

/// Parses `template` for a pattern with `groups` groups named by `names`.
pub(crate) fn parse_template(
    template: &str,
    groups: usize,
    names: &[(String, usize)],
) -> Result<Vec<Piece>, TemplateError> {
    let src: Vec<char> = template.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    let err = |msg: String, pos: usize| Err(TemplateError::Syntax(msg, pos));
    while i < src.len() {
        let c = src[i];
        if c != '\\' {
            literal.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&e) = src.get(i + 1) else {
            return err("bad escape (end of pattern)".into(), start);
        };
        i += 2;
        let group = match e {
            'g' => {
                if src.get(i) != Some(&'<') {
                    return err("missing <".into(), i);
                }
                let name_pos = i + 1;
                let Some(len) = src[name_pos..].iter().position(|&c| c == '>') else {
                    return if name_pos < src.len() {
                        err("missing >, unterminated name".into(), name_pos)
                    } else {
                        err("missing group name".into(), name_pos)
                    };
                };
                let name: String = src[name_pos..name_pos + len].iter().collect();
                i = name_pos + len + 1;
                if name.is_empty() {
                    return err("missing group name".into(), name_pos);
                }
                if let Some(&(_, g)) = names.iter().find(|(n, _)| *n == name) {
                    g
                } else if name.chars().all(|c| c.is_ascii_digit()) {
                    match name.parse::<usize>() {
                        Ok(g) if g <= groups => g,
                        _ => return err(format!("invalid group reference {name}"), name_pos),
                    }
                } else if is_identifier(&name) {
                    return Err(TemplateError::Index(format!("unknown group name '{name}'")));
                } else {
                    return err(format!("bad character in group name '{name}'"), name_pos);
                }
            }
            '0' => {
                let mut value = 0;
                for _ in 0..2 {
                    match src.get(i).and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                literal.push(char::from_u32(value).unwrap_or('\0'));
                continue;
            }
            '1'..='9' => {
                let octal = |k: usize| src.get(k).is_some_and(|c| ('0'..='7').contains(c));
                if octal(i - 1) && octal(i) && octal(i + 1) {
                    let text: String = src[start..i + 2].iter().collect();
                    let value = src[i - 1..i + 2]
                        .iter()
                        .fold(0, |v, d| v * 8 + d.to_digit(8).unwrap_or(0));
                    if value > 0o377 {
                        return err(
                            format!("octal escape value {text} outside of range 0-0o377"),
                            start,
                        );
                    }
                    literal.push(char::from_u32(value).unwrap_or('\0'));
                    i += 2;
                    continue;
                }
                let mut g = e.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = src.get(i).and_then(|d| d.to_digit(10)) {
                    g = g * 10 + d as usize;
                    i += 1;
                }
                if g > groups {
                    return err(format!("invalid group reference {g}"), start + 1);
                }
                g
            }
            _ => {
                match e {
                    'a' => literal.push('\x07'),
                    'b' => literal.push('\x08'),
                    'f' => literal.push('\x0c'),
                    'n' => literal.push('\n'),
                    'r' => literal.push('\r'),
                    't' => literal.push('\t'),
                    'v' => literal.push('\x0b'),
                    '\\' => literal.push('\\'),
                    e if e.is_ascii_alphabetic() => return err(format!("bad escape \\{e}"), start),
                    e => {
                        literal.push('\\');
                        literal.push(e);
                    }
                }
                continue;
            }
        };
        if !literal.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(Piece::Group(group));
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Ok(pieces)
}

/// Python's `str.isidentifier` (close enough for group names).
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}
