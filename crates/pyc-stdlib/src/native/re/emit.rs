//! A parsed Python pattern written out in fancy-regex's syntax, so that it matches what
//! Python's `re` matches: every flag is already resolved in the tree, and each construct
//! is spelled the one way that means the same thing in both.

use std::fmt::Write;

use super::ast::{Assertion, Category, CategoryItem, ClassItem, Fold, Greed, Node, MAXREPEAT};

/// Python's `\w` outside `re.ASCII`: what `str.isalnum()` accepts, and `_`.
const WORD: &str = r"\p{L}\p{N}_";
/// Python's `\s` outside `re.ASCII`: what `str.isspace()` accepts.
const SPACE: &str = r"\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}";
const ASCII_WORD: &str = "0-9A-Za-z_";
const ASCII_SPACE: &str = r"\t-\r\x{20}";

/// The fancy-regex pattern for `node`.
pub(crate) fn emit(node: &Node) -> String {
    let mut out = String::new();
    write_node(node, &mut out);
    out
}

fn write_node(node: &Node, out: &mut String) {
    match node {
        Node::Empty => {}
        Node::Literal(c, fold) => write_literal(*c, *fold, out),
        Node::Any { dotall: true } => out.push_str("(?s:.)"),
        Node::Any { dotall: false } => out.push('.'),
        Node::Class {
            negated,
            items,
            fold,
        } => write_class(*negated, items, *fold, out),
        Node::Category(item) => {
            out.push('[');
            write_category(*item, out);
            out.push(']');
        }
        Node::Assert(a) => write_assertion(*a, out),
        Node::Group(_, body) => {
            out.push('(');
            write_node(body, out);
            out.push(')');
        }
        Node::NonCapture(body) => write_group("(?:", body, out),
        Node::Atomic(body) => write_group("(?>", body, out),
        Node::Concat(items) => items.iter().for_each(|n| write_node(n, out)),
        Node::Alt(items) => {
            out.push_str("(?:");
            for (i, n) in items.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                write_node(n, out);
            }
            out.push(')');
        }
        Node::Repeat {
            node,
            min,
            max,
            greed,
        } => write_repeat(node, *min, *max, *greed, out),
        Node::Backref(n, Fold::None) => {
            let _ = write!(out, r"(?:\{n})");
        }
        Node::Backref(n, _) => {
            let _ = write!(out, r"(?i:\{n})");
        }
        Node::Look {
            behind,
            negative,
            node,
        } => {
            let open = match (behind, negative) {
                (false, false) => "(?=",
                (false, true) => "(?!",
                (true, false) => "(?<=",
                (true, true) => "(?<!",
            };
            write_group(open, node, out);
        }
        Node::Conditional { group, yes, no } => {
            let _ = write!(out, "(?({group})(?:");
            write_node(yes, out);
            out.push_str(")|(?:");
            write_node(no, out);
            out.push_str("))");
        }
    }
}

fn write_group(open: &str, body: &Node, out: &mut String) {
    out.push_str(open);
    write_node(body, out);
    out.push(')');
}

fn write_repeat(node: &Node, min: u64, max: u64, greed: Greed, out: &mut String) {
    if node.width(&[]) == (0, 0) {
        // fancy-regex refuses to repeat what can only match empty; once is as good as
        // any number of times, and zero times is the other alternative.
        let open = if greed == Greed::Possessive {
            "(?>"
        } else {
            "(?:"
        };
        out.push_str(open);
        match (min, greed) {
            (0, Greed::Lazy) => {
                out.push('|');
                write_node(node, out);
            }
            (0, _) => {
                write_node(node, out);
                out.push('|');
            }
            _ => write_node(node, out),
        }
        out.push(')');
        return;
    }
    if greed == Greed::Possessive {
        out.push_str("(?>");
    }
    write_group("(?:", node, out);
    let _ = match (min, max) {
        (0, MAXREPEAT) => write!(out, "*"),
        (1, MAXREPEAT) => write!(out, "+"),
        (0, 1) => write!(out, "?"),
        (m, MAXREPEAT) => write!(out, "{{{m},}}"),
        (m, n) if m == n => write!(out, "{{{m}}}"),
        (m, n) => write!(out, "{{{m},{n}}}"),
    };
    match greed {
        Greed::Greedy => {}
        Greed::Lazy => out.push('?'),
        Greed::Possessive => out.push(')'),
    }
}

/// One character, spelled so that no syntax can mistake it.
fn write_char(c: char, out: &mut String) {
    if c.is_ascii_alphanumeric()
        || c == '_'
        || (!c.is_ascii() && !c.is_whitespace() && !c.is_control())
    {
        out.push(c);
    } else {
        let _ = write!(out, r"\x{{{:x}}}", c as u32);
    }
}

fn write_literal(c: char, fold: Fold, out: &mut String) {
    match fold {
        Fold::Unicode if has_case(c) => {
            out.push_str("(?i:");
            write_char(c, out);
            out.push(')');
        }
        Fold::Ascii if c.is_ascii_alphabetic() => {
            out.push('[');
            out.push(c.to_ascii_lowercase());
            out.push(c.to_ascii_uppercase());
            out.push(']');
        }
        _ => write_char(c, out),
    }
}

/// Whether `c` has another case (so ignoring case can change what it matches).
fn has_case(c: char) -> bool {
    c.to_lowercase().ne(std::iter::once(c)) || c.to_uppercase().ne(std::iter::once(c))
}

fn write_class(negated: bool, items: &[ClassItem], fold: Fold, out: &mut String) {
    if fold == Fold::Unicode {
        out.push_str("(?i:");
    }
    out.push('[');
    if negated {
        out.push('^');
    }
    for item in items {
        match *item {
            ClassItem::Char(c) => write_char(c, out),
            ClassItem::Range(lo, hi) => {
                write_char(lo, out);
                out.push('-');
                write_char(hi, out);
            }
            ClassItem::Category(cat) => write_category(cat, out),
        }
        if fold == Fold::Ascii {
            write_ascii_case_partners(item, out);
        }
    }
    out.push(']');
    if fold == Fold::Unicode {
        out.push(')');
    }
}

/// For `re.I | re.A`: the other-case ASCII letters of a set member.
fn write_ascii_case_partners(item: &ClassItem, out: &mut String) {
    let (lo, hi) = match *item {
        ClassItem::Char(c) => (c, c),
        ClassItem::Range(lo, hi) => (lo, hi),
        ClassItem::Category(_) => return,
    };
    for (from, to) in [('a', 'z'), ('A', 'Z')] {
        let (a, b) = (lo.max(from), hi.min(to));
        if a <= b {
            let flip = |c: char| (c as u8 ^ 0x20) as char;
            out.push(flip(a));
            out.push('-');
            out.push(flip(b));
        }
    }
}

/// A category as set members (a nested negated set when negated).
fn write_category(item: CategoryItem, out: &mut String) {
    let members = match (item.cat, item.ascii) {
        (Category::Digit, false) => {
            out.push_str(if item.negated { r"\D" } else { r"\d" });
            return;
        }
        (Category::Digit, true) => "0-9",
        (Category::Word, false) => WORD,
        (Category::Word, true) => ASCII_WORD,
        (Category::Space, false) => SPACE,
        (Category::Space, true) => ASCII_SPACE,
    };
    if item.negated {
        let _ = write!(out, "[^{members}]");
    } else {
        out.push_str(members);
    }
}

fn write_assertion(a: Assertion, out: &mut String) {
    let text = match a {
        Assertion::Start { multiline: false } | Assertion::StartText => r"\A",
        Assertion::Start { multiline: true } => "(?m:^)",
        Assertion::End { multiline: false } => r"(?=\n?\z)",
        Assertion::End { multiline: true } => "(?m:$)",
        Assertion::EndText => r"\z",
        Assertion::WordBoundary {
            negated,
            ascii: false,
        } => {
            if negated {
                r"\B"
            } else {
                r"\b"
            }
        }
        Assertion::WordBoundary {
            negated,
            ascii: true,
        } => {
            let w = ASCII_WORD;
            let _ = if negated {
                write!(out, "(?:(?<=[{w}])(?=[{w}])|(?<![{w}])(?![{w}]))")
            } else {
                write!(out, "(?:(?<=[{w}])(?![{w}])|(?<![{w}])(?=[{w}]))")
            };
            return;
        }
    };
    out.push_str(text);
}
