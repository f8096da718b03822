//! The tree a Python pattern parses into, with the widths CPython's look-behind check uses.

/// A Python `re` flag bit (the values of `re.IGNORECASE` and the others).
pub(crate) mod flag {
    pub const TEMPLATE: u32 = 1;
    pub const IGNORECASE: u32 = 2;
    pub const LOCALE: u32 = 4;
    pub const MULTILINE: u32 = 8;
    pub const DOTALL: u32 = 16;
    pub const UNICODE: u32 = 32;
    pub const VERBOSE: u32 = 64;
    pub const ASCII: u32 = 256;
}

/// CPython's bound on repeat counts (`sre_constants.MAXREPEAT`).
pub(crate) const MAXREPEAT: u64 = 4_294_967_295;

/// How a literal, set or backreference compares letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Exactly.
    None,
    /// Ignoring case by Unicode simple case folding (`re.I`).
    Unicode,
    /// Ignoring the case of ASCII letters only (`re.I | re.A`).
    Ascii,
}

/// `\d`, `\s`, `\w` and their negations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Category {
    Digit,
    Space,
    Word,
}

/// A category escape as written: which one, negated or not, under `re.ASCII` or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CategoryItem {
    pub cat: Category,
    pub negated: bool,
    pub ascii: bool,
}

/// One member of a `[...]` set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ClassItem {
    Char(char),
    Range(char, char),
    Category(CategoryItem),
}

/// A zero-width assertion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Assertion {
    /// `^`, multi-line or not.
    Start { multiline: bool },
    /// `$`, multi-line or not (without `re.M` it also matches before a final newline).
    End { multiline: bool },
    /// `\A`.
    StartText,
    /// `\Z`.
    EndText,
    /// `\b` (`negated`: `\B`).
    WordBoundary { negated: bool, ascii: bool },
}

/// Repetition strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Greed {
    Greedy,
    Lazy,
    Possessive,
}

/// A parsed pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    Empty,
    Literal(char, Fold),
    /// `.`.
    Any {
        dotall: bool,
    },
    Class {
        negated: bool,
        items: Vec<ClassItem>,
        fold: Fold,
    },
    Category(CategoryItem),
    Assert(Assertion),
    /// A capturing group (its number, from 1).
    Group(usize, Box<Node>),
    /// A non-capturing group (kept: a quantifier after it applies to all of it).
    NonCapture(Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u64,
        max: u64,
        greed: Greed,
    },
    Backref(usize, Fold),
    Look {
        behind: bool,
        negative: bool,
        node: Box<Node>,
    },
    Atomic(Box<Node>),
    /// `(?(group)yes|no)`.
    Conditional {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
}

impl Node {
    /// The least and greatest number of characters this node matches (greatest capped at
    /// [`MAXREPEAT`]), as CPython's `getwidth` computes it; `groups` holds the widths of
    /// the groups closed so far.
    pub(crate) fn width(&self, groups: &[(u64, u64)]) -> (u64, u64) {
        match self {
            Node::Empty | Node::Assert(_) | Node::Look { .. } => (0, 0),
            Node::Literal(..) | Node::Any { .. } | Node::Class { .. } | Node::Category(_) => (1, 1),
            Node::Group(_, n) | Node::NonCapture(n) | Node::Atomic(n) => n.width(groups),
            Node::Concat(items) => items.iter().fold((0, 0), |(lo, hi), n| {
                let (a, b) = n.width(groups);
                (lo + a, (hi + b).min(MAXREPEAT))
            }),
            Node::Alt(items) => {
                let widths: Vec<_> = items.iter().map(|n| n.width(groups)).collect();
                let lo = widths.iter().map(|w| w.0).min().unwrap_or(0);
                let hi = widths.iter().map(|w| w.1).max().unwrap_or(0);
                (lo, hi)
            }
            Node::Repeat { node, min, max, .. } => {
                let (a, b) = node.width(groups);
                (
                    a.saturating_mul(*min),
                    b.saturating_mul(*max).min(MAXREPEAT),
                )
            }
            Node::Backref(g, _) => groups.get(*g).copied().unwrap_or((0, MAXREPEAT)),
            Node::Conditional { yes, no, .. } => {
                let (a, b) = yes.width(groups);
                let (c, d) = no.width(groups);
                (a.min(c), b.max(d))
            }
        }
    }
}
