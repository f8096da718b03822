//! Lowering `def` and `lambda` parameter lists, checking their order.

use super::expr::err_at;
use super::{kids, Lowerer, Res, P};
use crate::ast::{Param, Parameters};
use crate::grammar::Rule;

impl Lowerer<'_> {
    /// Lowers a `params` or `lambda_params` pair. Annotations are parsed and dropped;
    /// `/` is accepted and its parameters are treated as ordinary ones.
    pub(super) fn params(&self, p: P) -> Res<Parameters> {
        let mut params = Parameters::default();
        let mut after_star = false;
        let mut bare_star = None;
        for item in kids(p) {
            let span = self.span(&item);
            match item.as_rule() {
                Rule::param | Rule::lambda_param => {
                    let mut k = kids(item);
                    let name = self.ident(&k.next().expect("parameter has a name"));
                    let default = k
                        .find(|c| c.as_rule() == Rule::default)
                        .map(|d| self.expr(d))
                        .transpose()?;
                    if after_star {
                        bare_star = None;
                        params.kwonlyargs.push(Param { name, default });
                        continue;
                    }
                    let follows_default = params.args.last().is_some_and(|a| a.default.is_some());
                    if default.is_none() && follows_default {
                        return Err(err_at(
                            "non-default argument follows default argument",
                            span,
                        ));
                    }
                    params.args.push(Param { name, default });
                }
                Rule::varargs_param | Rule::lambda_varargs => {
                    params.vararg = Some(self.ident(&kids(item).next().expect("*args has a name")));
                    after_star = true;
                }
                Rule::kwargs_param | Rule::lambda_kwargs => {
                    params.kwarg =
                        Some(self.ident(&kids(item).next().expect("**kwargs has a name")));
                }
                Rule::star_marker => {
                    after_star = true;
                    bare_star = Some(span);
                }
                _ => {}
            }
        }
        if let Some(span) = bare_star {
            return Err(err_at("named arguments must follow bare *", span));
        }
        Ok(params)
    }
}
