//! Lowering expression pairs: operators with their precedence levels, primaries, displays.

use super::{bx, kids, one, Lowerer, Res, P};
use crate::ast::{
    BinOp, BoolOp, CmpOp, Comprehension, Expr, ExprKind, Keyword, Parameters, Span, UnaryOp,
};
use crate::grammar::Rule;
use crate::ParseError;

use super::targets::TargetCtx;

/// Stack kept free below a recursive step of lowering.
const RED_ZONE: usize = 64 * 1024;

/// Size of each stack segment lowering grows when it runs low.
const SEGMENT: usize = 4 * 1024 * 1024;

impl Lowerer<'_> {
    /// Lowers any expression-level pair, first growing the stack if it runs low (the
    /// recursion follows the nesting of the pest tree).
    pub(super) fn expr(&self, p: P) -> Res<Expr> {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || self.expr_here(p))
    }

    /// Lowers any expression-level pair on the current stack segment.
    fn expr_here(&self, p: P) -> Res<Expr> {
        let span = self.span(&p);
        let kind = match p.as_rule() {
            Rule::conditional => {
                let mut k = kids(p);
                let body = k.next().expect("conditional has a body");
                match (k.next(), k.next()) {
                    (Some(test), Some(orelse)) => ExprKind::IfExp {
                        test: bx(self.expr(test)?),
                        body: bx(self.expr(body)?),
                        orelse: bx(self.expr(orelse)?),
                    },
                    _ => return self.expr(body),
                }
            }
            Rule::disjunction => return self.bool_op(p, BoolOp::Or),
            Rule::conjunction => return self.bool_op(p, BoolOp::And),
            Rule::not_expr => ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand: bx(self.expr(one(p))?),
            },
            Rule::comparison => return self.comparison(p),
            Rule::bitor => return self.fold(p, Some(BinOp::BitOr)),
            Rule::bitxor => return self.fold(p, Some(BinOp::BitXor)),
            Rule::bitand => return self.fold(p, Some(BinOp::BitAnd)),
            Rule::shift | Rule::sum | Rule::term => return self.fold(p, None),
            Rule::unary => {
                let mut k = kids(p);
                let op = match k.next().expect("unary has an operator").as_str() {
                    "-" => UnaryOp::USub,
                    "+" => UnaryOp::UAdd,
                    _ => UnaryOp::Invert,
                };
                let operand = bx(self.expr(k.next().expect("unary has an operand"))?);
                ExprKind::UnaryOp { op, operand }
            }
            Rule::power => {
                let mut k = kids(p);
                let base = self.expr(k.next().expect("power has a base"))?;
                match k.next() {
                    Some(exp) => ExprKind::BinOp {
                        left: bx(base),
                        op: BinOp::Pow,
                        right: bx(self.expr(exp)?),
                    },
                    None => return Ok(base),
                }
            }
            Rule::primary => return self.primary(p),
            Rule::await_primary => ExprKind::Await(bx(self.expr(one(p))?)),
            Rule::walrus => {
                let mut k = kids(p);
                let name = self.ident(&k.next().expect("walrus has a target"));
                let target = Expr {
                    kind: ExprKind::Name(name.name),
                    span: name.span,
                };
                let value = self.expr(k.next().expect("walrus has a value"))?;
                ExprKind::NamedExpr {
                    target: bx(target),
                    value: bx(value),
                }
            }
            Rule::lambdef => {
                let mut params = Parameters::default();
                let mut body = None;
                for k in kids(p) {
                    match k.as_rule() {
                        Rule::lambda_params => params = self.params(k)?,
                        _ => body = Some(self.expr(k)?),
                    }
                }
                ExprKind::Lambda {
                    params: Box::new(params),
                    body: bx(body.expect("lambda has a body")),
                }
            }
            Rule::starred | Rule::star_arg => ExprKind::Starred(bx(self.expr(one(p))?)),
            // A lone starred item is the compiler's error, as in CPython.
            Rule::star_expressions | Rule::target_list => return self.tuple_or_single(p, None),
            Rule::yield_from => ExprKind::YieldFrom(bx(self.expr(one(p))?)),
            Rule::yield_plain => match kids(p).next() {
                Some(value) => ExprKind::Yield(Some(bx(self.expr(value)?))),
                None => ExprKind::Yield(None),
            },
            Rule::identifier => ExprKind::Name(p.as_str().to_string()),
            Rule::none_lit => ExprKind::None,
            Rule::true_lit => ExprKind::Bool(true),
            Rule::false_lit => ExprKind::Bool(false),
            Rule::ellipsis => ExprKind::Ellipsis,
            Rule::number => self.number(&p)?,
            Rule::strings => self.strings(p)?,
            Rule::paren => return self.paren(p),
            Rule::list_display => self.list(p)?,
            Rule::brace_display => self.brace(p)?,
            Rule::slice_upper | Rule::slice_step | Rule::default => return self.expr(one(p)),
            rule => unreachable!("not an expression rule: {rule:?}"),
        };
        Ok(Expr { kind, span })
    }

    /// `a or b` / `a and b`, or the single operand.
    fn bool_op(&self, p: P, op: BoolOp) -> Res<Expr> {
        let span = self.span(&p);
        let mut values = kids(p).map(|k| self.expr(k)).collect::<Res<Vec<_>>>()?;
        if values.len() == 1 {
            return Ok(values.pop().expect("one operand"));
        }
        Ok(Expr {
            kind: ExprKind::BoolOp { op, values },
            span,
        })
    }

    /// A comparison chain, or the single operand.
    fn comparison(&self, p: P) -> Res<Expr> {
        let span = self.span(&p);
        let mut k = kids(p);
        let left = self.expr(k.next().expect("comparison has a left operand"))?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = k.next() {
            let words: Vec<&str> = op.as_str().split_whitespace().collect();
            ops.push(match words.as_slice() {
                ["=="] => CmpOp::Eq,
                ["!="] => CmpOp::NotEq,
                ["<"] => CmpOp::Lt,
                ["<="] => CmpOp::LtE,
                [">"] => CmpOp::Gt,
                [">="] => CmpOp::GtE,
                ["is"] => CmpOp::Is,
                ["is", "not"] => CmpOp::IsNot,
                ["in"] => CmpOp::In,
                _ => CmpOp::NotIn,
            });
            comparators.push(self.expr(k.next().expect("comparison operator has an operand"))?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Expr {
            kind: ExprKind::Compare {
                left: bx(left),
                ops,
                comparators,
            },
            span,
        })
    }

    /// Left-associative binary operators; `fixed` is the operator when the grammar has
    /// only one per level (then the children are all operands).
    fn fold(&self, p: P, fixed: Option<BinOp>) -> Res<Expr> {
        let mut k = kids(p);
        let first = k.next().expect("binary level has an operand");
        let start = self.span(&first).start;
        let mut acc = self.expr(first)?;
        while let Some(next) = k.next() {
            let (op, right) = match fixed {
                Some(op) => (op, next),
                None => (
                    binop(next.as_str()),
                    k.next().expect("binary operator has a right operand"),
                ),
            };
            let end = self.span(&right).end;
            let right = self.expr(right)?;
            acc = Expr {
                kind: ExprKind::BinOp {
                    left: bx(acc),
                    op,
                    right: bx(right),
                },
                span: Span { start, end },
            };
        }
        Ok(acc)
    }

    /// Comma-separated items: a tuple, or the single item without a trailing comma.
    /// A lone starred item is an error with `starred_msg`, if given.
    pub(super) fn tuple_or_single(&self, p: P, starred_msg: Option<&str>) -> Res<Expr> {
        let span = self.span(&p);
        let mut elts = Vec::new();
        let mut trailing = false;
        for k in kids(p) {
            match k.as_rule() {
                Rule::trailing_comma => trailing = true,
                _ => elts.push(self.expr(k)?),
            }
        }
        if elts.len() == 1 && !trailing {
            let e = elts.pop().expect("one item");
            if let (ExprKind::Starred(_), Some(msg)) = (&e.kind, starred_msg) {
                return Err(err_at(msg, e.span));
            }
            return Ok(e);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span,
        })
    }

    /// An atom followed by calls, attribute accesses and subscripts.
    fn primary(&self, p: P) -> Res<Expr> {
        let mut k = kids(p);
        let atom = k.next().expect("primary has an atom");
        let start = self.span(&atom).start;
        let mut acc = self.expr(atom)?;
        for t in k {
            let end = self.span(&t).end;
            let kind = match t.as_rule() {
                Rule::call => self.call(acc, t)?,
                Rule::attribute => ExprKind::Attribute {
                    value: bx(acc),
                    attr: self.ident(&one(t)),
                },
                _ => ExprKind::Subscript {
                    value: bx(acc),
                    index: bx(self.slices(one(t))?),
                },
            };
            acc = Expr {
                kind,
                span: Span { start, end },
            };
        }
        Ok(acc)
    }

    /// A call `t` applied to `func`.
    fn call(&self, func: Expr, t: P) -> Res<ExprKind> {
        let call_span = self.span(&t);
        let (args, keywords) = self.arguments(kids(t).next(), call_span)?;
        Ok(ExprKind::Call {
            func: bx(func),
            args,
            keywords,
        })
    }

    /// Positional and keyword arguments of a call (or class bases) whose parentheses
    /// span `call_span`, checking their order.
    pub(super) fn arguments(
        &self,
        arguments: Option<P>,
        call_span: Span,
    ) -> Res<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let items: Vec<P> = arguments.map(|a| kids(a).collect()).unwrap_or_default();
        let count = items.len();
        for item in items {
            let span = self.span(&item);
            let unpacked = keywords.iter().any(|k| k.arg.is_none());
            match item.as_rule() {
                Rule::kwarg => {
                    let mut k = kids(item);
                    let arg = Some(self.ident(&k.next().expect("keyword has a name")));
                    let value = self.expr(k.next().expect("keyword has a value"))?;
                    keywords.push(Keyword { arg, value, span });
                }
                Rule::dstar_arg => {
                    let value = self.expr(one(item))?;
                    keywords.push(Keyword {
                        arg: None,
                        value,
                        span,
                    });
                }
                Rule::star_arg => {
                    if unpacked {
                        return Err(err_at(
                            "iterable argument unpacking follows keyword argument unpacking",
                            span,
                        ));
                    }
                    args.push(self.expr(item)?);
                }
                _ => {
                    if !keywords.is_empty() {
                        let msg = if unpacked {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        // CPython puts the caret at the end of the argument.
                        return Err(err_at(msg, Span::new(span.end as usize, span.end as usize)));
                    }
                    let mut k = kids(item);
                    let elt = self.expr(k.next().expect("argument has a value"))?;
                    let generators = k.map(|c| self.comprehension(c)).collect::<Res<Vec<_>>>()?;
                    if generators.is_empty() {
                        args.push(elt);
                    } else if count > 1 {
                        return Err(err_at("Generator expression must be parenthesized", span));
                    } else {
                        args.push(Expr {
                            kind: ExprKind::GeneratorExp {
                                elt: bx(elt),
                                generators,
                            },
                            span: call_span,
                        });
                    }
                }
            }
        }
        Ok((args, keywords))
    }

    /// The index of a subscript: one item, or a tuple of items.
    fn slices(&self, p: P) -> Res<Expr> {
        let span = self.span(&p);
        let mut elts = Vec::new();
        let mut trailing = false;
        for k in kids(p) {
            match k.as_rule() {
                Rule::trailing_comma => trailing = true,
                _ => elts.push(self.slice_item(k)?),
            }
        }
        if elts.len() == 1 && !trailing {
            return Ok(elts.pop().expect("one item"));
        }
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span,
        })
    }

    /// One subscript item: an expression or `lower:upper:step`.
    fn slice_item(&self, p: P) -> Res<Expr> {
        let span = self.span(&p);
        let mut lower = None;
        let mut tail = None;
        for k in kids(p) {
            match k.as_rule() {
                Rule::slice_tail => tail = Some(k),
                _ => lower = Some(self.expr(k)?),
            }
        }
        let Some(tail) = tail else {
            return Ok(lower.expect("a subscript item without ':' has an expression"));
        };
        let mut upper = None;
        let mut step = None;
        for k in kids(tail) {
            let is_upper = k.as_rule() == Rule::slice_upper;
            let e = Some(bx(self.expr(k)?));
            if is_upper {
                upper = e;
            } else {
                step = e;
            }
        }
        Ok(Expr {
            kind: ExprKind::Slice {
                lower: lower.map(bx),
                upper,
                step,
            },
            span,
        })
    }

    /// `( ... )`: empty tuple, parenthesized expression, tuple or generator expression.
    fn paren(&self, p: P) -> Res<Expr> {
        let span = self.span(&p);
        let items: Vec<P> = kids(p).collect();
        if items.iter().any(|k| k.as_rule() == Rule::comp_for) {
            let (elt, generators) = self.comp_parts(items)?;
            return Ok(Expr {
                kind: ExprKind::GeneratorExp { elt, generators },
                span,
            });
        }
        if items.len() == 1 {
            let e = self.expr(items.into_iter().next().expect("one item"))?;
            if matches!(e.kind, ExprKind::Starred(_)) {
                return Err(err_at("cannot use starred expression here", e.span));
            }
            return Ok(e);
        }
        let elts = items
            .into_iter()
            .filter(|k| k.as_rule() != Rule::trailing_comma)
            .map(|k| self.expr(k))
            .collect::<Res<Vec<_>>>()?;
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span,
        })
    }

    /// `[ ... ]`: a list display or list comprehension.
    fn list(&self, p: P) -> Res<ExprKind> {
        let items: Vec<P> = kids(p).collect();
        if items.iter().any(|k| k.as_rule() == Rule::comp_for) {
            let (elt, generators) = self.comp_parts(items)?;
            return Ok(ExprKind::ListComp { elt, generators });
        }
        let elts = items
            .into_iter()
            .map(|k| self.expr(k))
            .collect::<Res<_>>()?;
        Ok(ExprKind::List(elts))
    }

    /// `{ ... }`: a dict or set display or comprehension.
    fn brace(&self, p: P) -> Res<ExprKind> {
        let items: Vec<P> = kids(p).collect();
        let is_kv = |k: &P| k.as_rule() == Rule::kv_or_expr && k.clone().into_inner().count() == 2;
        let Some(first) = items.first() else {
            return Ok(ExprKind::Dict {
                keys: Vec::new(),
                values: Vec::new(),
            });
        };
        let is_dict = is_kv(first) || first.as_rule() == Rule::dict_unpack;
        if items.iter().any(|k| k.as_rule() == Rule::comp_for) {
            let mut items = items.into_iter();
            let first = items.next().expect("comprehension has an element");
            let generators = items
                .map(|c| self.comprehension(c))
                .collect::<Res<Vec<_>>>()?;
            if first.as_rule() == Rule::dict_unpack {
                return Err(err_at(
                    "dict unpacking cannot be used in dict comprehension",
                    self.span(&first),
                ));
            }
            if is_dict {
                let mut k = kids(first);
                let key = bx(self.expr(k.next().expect("key"))?);
                let value = bx(self.expr(k.next().expect("value"))?);
                return Ok(ExprKind::DictComp {
                    key,
                    value,
                    generators,
                });
            }
            let elt = bx(self.set_item(first)?);
            return Ok(ExprKind::SetComp { elt, generators });
        }
        if !is_dict {
            let elts = items
                .into_iter()
                .map(|k| self.set_item(k))
                .collect::<Res<_>>()?;
            return Ok(ExprKind::Set(elts));
        }
        let mut keys = Vec::new();
        let mut values = Vec::new();
        for item in items {
            if item.as_rule() == Rule::dict_unpack {
                keys.push(None);
                values.push(self.expr(one(item))?);
            } else if is_kv(&item) {
                let mut k = kids(item);
                keys.push(Some(self.expr(k.next().expect("key"))?));
                values.push(self.expr(k.next().expect("value"))?);
            } else {
                return Err(err_at(
                    "':' expected after dictionary key",
                    self.span(&item),
                ));
            }
        }
        Ok(ExprKind::Dict { keys, values })
    }

    /// One element of a set display (not `k: v` or `**d`).
    fn set_item(&self, k: P) -> Res<Expr> {
        match k.as_rule() {
            Rule::kv_or_expr if k.clone().into_inner().count() == 1 => self.expr(one(k)),
            Rule::kv_or_expr | Rule::dict_unpack => Err(err_at("invalid syntax", self.span(&k))),
            _ => self.expr(k),
        }
    }

    /// The element and `for` clauses of a list/set comprehension or generator expression.
    fn comp_parts(&self, items: Vec<P>) -> Res<(Box<Expr>, Vec<Comprehension>)> {
        let mut items = items.into_iter();
        let elt = self.expr(items.next().expect("comprehension has an element"))?;
        let generators = items.map(|c| self.comprehension(c)).collect::<Res<_>>()?;
        Ok((bx(elt), generators))
    }

    /// One `for target in iter if cond...` clause.
    fn comprehension(&self, p: P) -> Res<Comprehension> {
        let mut k = kids(p).peekable();
        let is_async = k.next_if(|c| c.as_rule() == Rule::kw_async).is_some();
        let target = self.expr(k.next().expect("comprehension has a target"))?;
        self.check_target(&target, TargetCtx::For)?;
        let iter = self.expr(k.next().expect("comprehension has an iterable"))?;
        let ifs = k.map(|c| self.expr(one(c))).collect::<Res<_>>()?;
        Ok(Comprehension {
            target,
            iter,
            ifs,
            is_async,
        })
    }
}

/// The operator of a `shift`, `sum` or `term` level (or an augmented assignment).
pub(super) fn binop(text: &str) -> BinOp {
    match text {
        "<<" => BinOp::LShift,
        ">>" => BinOp::RShift,
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mult,
        "/" => BinOp::Div,
        "//" => BinOp::FloorDiv,
        "%" => BinOp::Mod,
        "**" => BinOp::Pow,
        "&" => BinOp::BitAnd,
        "|" => BinOp::BitOr,
        "^" => BinOp::BitXor,
        _ => BinOp::MatMul,
    }
}

/// A `SyntaxError` at `span`.
pub(super) fn err_at(msg: &str, span: Span) -> ParseError {
    ParseError::syntax(msg, span.start as usize, span.end as usize)
}
