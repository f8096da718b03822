//! Lowering `def` and `lambda` parameter lists, checking their order.

use super::expr::err_at;
use super::{kids, Lowerer, Res, P};
use crate::ast::{Param, Parameters, Span};
use crate::grammar::Rule;

/// Where the items seen so far leave a parameter list.
#[derive(Default)]
struct Order {
    /// The span of a `*` or `*args` already seen.
    star: Option<Span>,
    /// A bare `*` not yet followed by a keyword-only parameter.
    bare_star: Option<Span>,
    /// Whether `/` was seen.
    slash: bool,
    /// Whether `**kwargs` was seen.
    kwarg: bool,
}

impl Lowerer<'_> {
    /// Lowers a `params` or `lambda_params` pair with CPython's errors for items out of
    /// order. Annotations are parsed and dropped; the parameters before `/` are counted
    /// as positional-only.
    pub(super) fn params(&self, p: P) -> Res<Parameters> {
        let trailing_comma = p.as_str().trim_end().ends_with(',');
        let items: Vec<P> = kids(p).collect();
        let count = items.len();
        let mut params = Parameters::default();
        let mut order = Order::default();
        for (index, item) in items.into_iter().enumerate() {
            let span = self.span(&item);
            let followed = index + 1 < count || trailing_comma;
            if order.kwarg {
                let marker = match item.as_rule() {
                    Rule::kwargs_param | Rule::lambda_kwargs => token(span, 2),
                    Rule::varargs_param | Rule::lambda_varargs => token(span, 1),
                    _ => span,
                };
                return Err(err_at(
                    "arguments cannot follow var-keyword argument",
                    marker,
                ));
            }
            match item.as_rule() {
                Rule::param | Rule::lambda_param => {
                    self.param(item, span, &mut params, &mut order)?
                }
                Rule::varargs_param | Rule::lambda_varargs => {
                    star(&mut order, token(span, 1), true)?;
                    params.vararg = Some(self.ident(&kids(item).next().expect("*args has a name")));
                }
                Rule::kwargs_param | Rule::lambda_kwargs => {
                    params.kwarg =
                        Some(self.ident(&kids(item).next().expect("**kwargs has a name")));
                    order.kwarg = true;
                }
                Rule::star_marker => {
                    star(&mut order, span, followed)?;
                    order.bare_star = Some(span);
                }
                Rule::slash_marker => {
                    slash(&mut order, span, params.args.len(), followed)?;
                    params.posonlyargcount = params.args.len();
                }
                _ => {}
            }
        }
        if let Some(span) = order.bare_star {
            return Err(err_at("named arguments must follow bare *", span));
        }
        Ok(params)
    }

    /// One named parameter: positional before any `*`, keyword-only after it.
    fn param(&self, item: P, span: Span, params: &mut Parameters, order: &mut Order) -> Res<()> {
        let mut k = kids(item);
        let name = self.ident(&k.next().expect("parameter has a name"));
        let default = k
            .find(|c| c.as_rule() == Rule::default)
            .map(|d| self.expr(d))
            .transpose()?;
        if order.star.is_some() {
            order.bare_star = None;
            params.kwonlyargs.push(Param { name, default });
            return Ok(());
        }
        let follows_default = params.args.last().is_some_and(|a| a.default.is_some());
        if default.is_none() && follows_default {
            return Err(err_at(
                "non-default argument follows default argument",
                span,
            ));
        }
        params.args.push(Param { name, default });
        Ok(())
    }
}

/// The first `len` bytes of `span`: the `*` or `**` of a starred parameter.
fn token(span: Span, len: u32) -> Span {
    Span {
        start: span.start,
        end: span.start + len,
    }
}

/// Records a `*` or `*args`, which may appear only once; `followed` says whether a name
/// or a comma follows it.
fn star(order: &mut Order, span: Span, followed: bool) -> Res<()> {
    if order.star.is_some() {
        let message = if followed {
            "* argument may appear only once"
        } else {
            "invalid syntax"
        };
        return Err(err_at(message, span));
    }
    order.star = Some(span);
    Ok(())
}

/// Checks a `/` after `positional` parameters; `followed` says whether a comma follows it.
fn slash(order: &mut Order, span: Span, positional: usize, followed: bool) -> Res<()> {
    let message = if order.star.is_some() {
        "/ must be ahead of *"
    } else if order.slash {
        "/ may appear only once"
    } else if positional == 0 && followed {
        "at least one argument must precede /"
    } else if positional == 0 {
        "invalid syntax"
    } else {
        order.slash = true;
        return Ok(());
    };
    Err(err_at(message, span))
}
