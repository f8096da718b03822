//! Checking that assignment, deletion and loop targets are assignable, with CPython's messages.

use super::expr::err_at;
use super::{Lowerer, Res};
use crate::ast::{Expr, ExprKind};

/// Where a target appears (the messages differ).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetCtx {
    /// The only target of `target = value`.
    SoleAssign,
    /// A target of a chained or nested assignment.
    Assign,
    /// `target op= value`.
    Aug,
    /// `del target`.
    Del,
    /// `for target in ...` (statement or comprehension).
    For,
    /// `with ... as target`.
    With,
}

impl TargetCtx {
    /// The context of a target nested in this one.
    fn inner(self) -> TargetCtx {
        match self {
            TargetCtx::SoleAssign => TargetCtx::Assign,
            ctx => ctx,
        }
    }
}

impl Lowerer<'_> {
    /// Checks that `e` can be assigned (or deleted) in context `ctx`.
    pub(super) fn check_target(&self, e: &Expr, ctx: TargetCtx) -> Res<()> {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            // Assignable alone too: the compiler refuses it outside a list or tuple.
            ExprKind::Starred(value) if !matches!(ctx, TargetCtx::Aug | TargetCtx::Del) => {
                self.check_target(value, ctx.inner())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) if ctx != TargetCtx::Aug => {
                let inner = ctx.inner();
                for elt in elts {
                    match &elt.kind {
                        ExprKind::Starred(value) if ctx != TargetCtx::Del => {
                            self.check_target(value, inner)?
                        }
                        _ => self.check_target(elt, inner)?,
                    }
                }
                Ok(())
            }
            _ => {
                let what = describe(e);
                let msg = match ctx {
                    TargetCtx::Aug => {
                        format!("'{what}' is an illegal expression for augmented assignment")
                    }
                    TargetCtx::Del => format!("cannot delete {what}"),
                    TargetCtx::SoleAssign if is_bitwise_level(e) => format!(
                        "cannot assign to {what} here. Maybe you meant '==' instead of '='?"
                    ),
                    _ => format!("cannot assign to {what}"),
                };
                Err(err_at(&msg, e.span))
            }
        }
    }
}

/// Whether CPython's `invalid_named_expression` rule (a `bitwise_or` operand) applies.
fn is_bitwise_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::GeneratorExp { .. }
            | ExprKind::UnaryOp {
                op: crate::ast::UnaryOp::Not,
                ..
            }
    )
}

/// CPython's name for an expression kind in target errors (`_PyPegen_get_expr_name`).
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::None => "None",
        ExprKind::Bool(true) => "True",
        ExprKind::Bool(false) => "False",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bytes(_) => "literal",
        ExprKind::Slice { .. } => "slice",
    }
}
