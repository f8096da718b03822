//! CPython 3.11's AST optimizer (`Python/ast_opt.c`), asked one node at a time: which
//! constant an expression becomes once its constant parts are folded.
//!
//! CPython rewrites the tree before compiling it; here code generation asks
//! [`Folder::constant`] of each expression it meets, and the answer (memoised per node)
//! is the constant CPython's tree would hold there. Folded: literals, `__debug__`, unary
//! and binary operators on constants (within CPython's size limits, and never when the
//! operation raises), subscripts of constants and tuples of constants; an f-string is
//! never a constant, even without replacement fields. The rewrites CPython makes in
//! particular contexts are made where code generation meets them: a list or set that is
//! only iterated (`for`) or searched (`in`) becomes a tuple or frozenset
//! ([`Folder::iterable`]), `not (a is b)` becomes `a is not b` ([`inverted`]), and
//! `"%s: %r" % (a, b)` becomes an f-string ([`Folder::percent_format`]).
//!
//! Modules: `numbers` (the arithmetic), `frozenset` (CPython's set element order),
//! `format` (`"..." % (a, b)` rewritten as an f-string).

mod format;
mod frozenset;
mod numbers;

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use pyc_bytecode::Constant;
use pyc_parser::ast::{BinOp, CmpOp, Expr, ExprKind, Span, UnaryOp};

pub(super) use format::Piece;
pub(super) use frozenset::frozenset;

/// The largest tuple a `*` may fold into.
const MAX_COLLECTION_SIZE: i64 = 256;
/// The longest string a `*` may fold into.
const MAX_STR_SIZE: i64 = 4096;
/// The most items, nested tuples counted, a folded `*` may produce.
const MAX_TOTAL_ITEMS: i64 = 1024;

/// Answers "which constant is this expression" for one compilation, remembering each
/// answer so that asking again while descending costs nothing.
#[derive(Default)]
pub(super) struct Folder {
    answers: HashMap<usize, Option<Constant>>,
}

/// What a list or set becomes where only its items matter (`for x in [...]`, `in {...}`).
pub(super) enum Iterable<'a> {
    /// A constant tuple or frozenset.
    Constant(Constant),
    /// A list display compiled as a tuple display.
    Tuple(&'a [Expr]),
    /// Anything else, compiled as it is.
    Unchanged,
}

impl Folder {
    /// The constant `e` folds to, if any.
    pub fn constant(&mut self, e: &Expr) -> Option<Constant> {
        let key = e as *const Expr as usize;
        if let Some(answer) = self.answers.get(&key) {
            return answer.clone();
        }
        let answer = crate::depth::deep(|| self.fold(e));
        self.answers.insert(key, answer.clone());
        answer
    }

    fn fold(&mut self, e: &Expr) -> Option<Constant> {
        match &e.kind {
            ExprKind::Int(i) => Some(int_constant(i.clone())),
            ExprKind::Float(f) => Some(Constant::Float(*f)),
            ExprKind::Str(s) => Some(Constant::Str(s.as_str().into())),
            ExprKind::Bytes(b) => Some(Constant::Bytes(b.as_slice().into())),
            ExprKind::Bool(b) => Some(Constant::Bool(*b)),
            ExprKind::None => Some(Constant::None),
            ExprKind::Ellipsis => Some(Constant::Ellipsis),
            ExprKind::Name(name) if name == "__debug__" => Some(Constant::Bool(true)),
            ExprKind::UnaryOp { op, operand } => unary(*op, &self.constant(operand)?),
            ExprKind::BinOp { left, op, right } => {
                let left = self.constant(left);
                let right = self.constant(right);
                binary(*op, &left?, &right?)
            }
            ExprKind::Subscript { value, index } => {
                let value = self.constant(value);
                let index = self.constant(index);
                subscript(&value?, &index?)
            }
            ExprKind::Tuple(items) => self.constant_items(items).map(tuple),
            _ => None,
        }
    }

    /// The constants of `items` when every one of them folds.
    pub fn constant_items(&mut self, items: &[Expr]) -> Option<Vec<Constant>> {
        let folded: Vec<Option<Constant>> = items.iter().map(|i| self.constant(i)).collect();
        folded.into_iter().collect()
    }

    /// CPython's `optimize_format`: the f-string pieces `left % right` becomes, when
    /// `left` is a string constant and `right` a tuple display (of non-constants, or it
    /// would be a constant itself) whose items match the format's `%s`/`%r`/`%a` units.
    pub fn percent_format<'a>(&mut self, left: &Expr, right: &'a Expr) -> Option<Vec<Piece<'a>>> {
        let ExprKind::Tuple(items) = &right.kind else {
            return None;
        };
        if has_starred(items) || self.constant(right).is_some() {
            return None;
        }
        match self.constant(left)? {
            Constant::Str(format) => format::percent_format(&format, items),
            _ => None,
        }
    }

    /// CPython's `fold_iter`: a list display iterated or searched becomes a tuple (a
    /// constant one if its items are constants), a set display of constants a frozenset.
    pub fn iterable<'a>(&mut self, e: &'a Expr) -> Iterable<'a> {
        match &e.kind {
            ExprKind::List(items) if !has_starred(items) => match self.constant_items(items) {
                Some(items) => Iterable::Constant(tuple(items)),
                None => Iterable::Tuple(items),
            },
            ExprKind::Set(items) => match self.constant_items(items) {
                Some(items) => Iterable::Constant(frozenset(items)),
                None => Iterable::Unchanged,
            },
            _ => Iterable::Unchanged,
        }
    }
}

/// Whether any item is `*iterable`.
pub(super) fn has_starred(items: &[Expr]) -> bool {
    items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)))
}

/// `not (a is b)` is compiled as `a is not b` (likewise `is not`, `in`, `not in`); the
/// other comparisons are not inverted, since `==` and `!=` need not be opposites.
pub(super) fn inverted(e: &Expr) -> Option<(&Expr, CmpOp, &Expr)> {
    inverted_parts(e).map(|(_, left, op, right)| (left, op, right))
}

/// Where the comparison that [`inverted`] folds `e` into comes from: CPython's folded
/// node takes the span of the comparison inside the `not`. `e`'s own span when `e` is
/// not folded so.
pub(super) fn inverted_span(e: &Expr) -> Span {
    inverted_parts(e).map_or(e.span, |(span, ..)| span)
}

/// The inner comparison's span and the parts of the folded one.
fn inverted_parts(e: &Expr) -> Option<(Span, &Expr, CmpOp, &Expr)> {
    let ExprKind::UnaryOp {
        op: UnaryOp::Not,
        operand,
    } = &e.kind
    else {
        return None;
    };
    let ExprKind::Compare {
        left,
        ops,
        comparators,
    } = &operand.kind
    else {
        return None;
    };
    let op = match ops.as_slice() {
        [CmpOp::Is] => CmpOp::IsNot,
        [CmpOp::IsNot] => CmpOp::Is,
        [CmpOp::In] => CmpOp::NotIn,
        [CmpOp::NotIn] => CmpOp::In,
        _ => return None,
    };
    Some((operand.span, left, op, &comparators[0]))
}

/// A tuple constant.
pub(super) fn tuple(items: Vec<Constant>) -> Constant {
    Constant::Tuple(items.into())
}

/// An int constant, small when it fits in 64 bits.
fn int_constant(i: BigInt) -> Constant {
    match i.to_i64() {
        Some(small) => Constant::Int(small),
        None => Constant::BigInt(i),
    }
}

/// A constant's value as an int, if it is an int or a bool.
fn int_of(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}

/// Python's truth value of a constant.
pub(super) fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(items) | Constant::FrozenSet(items) => !items.is_empty(),
        Constant::Ellipsis | Constant::Code(_) => true,
    }
}

/// `-c`, `+c`, `~c`, `not c`.
fn unary(op: UnaryOp, c: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return Some(Constant::Bool(!truthy(c)));
    }
    if let Constant::Float(f) = c {
        return match op {
            UnaryOp::USub => Some(Constant::Float(-f)),
            UnaryOp::UAdd => Some(Constant::Float(*f)),
            _ => None,
        };
    }
    let i = int_of(c)?;
    Some(int_constant(match op {
        UnaryOp::USub => -i,
        UnaryOp::UAdd => i,
        _ => -i - 1,
    }))
}

/// `left op right`, or `None` when CPython leaves it to run time (it raises, or its
/// result would be too large to keep in the code object).
fn binary(op: BinOp, left: &Constant, right: &Constant) -> Option<Constant> {
    match op {
        BinOp::Add => concatenate(left, right).or_else(|| numbers::arithmetic(op, left, right)),
        BinOp::Mult => multiply(left, right),
        BinOp::Mod if matches!(left, Constant::Str(_) | Constant::Bytes(_)) => None,
        BinOp::Sub | BinOp::Div | BinOp::FloorDiv | BinOp::Mod | BinOp::Pow => {
            numbers::arithmetic(op, left, right)
        }
        BinOp::LShift | BinOp::RShift => numbers::shift(op, &int_of(left)?, &int_of(right)?),
        BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => bitwise(op, left, right),
        BinOp::MatMul => None,
    }
}

/// `str + str`, `bytes + bytes` and `tuple + tuple`.
fn concatenate(left: &Constant, right: &Constant) -> Option<Constant> {
    match (left, right) {
        (Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(format!("{a}{b}").into())),
        (Constant::Bytes(a), Constant::Bytes(b)) => {
            Some(Constant::Bytes([&a[..], &b[..]].concat().into()))
        }
        (Constant::Tuple(a), Constant::Tuple(b)) => Some(tuple([&a[..], &b[..]].concat())),
        _ => None,
    }
}

/// `&`, `|`, `^`: on two bools the result is a bool.
fn bitwise(op: BinOp, left: &Constant, right: &Constant) -> Option<Constant> {
    if let (Constant::Bool(a), Constant::Bool(b)) = (left, right) {
        return Some(Constant::Bool(match op {
            BinOp::BitAnd => a & b,
            BinOp::BitOr => a | b,
            _ => a ^ b,
        }));
    }
    let (a, b) = (int_of(left)?, int_of(right)?);
    Some(int_constant(match op {
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        _ => a ^ b,
    }))
}

/// CPython's `safe_multiply`: ints whose product stays within 128 bits, sequences
/// repeated into at most 4096 characters or 256 items, and any float product.
fn multiply(left: &Constant, right: &Constant) -> Option<Constant> {
    match (int_of(left), int_of(right)) {
        (Some(a), Some(b)) => {
            let too_big = !a.is_zero() && !b.is_zero() && a.bits() + b.bits() > 128;
            (!too_big).then(|| int_constant(a * b))
        }
        (Some(n), None) => {
            repeat(right, &n).or_else(|| numbers::arithmetic(BinOp::Mult, left, right))
        }
        (None, Some(n)) => {
            repeat(left, &n).or_else(|| numbers::arithmetic(BinOp::Mult, left, right))
        }
        (None, None) => numbers::arithmetic(BinOp::Mult, left, right),
    }
}

/// `sequence * n` for a string, bytes or tuple, within CPython's limits.
fn repeat(sequence: &Constant, n: &BigInt) -> Option<Constant> {
    let size = match sequence {
        Constant::Str(s) => s.chars().count() as i64,
        Constant::Bytes(b) => b.len() as i64,
        Constant::Tuple(items) => items.len() as i64,
        _ => return None,
    };
    // An empty sequence skips the limits, but the count must still be a machine int.
    let count = n.to_i64()?;
    if size > 0 {
        let limit = match sequence {
            Constant::Str(_) | Constant::Bytes(_) => MAX_STR_SIZE,
            _ => MAX_COLLECTION_SIZE,
        };
        if count < 0 || count > limit / size {
            return None;
        }
        if count > 0 && complexity(sequence, MAX_TOTAL_ITEMS / count) < 0 {
            return None;
        }
    }
    let count = count.max(0) as usize;
    Some(match sequence {
        Constant::Str(s) => Constant::Str(s.repeat(count).into()),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(count).into()),
        Constant::Tuple(items) => tuple(
            items
                .iter()
                .cloned()
                .cycle()
                .take(items.len() * count)
                .collect(),
        ),
        _ => unreachable!("only strings, bytes and tuples are repeated"),
    })
}

/// CPython's `check_complexity`: `limit` less the items of `c`, nested tuples and
/// frozensets included, stopping once it goes negative.
fn complexity(c: &Constant, mut limit: i64) -> i64 {
    if let Constant::Tuple(items) | Constant::FrozenSet(items) = c {
        limit -= items.len() as i64;
        for item in items.iter() {
            if limit < 0 {
                break;
            }
            limit = complexity(item, limit);
        }
    }
    limit
}

/// `value[index]` for a string, bytes or tuple indexed by an int in range.
fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let index = int_of(index)?.to_i64()?;
    let at = |len: usize| {
        let i = if index < 0 { index + len as i64 } else { index };
        (0..len as i64).contains(&i).then_some(i as usize)
    };
    match value {
        Constant::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let c = chars[at(chars.len())?];
            Some(Constant::Str(Rc::from(c.to_string())))
        }
        Constant::Bytes(b) => Some(Constant::Int(i64::from(b[at(b.len())?]))),
        Constant::Tuple(items) => Some(items[at(items.len())?].clone()),
        _ => None,
    }
}
