//! How deep CPython's parser would recurse on a program, so that pyc refuses with
//! `MemoryError` what CPython 3.11 refuses that way.
//!
//! CPython's generated PEG parser counts the rule functions it has entered and raises
//! `MemoryError` on entering one more than [`MAX_FRAMES`] deep. Every grammar rule is a
//! frame, and so are the helper functions the generator makes for groups, loops and
//! gathers; a left-recursive rule is two (the rule and its `_raw` body). This module walks
//! the pest tree of a program and, for each construct, opens the frames CPython has open
//! where it parses that construct; the deepest frame is CPython's stack depth.
//!
//! The frame counts are read off CPython 3.11's grammar (`Grammar/python.gram`) along the
//! path that first parses each construct (later alternatives find it memoized):
//! - from `expression` down to an `atom` there are 22 frames: `expression`, `disjunction`,
//!   `conjunction`, `inversion`, `comparison`, the left-recursive `bitwise_or`,
//!   `bitwise_xor`, `bitwise_and`, `shift_expr`, `sum`, `term` (two each), `factor`,
//!   `power`, `await_primary` and the left-recursive `primary` (two);
//! - a parenthesized expression is first parsed as a would-be tuple (`tuple`, its optional
//!   group, `star_named_expression`, `named_expression`), so each `(` costs 28 frames;
//! - a call's first argument is first parsed as a would-be generator expression;
//! - a statement's leading primary (`x = f(...)`, `f(...)`) is first parsed as an
//!   assignment target through `t_primary`, 18 or 19 frames above its place in the
//!   expression, so its contents are memoized from that shallower path.
//!
//! The model follows the first-parse paths of the common constructs exactly (a chain of
//! lambdas or powers, brackets of every kind in every operator position, calls,
//! subscripts, displays, comprehensions, the statements pyc supports); for rarer
//! positions (parameter defaults and annotations, targets) it uses the nearest path.

use pest::iterators::Pair;

use crate::grammar::Rule;

/// A pest pair of the grammar.
type P<'i> = Pair<'i, Rule>;

/// CPython's `MAXSTACK`: the deepest rule frame its parser enters.
const MAX_FRAMES: usize = 6000;

/// Frames open at a top-level `statement`: `file`, `statements`, the loop over
/// statements, and `statement` itself.
const TOP_STATEMENT: usize = 4;

/// Frames open at the `_tmp` group holding an f-string field's expression: CPython parses
/// a field as `(expression)` with the `fstring` start rule, `star_expressions`,
/// `star_expression` and the 22 frames from `expression` to the `atom` `(`.
const FIELD_GROUP: usize = 27;

/// Stack kept free below a recursive step of the walk (the walk recurses once per
/// nesting level of the pest tree, which pest itself built on a deep stack).
const RED_ZONE: usize = 64 * 1024;

/// Size of each stack segment the walk grows when it runs low.
const SEGMENT: usize = 4 * 1024 * 1024;

/// Whether CPython's parser would overflow its stack on the module `file`.
pub(crate) fn module_overflows(file: P) -> bool {
    let mut walk = Walk::default();
    walk.statements(file, TOP_STATEMENT);
    walk.deepest > MAX_FRAMES
}

/// Whether CPython's parser would overflow its stack on the f-string field whose
/// `fstring_expr` pair is `field` (each field is parsed by a parser of its own).
pub(crate) fn field_overflows(field: P) -> bool {
    let mut walk = Walk::default();
    walk.group_items(field, FIELD_GROUP);
    walk.deepest > MAX_FRAMES
}

/// The deepest frame seen so far, and the statement's leading primary if any.
#[derive(Default)]
struct Walk {
    /// The deepest frame opened.
    deepest: usize,
    /// Where the current statement's leading primary starts (in the text pest parsed)
    /// and the frame of the `t_primary_raw` that first parses its contents.
    leading: Option<(usize, usize)>,
}

impl Walk {
    /// Opens `frame` (a frame number, the first frame being 1) and returns it.
    fn open(&mut self, frame: usize) -> usize {
        self.deepest = self.deepest.max(frame);
        frame
    }

    /// The statements among the children of `parent` (a file or an indented block),
    /// each parsed inside a `statement` frame `s`.
    fn statements(&mut self, parent: P, s: usize) {
        let mut first_in_line = true;
        for p in parent.into_inner() {
            match p.as_rule() {
                Rule::NEWLINE => first_in_line = true,
                Rule::INDENT | Rule::DEDENT | Rule::EOI => {}
                rule if is_compound(rule) => self.compound(p, s),
                _ => {
                    // `simple_stmts` then `simple_stmt`; the statements after a `;` are
                    // reached through the gather of `';'.simple_stmt+` and its loop.
                    let t = if first_in_line { s + 2 } else { s + 4 };
                    self.simple(p, t);
                    first_in_line = false;
                }
            }
        }
    }

    /// A `block` pair whose `block` frame is `b`.
    fn block(&mut self, p: P, b: usize) {
        let indented = p
            .clone()
            .into_inner()
            .next()
            .is_some_and(|k| k.as_rule() == Rule::NEWLINE);
        if indented {
            // `statements`, its loop, then `statement`.
            self.statements(p, b + 3);
        } else {
            // `simple_stmts` directly under `block`.
            self.statements(p, b);
        }
    }

    /// A compound statement inside `statement` frame `s` (`compound_stmt` is `s + 1`,
    /// the statement's own rule `s + 2`).
    fn compound(&mut self, p: P, s: usize) {
        match p.as_rule() {
            Rule::if_stmt => self.if_stmt(p, s),
            Rule::while_stmt => {
                // `named_expression` and `block` under `while_stmt`; `else_block` then
                // `block`.
                for k in meaningful(p) {
                    match k.as_rule() {
                        Rule::block => self.block(k, s + 3),
                        Rule::else_clause => self.block(only(k), s + 4),
                        _ => self.expr(k, s + 3),
                    }
                }
            }
            Rule::for_stmt => {
                for k in meaningful(p).filter(|k| k.as_rule() != Rule::kw_async) {
                    match k.as_rule() {
                        Rule::target_list => self.target(k, s + 3),
                        Rule::block => self.block(k, s + 3),
                        Rule::else_clause => self.block(only(k), s + 4),
                        _ => self.expr(k, s + 2),
                    }
                }
            }
            Rule::try_stmt => {
                for k in meaningful(p) {
                    match k.as_rule() {
                        Rule::block => self.block(k, s + 3),
                        Rule::except_clause => {
                            // The loop over handlers, then `except_block`.
                            for c in meaningful(k) {
                                match c.as_rule() {
                                    Rule::block => self.block(c, s + 5),
                                    Rule::identifier => {}
                                    _ => self.expr(c, s + 4),
                                }
                            }
                        }
                        _ => self.block(only(k), s + 4),
                    }
                }
            }
            Rule::decorated => {
                for k in meaningful(p) {
                    if k.as_rule() == Rule::decorator {
                        // `function_def`, `decorators`, its loop, its group, then
                        // `named_expression`.
                        self.expr(only(k), s + 6);
                    } else {
                        self.compound(k, s);
                    }
                }
            }
            Rule::with_stmt => self.with_stmt(p, s),
            Rule::funcdef => self.funcdef(p, s),
            _ => self.classdef(p, s),
        }
    }

    /// `if`, its `elif` chain (each `elif_stmt` nests in the previous one) and `else`.
    fn if_stmt(&mut self, p: P, s: usize) {
        let mut clause = s + 2;
        for k in meaningful(p) {
            match k.as_rule() {
                Rule::block => self.block(k, clause + 1),
                Rule::elif_clause => {
                    clause += 1;
                    for c in meaningful(k) {
                        if c.as_rule() == Rule::block {
                            self.block(c, clause + 1);
                        } else {
                            self.expr(c, clause + 1);
                        }
                    }
                }
                Rule::else_clause => self.block(only(k), clause + 2),
                _ => self.expr(k, clause + 1),
            }
        }
    }

    /// `with`: the first item is parsed by `with_item` under the gather of
    /// `','.with_item+`, later ones under its loop; a target is a `star_target` in
    /// `with_item`, and the body is the `block` of `with_stmt`.
    fn with_stmt(&mut self, p: P, s: usize) {
        let parts = meaningful(p).filter(|k| k.as_rule() != Rule::kw_async);
        for (i, k) in parts.enumerate() {
            if k.as_rule() == Rule::block {
                self.block(k, s + 3);
                continue;
            }
            let item = s + 4 + usize::from(i > 0);
            let mut parts = meaningful(k);
            if let Some(e) = parts.next() {
                self.expr(e, item);
            }
            if let Some(target) = parts.next() {
                self.target(target, item + 1);
            }
        }
    }

    /// `def`: `function_def` and `function_def_raw` open, then the parameters, the
    /// return annotation (in a group) and the body.
    fn funcdef(&mut self, p: P, s: usize) {
        for k in meaningful(p) {
            match k.as_rule() {
                // `params`, `parameters`, the first alternative that takes defaults
                // (`slash_with_default`), its loop, `param_with_default`, `default`; an
                // annotation is under `param` and `annotation` instead.
                Rule::params => self.params(k, s + 9, s + 10),
                Rule::annotation_expr => self.expr(k, s + 4),
                Rule::block => self.block(k, s + 4),
                _ => {}
            }
        }
    }

    /// `class`: `class_def`, `class_def_raw` and the group of the bases open.
    fn classdef(&mut self, p: P, s: usize) {
        for k in meaningful(p) {
            match k.as_rule() {
                Rule::arguments => self.arguments(k, s + 4, false),
                Rule::block => self.block(k, s + 4),
                _ => {}
            }
        }
    }

    /// Default values (whose `default` frame is `default`) and annotations (whose
    /// `annotation` frame is `annotation`) of a parameter list.
    fn params(&mut self, p: P, default: usize, annotation: usize) {
        for param in meaningful(p) {
            for k in meaningful(param) {
                match k.as_rule() {
                    Rule::default => self.expr(k, default),
                    Rule::annotation_expr => self.expr(k, annotation),
                    _ => {}
                }
            }
        }
    }

    /// A simple statement inside `simple_stmt` frame `t`.
    fn simple(&mut self, p: P, t: usize) {
        self.open(t);
        match p.as_rule() {
            Rule::expr_stmt => self.expr_stmt(p, t),
            // `return_stmt` or `raise_stmt` or `assert_stmt`, then the first expression;
            // the second one (`from` cause, message) is in a group.
            Rule::return_stmt | Rule::raise_stmt | Rule::assert_stmt => {
                for (i, k) in meaningful(p).enumerate() {
                    self.expr(k, t + 1 + i.min(1));
                }
            }
            // `del_stmt`, `del_targets`, then its gather where `star_targets` would be.
            Rule::del_stmt => {
                for k in meaningful(p) {
                    self.target(k, t + 2);
                }
            }
            _ => {}
        }
    }

    /// Expression statements and assignments.
    fn expr_stmt(&mut self, p: P, t: usize) {
        let parts: Vec<P> = meaningful(p).collect();
        let (first, rest) = parts.split_first().expect("a statement has an expression");
        match rest.first().map(|k| k.as_rule()) {
            None if is_yield(first) => self.expr(first.clone(), t + 1),
            None => {
                // First tried as an annotated target: `assignment`, its group,
                // `single_subscript_attribute_target`, `t_primary` and its `_raw`.
                self.lead(first, t + 5);
                self.expr(first.clone(), t);
            }
            Some(Rule::assign_part) => {
                // The first target is first tried as an annotated one (see `target`);
                // the others only in the loop over `star_targets '='` and its group.
                self.target(first.clone(), t + 1);
                let (value, targets) = rest.split_last().expect("an assignment has a value");
                for target in targets {
                    self.target(only(target.clone()), t + 4);
                }
                // The value is first tried as one more target, then parsed in the group
                // of `(yield_expr | star_expressions)`.
                let value = only(value.clone());
                self.lead(&value, t + 8);
                self.expr(value, t + 2);
            }
            Some(Rule::augassign_part) => {
                // `assignment`, its group, `single_subscript_attribute_target`.
                self.target(first.clone(), t + 1);
                for k in meaningful(rest[0].clone()).skip(1) {
                    self.expr(k, t + 2);
                }
            }
            Some(_) => {
                // `NAME ':' expression ['=' annotated_rhs]`.
                for (i, k) in meaningful(rest[0].clone()).enumerate() {
                    self.expr(k, if i == 0 { t + 1 } else { t + 3 });
                }
            }
        }
        self.leading = None;
    }

    /// Records the leading primary of the statement expression `p`, whose contents are
    /// first parsed by a `t_primary_raw` frame `raw`.
    fn lead(&mut self, p: &P, raw: usize) {
        self.leading = leading_primary(p.clone()).map(|pr| (pr.as_span().start(), raw));
    }

    /// An assignment, deletion or loop target whose `star_targets` frame is `st` (or
    /// the frame in that place: a target is first tried as an annotated one, by
    /// `single_subscript_attribute_target` under `assignment` and its group). CPython
    /// parses targets with `star_target`, `target_with_star_atom`, `t_primary` and its
    /// `_raw`, without the operator levels of expressions.
    fn target(&mut self, p: P, st: usize) {
        self.open(st);
        match p.as_rule() {
            Rule::star_expressions | Rule::target_list => {
                // Targets after the first are in the loop of `(',' star_target)*`.
                for (i, k) in items(p).enumerate() {
                    self.target(k, if i == 0 { st } else { st + 2 });
                }
            }
            Rule::starred => self.target(only(p), st + 1),
            Rule::primary => {
                let parts: Vec<P> = meaningful(p.clone()).collect();
                match parts.as_slice() {
                    // A parenthesized or bracketed target list, in `star_atom`.
                    [atom] if matches!(atom.as_rule(), Rule::paren | Rule::list_display) => {
                        for k in items(atom.clone()) {
                            self.target(k, st + 4);
                        }
                    }
                    _ => self.primary_contents(p, st + 4),
                }
            }
            _ if meaningful(p.clone()).count() == 1 && is_operator_level(p.as_rule()) => {
                self.target(only(p), st)
            }
            _ => self.expr(p, st),
        }
    }

    /// An expression-level pair whose own frames come after frame `at`.
    fn expr(&mut self, p: P, at: usize) {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || self.expr_here(p, at))
    }

    /// [`Self::expr`] on the current stack segment.
    fn expr_here(&mut self, p: P, at: usize) {
        match p.as_rule() {
            // `expression` (`disjunction 'if' disjunction 'else' expression`).
            Rule::conditional => {
                let top = self.open(at + 1);
                for k in meaningful(p) {
                    self.expr(k, top);
                }
            }
            // `expression`, `lambdef`; a default is under `lambda_params`,
            // `lambda_parameters`, `lambda_slash_with_default`, its loop,
            // `lambda_param_with_default` and `default`.
            Rule::lambdef => {
                let top = self.open(at + 2);
                for k in meaningful(p) {
                    if k.as_rule() == Rule::lambda_params {
                        self.params(k, top + 6, top + 6);
                    } else {
                        self.expr(k, top);
                    }
                }
            }
            // Operands after the first are in the loop and group of `('or' conjunction)+`.
            Rule::disjunction | Rule::conjunction => {
                let top = self.open(at + 1);
                for (i, k) in meaningful(p).enumerate() {
                    self.expr(k, if i == 0 { top } else { top + 2 });
                }
            }
            // `inversion` (`'not' inversion`).
            Rule::not_expr => {
                let top = self.open(at + 1);
                self.expr(only(p), top);
            }
            // `inversion`, `comparison`; later operands are under the loop,
            // `compare_op_bitwise_or_pair` and the operator's rule (`lt_bitwise_or`...).
            Rule::comparison => {
                let top = self.open(at + 2);
                let operands = meaningful(p).filter(|k| k.as_rule() != Rule::comp_op);
                for (i, k) in operands.enumerate() {
                    self.expr(k, if i == 0 { top } else { top + 3 });
                }
            }
            // Left-recursive levels: the rule and its `_raw` body.
            Rule::bitor | Rule::bitxor | Rule::bitand | Rule::shift | Rule::sum | Rule::term => {
                let top = self.open(at + 2);
                for k in meaningful(p).filter(|k| !is_operator(k.as_rule())) {
                    self.expr(k, top);
                }
            }
            // `factor` (`'-' factor`).
            Rule::unary => {
                let top = self.open(at + 1);
                for k in meaningful(p).filter(|k| k.as_rule() != Rule::unary_op) {
                    self.expr(k, top);
                }
            }
            // `factor`, `power` (`await_primary '**' factor`).
            Rule::power => {
                let top = self.open(at + 2);
                for k in meaningful(p) {
                    self.expr(k, top);
                }
            }
            // `await_primary` (`AWAIT primary`), whose `primary` opens one frame deeper.
            Rule::await_primary => self.expr(only(p), at + 1),
            // `await_primary` and the left-recursive `primary`.
            Rule::primary => {
                let raw = self.open(at + 3);
                let raw = match self.leading {
                    Some((start, first)) if start == p.as_span().start() => first.min(raw),
                    _ => raw,
                };
                self.primary_contents(p, raw);
            }
            // `atom` and the group of `(tuple | group | genexp)`.
            Rule::paren => {
                let top = self.open(at + 2);
                self.group_items(p, top);
            }
            Rule::list_display => self.list(p, at + 2),
            Rule::brace_display => self.braces(p, at + 2),
            // `atom`, the memoized `strings` (f-string fields are parsed on their own).
            Rule::strings => {
                self.open(at + 2);
            }
            // `assignment_expression` (`NAME ':=' expression`).
            Rule::walrus => {
                let top = self.open(at + 1);
                for k in meaningful(p).skip(1) {
                    self.expr(k, top);
                }
            }
            // The `*` belongs to the enclosing rule (`star_named_expression`,
            // `star_expression` or `starred_expression`), which parses the operand.
            Rule::starred | Rule::star_arg => self.expr(only(p), at),
            // `star_expressions`; items after the first are in its loop and group, then
            // `star_expression`.
            Rule::star_expressions => {
                let top = self.open(at + 1);
                for (i, k) in items(p).enumerate() {
                    self.expr(k, if i == 0 { top + 1 } else { top + 3 });
                }
            }
            // `yield_expr` (`'yield' 'from' expression` / `'yield' [star_expressions]`).
            Rule::yield_from | Rule::yield_plain => {
                let top = self.open(at + 1);
                for k in meaningful(p) {
                    self.expr(k, top);
                }
            }
            // Wrappers whose frames the enclosing rule accounts for.
            Rule::slice_upper | Rule::slice_step | Rule::default | Rule::annotation_expr => {
                self.expr(only(p), at)
            }
            // Names, numbers and keywords: an `atom`.
            _ => {
                self.open(at + 1);
            }
        }
    }

    /// The atom and trailers of a primary whose `primary_raw` frame is `raw`.
    fn primary_contents(&mut self, p: P, raw: usize) {
        for k in meaningful(p) {
            match k.as_rule() {
                Rule::call => {
                    if let Some(args) = meaningful(k).next() {
                        self.arguments(args, raw, true);
                    }
                }
                Rule::subscript => self.slices(only(k), raw),
                Rule::attribute => {}
                _ => self.expr(k, raw),
            }
        }
    }

    /// Call arguments (or class bases) whose `arguments` frame is `r + 1`. With
    /// `genexp_first`, the first positional argument is first parsed as the element of a
    /// generator expression (`genexp` and its group).
    fn arguments(&mut self, p: P, r: usize, genexp_first: bool) {
        for (i, item) in meaningful(p).enumerate() {
            let later = usize::from(i > 0);
            match item.as_rule() {
                // `genexp` and its group (or `for_if_clauses`).
                Rule::pos_arg if i == 0 && genexp_first => {
                    for k in meaningful(item) {
                        if k.as_rule() == Rule::comp_for {
                            self.comp_for(k, r + 2);
                        } else {
                            self.expr(k, r + 2);
                        }
                    }
                }
                // `args`, its gather (and loop), the group of the item and the group of
                // `(assignment_expression | expression !':=')`.
                Rule::pos_arg => {
                    for k in meaningful(item) {
                        self.expr(k, r + 5 + later);
                    }
                }
                // ... the group of the item, then `starred_expression`.
                Rule::star_arg => self.expr(item, r + 5 + later),
                // `args`, `kwargs`, its gather (and loop), `kwarg_or_starred`.
                Rule::kwarg | Rule::dstar_arg => {
                    for k in meaningful(item).filter(|k| k.as_rule() != Rule::identifier) {
                        self.expr(k, r + 5 + later);
                    }
                }
                _ => {}
            }
        }
    }

    /// A subscript's `slices` under `primary_raw` frame `r`. The first item is first
    /// parsed by `slice` directly under `slices` (a starred one by the gather of
    /// `','.(slice | starred_expression)+` and its group); later items are in the
    /// gather's loop and group.
    fn slices(&mut self, p: P, r: usize) {
        for (i, item) in items(p).enumerate() {
            let slice = if i == 0 { r + 2 } else { r + 5 };
            let starred = if i == 0 { r + 4 } else { r + 5 };
            for k in meaningful(item) {
                match k.as_rule() {
                    Rule::star_arg => self.expr(k, starred),
                    // `named_expression`.
                    Rule::walrus => self.expr(k, slice + 1),
                    // `[expression] ':' [expression] [':' [expression]]`, the step in a
                    // group.
                    Rule::slice_tail => {
                        for bound in meaningful(k) {
                            let step = usize::from(bound.as_rule() == Rule::slice_step);
                            self.expr(bound, slice + step);
                        }
                    }
                    _ => self.expr(k, slice),
                }
            }
        }
    }

    /// The items of a parenthesized group (or an f-string field) whose group frame under
    /// `atom` is `top`: first tried as a tuple (`tuple`, its optional group, then
    /// `star_named_expression`; later items under `star_named_expressions`, its gather
    /// and loop), a `yield` as a group, and `for` clauses under `genexp`.
    fn group_items(&mut self, p: P, top: usize) {
        let items: Vec<P> = items(p).collect();
        if items.is_empty() {
            self.open(top + 1);
        }
        for (i, k) in items.into_iter().enumerate() {
            match k.as_rule() {
                // `group` and its group of `(yield_expr | named_expression)`.
                Rule::yield_from | Rule::yield_plain => self.expr(k, top + 2),
                Rule::comp_for => self.comp_for(k, top + 2),
                Rule::star_expressions => self.group_items(k, top),
                _ => self.star_named(k, top + [3, 5, 6][i.min(2)]),
            }
        }
    }

    /// A list display or comprehension whose group frame under `atom` is `top`: `list`,
    /// `star_named_expressions`, its gather (and loop) and `star_named_expression`.
    fn list(&mut self, p: P, top: usize) {
        self.open(top);
        for (i, k) in items(p).enumerate() {
            match k.as_rule() {
                Rule::comp_for => self.comp_for(k, top + 2),
                _ => self.star_named(k, top + 4 + usize::from(i > 0)),
            }
        }
    }

    /// A dict or set display or comprehension whose group frame under `atom` is `top`.
    /// Everything is first tried as a dict (`dict`, `double_starred_kvpairs`, its gather
    /// (and loop), `double_starred_kvpair`, `kvpair`), so a set's first element is parsed
    /// as a would-be key; later set elements are parsed by `set`.
    fn braces(&mut self, p: P, top: usize) {
        self.open(top);
        let items: Vec<P> = items(p).collect();
        let is_dict = items.first().is_some_and(|k| {
            k.as_rule() == Rule::dict_unpack
                || (k.as_rule() == Rule::kv_or_expr && meaningful(k.clone()).count() == 2)
        });
        for (i, k) in items.into_iter().enumerate() {
            let later = usize::from(i > 0);
            match k.as_rule() {
                Rule::comp_for => self.comp_for(k, top + 2),
                Rule::dict_unpack => self.expr(only(k), top + 4 + later),
                Rule::kv_or_expr if is_dict || i == 0 => {
                    for e in meaningful(k) {
                        self.expr(e, top + 5 + later);
                    }
                }
                Rule::kv_or_expr => self.star_named(only(k), top + 5),
                _ => self.star_named(k, top + 4 + later),
            }
        }
    }

    /// An item whose `star_named_expression` frame is `sne`: `'*' bitwise_or`, or a
    /// `named_expression`.
    fn star_named(&mut self, p: P, sne: usize) {
        if p.as_rule() == Rule::starred {
            self.expr(p, sne);
        } else {
            self.expr(p, sne + 1);
        }
    }

    /// A `for` clause under `for_if_clauses` frame `at`: its loop and `for_if_clause`,
    /// then the target, the iterable, and each `if` in a loop and group.
    fn comp_for(&mut self, p: P, at: usize) {
        let top = self.open(at + 2);
        for k in meaningful(p).filter(|k| k.as_rule() != Rule::kw_async) {
            match k.as_rule() {
                Rule::target_list => self.target(k, top + 1),
                Rule::comp_if => self.expr(only(k), top + 2),
                _ => self.expr(k, top),
            }
        }
    }
}

/// The primary that starts the expression `p`, if it starts with one (not with an
/// operator or keyword).
fn leading_primary(p: P) -> Option<P> {
    match p.as_rule() {
        Rule::primary => Some(p),
        Rule::star_expressions => leading_primary(meaningful(p).next()?),
        rule if is_operator_level(rule) => leading_primary(meaningful(p).next()?),
        _ => None,
    }
}

/// Expression levels whose first child starts where they start.
fn is_operator_level(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::conditional
            | Rule::disjunction
            | Rule::conjunction
            | Rule::comparison
            | Rule::bitor
            | Rule::bitxor
            | Rule::bitand
            | Rule::shift
            | Rule::sum
            | Rule::term
            | Rule::power
    )
}

/// Operator tokens between operands.
fn is_operator(rule: Rule) -> bool {
    matches!(rule, Rule::shift_op | Rule::sum_op | Rule::term_op)
}

/// Compound statement rules.
fn is_compound(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::if_stmt
            | Rule::while_stmt
            | Rule::for_stmt
            | Rule::try_stmt
            | Rule::with_stmt
            | Rule::funcdef
            | Rule::classdef
            | Rule::decorated
    )
}

/// Whether `p` is a `yield` expression.
fn is_yield(p: &P) -> bool {
    matches!(p.as_rule(), Rule::yield_from | Rule::yield_plain)
}

/// The children of `p` that are not keywords, markers or punctuation.
fn meaningful(p: P) -> impl Iterator<Item = P> {
    crate::lower::kids(p)
}

/// The items of a display, group or list: its children without the trailing comma.
fn items(p: P) -> impl Iterator<Item = P> {
    meaningful(p).filter(|k| k.as_rule() != Rule::trailing_comma)
}

/// The only meaningful child of `p`.
fn only(p: P) -> P {
    meaningful(p)
        .next()
        .expect("the grammar gives this rule one child")
}
