//! The owned syntax tree that the parser produces and the compiler reads.
//!
//! Every node carries a [`Span`] of byte offsets into the source; [`crate::LineIndex`]
//! turns an offset into a line and column only when something must be shown.
//! The shapes follow Python's own `ast` module, trimmed to what pyc compiles.

use num_bigint::BigInt;

/// A half-open range of byte offsets `[start, end)` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
}

/// A whole module: the statements of one file or `-c` string.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// The top-level statements in order.
    pub body: Vec<Stmt>,
}

/// An identifier together with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// The name itself.
    pub name: String,
    /// Where the name appears.
    pub span: Span,
}

/// A statement with its span (the span of the whole statement, first line first).
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What kind of statement this is.
    pub kind: StmtKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of statement.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `expr` on its own line.
    Expr(Expr),
    /// `a = b = value`: one or more targets, assigned left to right.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `def name(params): body`, with decorators applied bottom-up.
    FunctionDef(Box<FunctionDef>),
    /// `class name(bases, keywords): body`.
    ClassDef(Box<ClassDef>),
    /// `return` or `return value`.
    Return(Option<Expr>),
    /// `if test: body` with `elif` chains nested in `orelse`.
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `[async] for target in iter: body else: orelse`.
    For {
        is_async: bool,
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `global a, b`.
    Global(Vec<Ident>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<Ident>),
    /// `del a, b[0], c.d`.
    Delete(Vec<Expr>),
    /// `try: body except...: ... else: ... finally: ...`.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `with a as b, c: body`: the items are entered left to right. `async with` is
    /// parsed so that the compiler can refuse it as CPython does outside coroutines.
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    /// `raise`, `raise exc` or `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    /// `assert test` or `assert test, msg`.
    Assert { test: Expr, msg: Option<Expr> },
    /// `import a.b as c, d` (parsed so programs get a clear error; not yet executed).
    Import(Vec<Alias>),
    /// `from module import a as b, c`.
    ImportFrom { module: String, names: Vec<Alias> },
}

/// One `context_expr [as optional_vars]` of a `with` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context manager expression.
    pub context_expr: Expr,
    /// The target bound to what `__enter__` returns, if any.
    pub optional_vars: Option<Expr>,
}

/// One `name as asname` of an import statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The dotted name imported.
    pub name: Ident,
    /// The name it is bound to, if renamed.
    pub asname: Option<Ident>,
}

/// A function definition (also the shape shared with lambdas through [`Parameters`]).
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The function's name.
    pub name: Ident,
    /// Its parameters.
    pub params: Parameters,
    /// Its body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first (as written, top to bottom).
    pub decorators: Vec<Expr>,
    /// `async def`: calling it makes a coroutine.
    pub is_async: bool,
}

/// A class definition.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// The class's name.
    pub name: Ident,
    /// Positional base expressions.
    pub bases: Vec<Expr>,
    /// Keyword arguments such as `metaclass=M`.
    pub keywords: Vec<Keyword>,
    /// The class body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// The parameter list of a `def` or `lambda`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parameters {
    /// Positional parameters in order: the positional-only ones (before `/`) first.
    pub args: Vec<Param>,
    /// How many of `args` are positional-only.
    pub posonlyargcount: usize,
    /// `*args`, if present.
    pub vararg: Option<Ident>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonlyargs: Vec<Param>,
    /// `**kwargs`, if present.
    pub kwarg: Option<Ident>,
}

/// One named parameter with an optional default value.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The parameter's name.
    pub name: Ident,
    /// `= default`, evaluated when the function is defined.
    pub default: Option<Expr>,
}

/// One `except` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The exception type expression; `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// `as name`.
    pub name: Option<Ident>,
    /// The handler body.
    pub body: Vec<Stmt>,
    /// Where the `except` clause is.
    pub span: Span,
}

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What kind of expression this is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A name: `x`.
    Name(String),
    /// An integer literal (any size).
    Int(BigInt),
    /// A float literal.
    Float(f64),
    /// A string literal (adjacent literals already concatenated, escapes decoded).
    Str(String),
    /// A bytes literal (adjacent literals already concatenated, escapes decoded).
    Bytes(Vec<u8>),
    /// `True`, `False`.
    Bool(bool),
    /// `None`.
    None,
    /// `...`.
    Ellipsis,
    /// An f-string: literal pieces and formatted values, in order.
    FString(Vec<FStringPart>),
    /// `left op right`.
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    /// `op operand`.
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    /// `a and b and c` / `a or b`: two or more operands.
    BoolOp { op: BoolOp, values: Vec<Expr> },
    /// `a < b <= c`: `ops.len() == comparators.len()`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `func(args, keywords)`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// `value.attr`.
    Attribute { value: Box<Expr>, attr: Ident },
    /// `value[index]`.
    Subscript { value: Box<Expr>, index: Box<Expr> },
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// `*value` in a call, list, tuple or assignment target.
    Starred(Box<Expr>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `{k: v, **d}`: a `None` key means `**value`.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `lambda params: body`.
    Lambda {
        params: Box<Parameters>,
        body: Box<Expr>,
    },
    /// `[elt for ... in ... if ...]`.
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `yield` or `yield value`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `await value`.
    Await(Box<Expr>),
    /// `name := value`.
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
}

/// One piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    /// Literal text (with `{{`/`}}` already collapsed).
    Literal(String),
    /// `{value!conversion:format_spec}`.
    Formatted {
        /// The expression inside the braces.
        value: Box<Expr>,
        /// `Some('r')`, `Some('s')` or `Some('a')` for `!r`, `!s`, `!a`.
        conversion: Option<char>,
        /// The format spec after `:`, itself an f-string (it may contain `{width}`).
        format_spec: Option<Vec<FStringPart>>,
    },
}

/// One `for target in iter if cond...` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` filters, in order.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}

/// `name=value` in a call, or `**value` when `arg` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The keyword name; `None` for `**mapping`.
    pub arg: Option<Ident>,
    /// The value passed.
    pub value: Expr,
    /// Where the whole keyword argument is.
    pub span: Span,
}

/// Binary operators, numbered as CPython 3.11's `BINARY_OP` argument (non-inplace forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `&`
    BitAnd,
    /// `//`
    FloorDiv,
    /// `<<`
    LShift,
    /// `@`
    MatMul,
    /// `*`
    Mult,
    /// `%`
    Mod,
    /// `|`
    BitOr,
    /// `**`
    Pow,
    /// `>>`
    RShift,
    /// `-`
    Sub,
    /// `/`
    Div,
    /// `^`
    BitXor,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `not x`
    Not,
    /// `-x`
    USub,
    /// `+x`
    UAdd,
    /// `~x`
    Invert,
}

/// Short-circuit boolean operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}
