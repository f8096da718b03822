//! A compact, indented text dump of the AST with `line:col-line:col` spans, for golden tests
//! and debugging.

use std::fmt::Write;

use crate::ast::{
    Comprehension, ExceptHandler, Expr, ExprKind, FStringPart, Ident, Keyword, Module, Parameters,
    Span, Stmt, StmtKind,
};
use crate::LineIndex;

/// Stack kept free below a recursive step of the dump.
const RED_ZONE: usize = 64 * 1024;

/// Size of each stack segment the dump grows when it runs low.
const SEGMENT: usize = 4 * 1024 * 1024;

/// Dumps `module` (parsed from `source`) one node per line, children indented.
pub fn dump_module(source: &str, module: &Module) -> String {
    let mut d = Dumper {
        source,
        index: LineIndex::new(source),
        out: String::new(),
        depth: 0,
    };
    for s in &module.body {
        d.stmt("", s);
    }
    d.out
}

/// The dump under construction.
struct Dumper<'a> {
    source: &'a str,
    index: LineIndex,
    out: String,
    depth: usize,
}

impl Dumper<'_> {
    /// `line:col-line:col` of a span.
    fn at(&self, span: Span) -> String {
        let (l1, c1) = self.index.line_col(self.source, span.start);
        let (l2, c2) = self.index.line_col(self.source, span.end);
        format!("{l1}:{c1}-{l2}:{c2}")
    }

    /// Writes one line `label: head`, then the children written by `f`, indented (on a
    /// grown stack when it runs low: the dump recurses once per level of the tree).
    fn node(&mut self, label: &str, head: String, f: impl FnOnce(&mut Self)) {
        let _ = write!(self.out, "{:1$}", "", self.depth * 2);
        if !label.is_empty() {
            self.out.push_str(label);
            self.out.push_str(": ");
        }
        self.out.push_str(&head);
        self.out.push('\n');
        self.depth += 1;
        stacker::maybe_grow(RED_ZONE, SEGMENT, || f(self));
        self.depth -= 1;
    }

    fn ident(&mut self, label: &str, id: &Ident) {
        let head = format!("{} @{}", id.name, self.at(id.span));
        self.node(label, head, |_| {});
    }

    fn stmts(&mut self, label: &str, body: &[Stmt]) {
        for s in body {
            self.stmt(label, s);
        }
    }

    fn exprs(&mut self, label: &str, items: &[Expr]) {
        for e in items {
            self.expr(label, e);
        }
    }

    fn stmt(&mut self, label: &str, s: &Stmt) {
        let at = self.at(s.span);
        match &s.kind {
            StmtKind::Expr(e) => self.node(label, format!("Expr @{at}"), |d| d.expr("", e)),
            StmtKind::Assign { targets, value } => self.node(label, format!("Assign @{at}"), |d| {
                d.exprs("target", targets);
                d.expr("value", value);
            }),
            StmtKind::AugAssign { target, op, value } => {
                self.node(label, format!("AugAssign {op:?} @{at}"), |d| {
                    d.expr("target", target);
                    d.expr("value", value);
                })
            }
            StmtKind::FunctionDef(f) => {
                let kind = if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                };
                self.node(label, format!("{kind} {} @{at}", f.name.name), |d| {
                    d.exprs("decorator", &f.decorators);
                    d.params(&f.params);
                    d.stmts("body", &f.body);
                })
            }
            StmtKind::ClassDef(c) => {
                self.node(label, format!("ClassDef {} @{at}", c.name.name), |d| {
                    d.exprs("decorator", &c.decorators);
                    d.exprs("base", &c.bases);
                    d.keywords(&c.keywords);
                    d.stmts("body", &c.body);
                })
            }
            StmtKind::Return(v) => self.node(label, format!("Return @{at}"), |d| {
                if let Some(v) = v {
                    d.expr("", v);
                }
            }),
            StmtKind::If { test, body, orelse } => self.node(label, format!("If @{at}"), |d| {
                d.expr("test", test);
                d.stmts("body", body);
                d.stmts("orelse", orelse);
            }),
            StmtKind::While { test, body, orelse } => {
                self.node(label, format!("While @{at}"), |d| {
                    d.expr("test", test);
                    d.stmts("body", body);
                    d.stmts("orelse", orelse);
                })
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => self.node(
                label,
                format!("{}For @{at}", if *is_async { "Async" } else { "" }),
                |d| {
                    d.expr("target", target);
                    d.expr("iter", iter);
                    d.stmts("body", body);
                    d.stmts("orelse", orelse);
                },
            ),
            StmtKind::Break => self.node(label, format!("Break @{at}"), |_| {}),
            StmtKind::Continue => self.node(label, format!("Continue @{at}"), |_| {}),
            StmtKind::Pass => self.node(label, format!("Pass @{at}"), |_| {}),
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let kw = if matches!(s.kind, StmtKind::Global(_)) {
                    "Global"
                } else {
                    "Nonlocal"
                };
                self.node(label, format!("{kw} @{at}"), |d| {
                    for n in names {
                        d.ident("", n);
                    }
                })
            }
            StmtKind::Delete(targets) => {
                self.node(label, format!("Delete @{at}"), |d| d.exprs("", targets))
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.node(label, format!("Try @{at}"), |d| {
                d.stmts("body", body);
                for h in handlers {
                    d.handler(h);
                }
                d.stmts("orelse", orelse);
                d.stmts("finally", finalbody);
            }),
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.node(
                label,
                format!("{}With @{at}", if *is_async { "Async" } else { "" }),
                |d| {
                    for item in items {
                        d.expr("item", &item.context_expr);
                        if let Some(target) = &item.optional_vars {
                            d.expr("as", target);
                        }
                    }
                    d.stmts("body", body);
                },
            ),
            StmtKind::Raise { exc, cause } => self.node(label, format!("Raise @{at}"), |d| {
                if let Some(e) = exc {
                    d.expr("exc", e);
                }
                if let Some(c) = cause {
                    d.expr("cause", c);
                }
            }),
            StmtKind::Assert { test, msg } => self.node(label, format!("Assert @{at}"), |d| {
                d.expr("test", test);
                if let Some(m) = msg {
                    d.expr("msg", m);
                }
            }),
            StmtKind::Import(names) => self.node(label, format!("Import @{at}"), |d| {
                for a in names {
                    d.ident("name", &a.name);
                    if let Some(asname) = &a.asname {
                        d.ident("as", asname);
                    }
                }
            }),
            StmtKind::ImportFrom { module, names } => {
                self.node(label, format!("ImportFrom {module} @{at}"), |d| {
                    for a in names {
                        d.ident("name", &a.name);
                        if let Some(asname) = &a.asname {
                            d.ident("as", asname);
                        }
                    }
                })
            }
        }
    }

    fn handler(&mut self, h: &ExceptHandler) {
        let at = self.at(h.span);
        self.node("handler", format!("ExceptHandler @{at}"), |d| {
            if let Some(t) = &h.typ {
                d.expr("type", t);
            }
            if let Some(n) = &h.name {
                d.ident("name", n);
            }
            d.stmts("body", &h.body);
        });
    }

    fn params(&mut self, p: &Parameters) {
        for (i, a) in p.args.iter().enumerate() {
            let label = if i < p.posonlyargcount {
                "posonlyarg"
            } else {
                "arg"
            };
            self.ident(label, &a.name);
            if let Some(default) = &a.default {
                self.expr("  default", default);
            }
        }
        if let Some(v) = &p.vararg {
            self.ident("vararg", v);
        }
        for a in &p.kwonlyargs {
            self.ident("kwonly", &a.name);
            if let Some(default) = &a.default {
                self.expr("  default", default);
            }
        }
        if let Some(k) = &p.kwarg {
            self.ident("kwarg", k);
        }
    }

    fn keywords(&mut self, keywords: &[Keyword]) {
        for k in keywords {
            let name = k.arg.as_ref().map_or("**", |a| a.name.as_str());
            let at = self.at(k.span);
            self.node("keyword", format!("{name} @{at}"), |d| d.expr("", &k.value));
        }
    }

    fn generators(&mut self, generators: &[Comprehension]) {
        for g in generators {
            let kind = if g.is_async {
                "AsyncComprehension"
            } else {
                "Comprehension"
            };
            self.node("for", kind.to_string(), |d| {
                d.expr("target", &g.target);
                d.expr("iter", &g.iter);
                d.exprs("if", &g.ifs);
            });
        }
    }

    fn fstring_parts(&mut self, label: &str, parts: &[FStringPart]) {
        for part in parts {
            match part {
                FStringPart::Literal(s) => self.node(label, format!("Literal {s:?}"), |_| {}),
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                } => {
                    let conv = conversion.map_or(String::new(), |c| format!(" !{c}"));
                    self.node(label, format!("Formatted{conv}"), |d| {
                        d.expr("", value);
                        if let Some(spec) = format_spec {
                            d.node("spec", "FormatSpec".to_string(), |d| {
                                d.fstring_parts("", spec)
                            });
                        }
                    })
                }
            }
        }
    }

    fn expr(&mut self, label: &str, e: &Expr) {
        let at = self.at(e.span);
        match &e.kind {
            ExprKind::Name(n) => self.node(label, format!("Name {n} @{at}"), |_| {}),
            ExprKind::Int(v) => self.node(label, format!("Int {v} @{at}"), |_| {}),
            ExprKind::Float(v) => self.node(label, format!("Float {v:?} @{at}"), |_| {}),
            ExprKind::Str(s) => self.node(label, format!("Str {s:?} @{at}"), |_| {}),
            ExprKind::Bytes(b) => {
                let text = b.escape_ascii();
                self.node(label, format!("Bytes b\"{text}\" @{at}"), |_| {})
            }
            ExprKind::Bool(b) => self.node(label, format!("Bool {b} @{at}"), |_| {}),
            ExprKind::None => self.node(label, format!("None @{at}"), |_| {}),
            ExprKind::Ellipsis => self.node(label, format!("Ellipsis @{at}"), |_| {}),
            ExprKind::FString(parts) => self.node(label, format!("FString @{at}"), |d| {
                d.fstring_parts("", parts)
            }),
            ExprKind::BinOp { left, op, right } => {
                self.node(label, format!("BinOp {op:?} @{at}"), |d| {
                    d.expr("", left);
                    d.expr("", right);
                })
            }
            ExprKind::UnaryOp { op, operand } => {
                self.node(label, format!("UnaryOp {op:?} @{at}"), |d| {
                    d.expr("", operand)
                })
            }
            ExprKind::BoolOp { op, values } => {
                self.node(label, format!("BoolOp {op:?} @{at}"), |d| {
                    d.exprs("", values)
                })
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.node(label, format!("Compare {ops:?} @{at}"), |d| {
                d.expr("", left);
                d.exprs("", comparators);
            }),
            ExprKind::IfExp { test, body, orelse } => {
                self.node(label, format!("IfExp @{at}"), |d| {
                    d.expr("test", test);
                    d.expr("body", body);
                    d.expr("orelse", orelse);
                })
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.node(label, format!("Call @{at}"), |d| {
                d.expr("func", func);
                d.exprs("arg", args);
                d.keywords(keywords);
            }),
            ExprKind::Attribute { value, attr } => {
                self.node(label, format!("Attribute .{} @{at}", attr.name), |d| {
                    d.expr("", value)
                })
            }
            ExprKind::Subscript { value, index } => {
                self.node(label, format!("Subscript @{at}"), |d| {
                    d.expr("value", value);
                    d.expr("index", index);
                })
            }
            ExprKind::Slice { lower, upper, step } => {
                self.node(label, format!("Slice @{at}"), |d| {
                    for (name, part) in [("lower", lower), ("upper", upper), ("step", step)] {
                        if let Some(p) = part {
                            d.expr(name, p);
                        }
                    }
                })
            }
            ExprKind::Starred(v) => self.node(label, format!("Starred @{at}"), |d| d.expr("", v)),
            ExprKind::List(items) => {
                self.node(label, format!("List @{at}"), |d| d.exprs("", items))
            }
            ExprKind::Tuple(items) => {
                self.node(label, format!("Tuple @{at}"), |d| d.exprs("", items))
            }
            ExprKind::Set(items) => self.node(label, format!("Set @{at}"), |d| d.exprs("", items)),
            ExprKind::Dict { keys, values } => self.node(label, format!("Dict @{at}"), |d| {
                for (k, v) in keys.iter().zip(values) {
                    match k {
                        Some(k) => d.expr("key", k),
                        None => d.node("key", "**".to_string(), |_| {}),
                    }
                    d.expr("value", v);
                }
            }),
            ExprKind::Lambda { params, body } => self.node(label, format!("Lambda @{at}"), |d| {
                d.params(params);
                d.expr("body", body);
            }),
            ExprKind::ListComp { elt, generators } => {
                self.node(label, format!("ListComp @{at}"), |d| {
                    d.expr("elt", elt);
                    d.generators(generators);
                })
            }
            ExprKind::SetComp { elt, generators } => {
                self.node(label, format!("SetComp @{at}"), |d| {
                    d.expr("elt", elt);
                    d.generators(generators);
                })
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.node(label, format!("GeneratorExp @{at}"), |d| {
                    d.expr("elt", elt);
                    d.generators(generators);
                })
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.node(label, format!("DictComp @{at}"), |d| {
                d.expr("key", key);
                d.expr("value", value);
                d.generators(generators);
            }),
            ExprKind::Yield(v) => self.node(label, format!("Yield @{at}"), |d| {
                if let Some(v) = v {
                    d.expr("", v);
                }
            }),
            ExprKind::YieldFrom(v) => {
                self.node(label, format!("YieldFrom @{at}"), |d| d.expr("", v))
            }
            ExprKind::Await(v) => self.node(label, format!("Await @{at}"), |d| d.expr("", v)),
            ExprKind::NamedExpr { target, value } => {
                self.node(label, format!("NamedExpr @{at}"), |d| {
                    d.expr("target", target);
                    d.expr("value", value);
                })
            }
        }
    }
}
