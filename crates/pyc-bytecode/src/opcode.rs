//! The opcodes, with CPython 3.11's names, and the one table that describes them.
//!
//! Jump arguments are absolute instruction indices (not CPython's relative code-unit
//! offsets); the disassembler converts them back to CPython's display form.

/// How an instruction's argument is to be read (CPython's `hasconst`, `hasname`, ... lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The opcode takes no argument.
    None,
    /// An index into `co_consts`.
    Const,
    /// An index into `co_names`.
    Name,
    /// `LOAD_GLOBAL`: `(name index << 1) | push_null`.
    GlobalName,
    /// An index into the frame's fast locals (`co_varnames` part of localsplus).
    Local,
    /// An index into localsplus naming a cell or free variable.
    Free,
    /// An absolute jump target (instruction index).
    Jump,
    /// `BINARY_OP`'s operator number.
    BinaryOp,
    /// `COMPARE_OP`'s comparison number.
    Compare,
    /// `MAKE_FUNCTION`'s flags.
    FunctionFlags,
    /// `FORMAT_VALUE`'s conversion and spec flags.
    FormatFlags,
    /// A plain number: a count, a depth or a flag.
    Raw,
}

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $kind:ident; )*) => {
        /// One VM operation. Each variant's doc gives its stack effect.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[$doc])* $variant, )*
        }

        impl Opcode {
            /// Every opcode, in declaration order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$variant),*];

            /// CPython's spelling of the opcode, e.g. `"LOAD_DEREF"`.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$variant => $name,)* }
            }

            /// How the argument of this opcode is interpreted.
            pub fn arg_kind(self) -> ArgKind {
                match self { $(Opcode::$variant => ArgKind::$kind,)* }
            }
        }
    };
}

opcodes! {
    /// Does nothing.
    Nop = "NOP", None;
    /// Marks the start of a function body (kept for `dis` fidelity; a no-op).
    Resume = "RESUME", Raw;
    /// `TOS` -> ``: discards the top of the stack.
    PopTop = "POP_TOP", None;
    /// `TOS` -> ``: prints the `repr` of an interactive expression statement's value
    /// (unless it is `None`) and stores it in `builtins._`.
    PrintExpr = "PRINT_EXPR", None;
    /// `` -> `NULL`: pushes the "no self" marker used by `CALL`.
    PushNull = "PUSH_NULL", None;
    /// Pushes a copy of the `arg`-th item (1 = top).
    Copy = "COPY", Raw;
    /// Swaps the top with the `arg`-th item (2 = second).
    Swap = "SWAP", Raw;
    /// `` -> `co_consts[arg]`.
    LoadConst = "LOAD_CONST", Const;
    /// `` -> `locals[arg]`; `UnboundLocalError` if unbound.
    LoadFast = "LOAD_FAST", Local;
    /// `value` -> ``: `locals[arg] = value`.
    StoreFast = "STORE_FAST", Local;
    /// Unbinds `locals[arg]`.
    DeleteFast = "DELETE_FAST", Local;
    /// `` -> `[NULL] global`: looks up `co_names[arg >> 1]` in globals, then builtins;
    /// pushes `NULL` first when `arg & 1`.
    LoadGlobal = "LOAD_GLOBAL", GlobalName;
    /// `value` -> ``: `globals[co_names[arg]] = value`.
    StoreGlobal = "STORE_GLOBAL", Name;
    /// Removes `co_names[arg]` from globals.
    DeleteGlobal = "DELETE_GLOBAL", Name;
    /// `` -> `value`: looks up `co_names[arg]` in locals, globals, then builtins.
    LoadName = "LOAD_NAME", Name;
    /// `value` -> ``: binds `co_names[arg]` in the frame's locals mapping.
    StoreName = "STORE_NAME", Name;
    /// Unbinds `co_names[arg]` from the frame's locals mapping.
    DeleteName = "DELETE_NAME", Name;
    /// Replaces localsplus slot `arg` with a new cell holding the slot's old value.
    MakeCell = "MAKE_CELL", Free;
    /// Copies the `arg` cells of the running function's closure into the last `arg` slots.
    CopyFreeVars = "COPY_FREE_VARS", Raw;
    /// `` -> `cell`: pushes the cell in localsplus slot `arg` itself.
    LoadClosure = "LOAD_CLOSURE", Free;
    /// `` -> `value`: the contents of the cell in slot `arg`; an error if it is empty.
    LoadDeref = "LOAD_DEREF", Free;
    /// `value` -> ``: stores into the cell in slot `arg`.
    StoreDeref = "STORE_DEREF", Free;
    /// Empties the cell in slot `arg`; an error if it is already empty.
    DeleteDeref = "DELETE_DEREF", Free;
    /// `` -> `value`: in a class body, the locals mapping first, then the cell in slot `arg`.
    LoadClassderef = "LOAD_CLASSDEREF", Free;
    /// `obj` -> `obj.name` for `co_names[arg]`.
    LoadAttr = "LOAD_ATTR", Name;
    /// `value obj` -> ``: `obj.name = value`.
    StoreAttr = "STORE_ATTR", Name;
    /// `obj` -> ``: `del obj.name`.
    DeleteAttr = "DELETE_ATTR", Name;
    /// `obj` -> `method obj` when `co_names[arg]` is a plain method, else `NULL attr`.
    LoadMethod = "LOAD_METHOD", Name;
    /// `container key` -> `container[key]`.
    BinarySubscr = "BINARY_SUBSCR", None;
    /// `value container key` -> ``: `container[key] = value`.
    StoreSubscr = "STORE_SUBSCR", None;
    /// `container key` -> ``: `del container[key]`.
    DeleteSubscr = "DELETE_SUBSCR", None;
    /// `start stop [step]` -> `slice`: `arg` is 2 or 3.
    BuildSlice = "BUILD_SLICE", Raw;
    /// `lhs rhs` -> `lhs op rhs`, the operator numbered as CPython's `BINARY_OP`.
    BinaryOp = "BINARY_OP", BinaryOp;
    /// `x` -> `-x`.
    UnaryNegative = "UNARY_NEGATIVE", None;
    /// `x` -> `+x`.
    UnaryPositive = "UNARY_POSITIVE", None;
    /// `x` -> `not x`.
    UnaryNot = "UNARY_NOT", None;
    /// `x` -> `~x`.
    UnaryInvert = "UNARY_INVERT", None;
    /// `lhs rhs` -> `lhs cmp rhs`, `arg` indexing `<, <=, ==, !=, >, >=`.
    CompareOp = "COMPARE_OP", Compare;
    /// `lhs rhs` -> `lhs is rhs` (`is not` when `arg` is 1).
    IsOp = "IS_OP", Raw;
    /// `lhs rhs` -> `lhs in rhs` (`not in` when `arg` is 1).
    ContainsOp = "CONTAINS_OP", Raw;
    /// `a b ...` (`arg` items) -> `(a, b, ...)`.
    BuildTuple = "BUILD_TUPLE", Raw;
    /// `a b ...` (`arg` items) -> `[a, b, ...]`.
    BuildList = "BUILD_LIST", Raw;
    /// `k1 v1 k2 v2 ...` (`arg` pairs) -> `{k1: v1, ...}`.
    BuildMap = "BUILD_MAP", Raw;
    /// `v1 ... vN keys` -> `{keys[0]: v1, ...}`: `keys` is a tuple of `arg` constants.
    BuildConstKeyMap = "BUILD_CONST_KEY_MAP", Raw;
    /// `a b ...` (`arg` items) -> `{a, b, ...}`.
    BuildSet = "BUILD_SET", Raw;
    /// `s1 s2 ...` (`arg` strings) -> their concatenation.
    BuildString = "BUILD_STRING", Raw;
    /// `list ... item` -> `list ...`: appends to the list `arg` items below.
    ListAppend = "LIST_APPEND", Raw;
    /// `set ... item` -> `set ...`: adds to the set `arg` items below.
    SetAdd = "SET_ADD", Raw;
    /// `dict ... key value` -> `dict ...`: stores into the dict `arg` items below.
    MapAdd = "MAP_ADD", Raw;
    /// `list ... iterable` -> `list ...`: extends the list `arg` items below.
    ListExtend = "LIST_EXTEND", Raw;
    /// `set ... iterable` -> `set ...`: updates the set `arg` items below.
    SetUpdate = "SET_UPDATE", Raw;
    /// `dict ... mapping` -> `dict ...`: updates the dict `arg` items below.
    DictUpdate = "DICT_UPDATE", Raw;
    /// Like `DICT_UPDATE`, but a repeated key is a `TypeError` (for `f(**a, **b)`).
    DictMerge = "DICT_MERGE", Raw;
    /// `list` -> `tuple`.
    ListToTuple = "LIST_TO_TUPLE", None;
    /// `seq` -> `item[arg-1] ... item[0]`: unpacks exactly `arg` items, first on top.
    UnpackSequence = "UNPACK_SEQUENCE", Raw;
    /// `seq` -> unpacks with a starred target: `arg & 0xff` before it, `arg >> 8` after.
    UnpackEx = "UNPACK_EX", Raw;
    /// `value [spec]` -> `str`: formats for an f-string (`arg & 3` conversion, `arg & 4` spec).
    FormatValue = "FORMAT_VALUE", FormatFlags;
    /// Jumps to `arg` unconditionally (forward).
    JumpForward = "JUMP_FORWARD", Jump;
    /// Jumps to `arg` unconditionally (backward; a loop's back edge).
    JumpBackward = "JUMP_BACKWARD", Jump;
    /// Jumps back to `arg` without checking for interrupts (`yield from`'s loop).
    JumpBackwardNoInterrupt = "JUMP_BACKWARD_NO_INTERRUPT", Jump;
    /// `cond` -> ``: jumps to `arg` if `cond` is false.
    PopJumpForwardIfFalse = "POP_JUMP_FORWARD_IF_FALSE", Jump;
    /// `cond` -> ``: jumps to `arg` if `cond` is true.
    PopJumpForwardIfTrue = "POP_JUMP_FORWARD_IF_TRUE", Jump;
    /// `cond` -> ``: jumps back to `arg` if `cond` is false.
    PopJumpBackwardIfFalse = "POP_JUMP_BACKWARD_IF_FALSE", Jump;
    /// `cond` -> ``: jumps back to `arg` if `cond` is true.
    PopJumpBackwardIfTrue = "POP_JUMP_BACKWARD_IF_TRUE", Jump;
    /// `value` -> ``: jumps forward to `arg` if `value` is `None`.
    PopJumpForwardIfNone = "POP_JUMP_FORWARD_IF_NONE", Jump;
    /// `value` -> ``: jumps forward to `arg` if `value` is not `None`.
    PopJumpForwardIfNotNone = "POP_JUMP_FORWARD_IF_NOT_NONE", Jump;
    /// `value` -> ``: jumps back to `arg` if `value` is `None`.
    PopJumpBackwardIfNone = "POP_JUMP_BACKWARD_IF_NONE", Jump;
    /// `value` -> ``: jumps back to `arg` if `value` is not `None`.
    PopJumpBackwardIfNotNone = "POP_JUMP_BACKWARD_IF_NOT_NONE", Jump;
    /// `cond` -> `cond` and jump to `arg` if false, else `cond` -> ``.
    JumpIfFalseOrPop = "JUMP_IF_FALSE_OR_POP", Jump;
    /// `cond` -> `cond` and jump to `arg` if true, else `cond` -> ``.
    JumpIfTrueOrPop = "JUMP_IF_TRUE_OR_POP", Jump;
    /// `iterable` -> `iterator`.
    GetIter = "GET_ITER", None;
    /// `iterator` -> `iterator next`, or pops the iterator and jumps to `arg` when exhausted.
    ForIter = "FOR_ITER", Jump;
    /// Records `co_consts[arg]` (a tuple of names) as the keyword names of the next `CALL`.
    KwNames = "KW_NAMES", Const;
    /// `NULL|method callable|self arg1 ... argN` -> `result` for `N = arg`.
    Call = "CALL", Raw;
    /// `NULL callable args_tuple [kwargs_dict]` -> `result` (`arg & 1` means kwargs present).
    CallFunctionEx = "CALL_FUNCTION_EX", Raw;
    /// `[defaults] [kwdefaults] [closure] code` -> `function` (flags 1, 2, 8).
    MakeFunction = "MAKE_FUNCTION", FunctionFlags;
    /// `value` -> returns `value` to the caller.
    ReturnValue = "RETURN_VALUE", None;
    /// `[exc [cause]]` -> raises (`arg` 0 re-raises the exception being handled).
    RaiseVarargs = "RAISE_VARARGS", Raw;
    /// `exc` -> `prev_exc exc`: enters an exception handler.
    PushExcInfo = "PUSH_EXC_INFO", None;
    /// `prev_exc` -> ``: restores the exception being handled before this handler.
    PopExcept = "POP_EXCEPT", None;
    /// `manager` -> `__exit__ result`: looks up the manager's `__exit__` and `__enter__`
    /// on its type, keeps the bound `__exit__` and calls `__enter__`.
    BeforeWith = "BEFORE_WITH", None;
    /// `exit lasti prev_exc exc` -> `exit lasti prev_exc exc result`: calls
    /// `exit(type(exc), exc, traceback)`.
    WithExceptStart = "WITH_EXCEPT_START", None;
    /// `exc type` -> `exc bool`: whether `exc` is an instance of `type`.
    CheckExcMatch = "CHECK_EXC_MATCH", None;
    /// `... exc` -> re-raises `exc` (when `arg` is non-zero, restoring the saved position).
    Reraise = "RERAISE", Raw;
    /// Turns the current call into a generator object and returns it.
    ReturnGenerator = "RETURN_GENERATOR", None;
    /// `value` -> `sent`: suspends a generator, yielding `value`.
    YieldValue = "YIELD_VALUE", None;
    /// `iterator value` -> `iterator value'`: delegates to a sub-iterator (`yield from`), or
    /// pops and jumps to `arg` with the result when it finishes.
    Send = "SEND", Jump;
    /// `iterable` -> `iterator` for `yield from`.
    GetYieldFromIter = "GET_YIELD_FROM_ITER", None;
    /// `awaitable` -> `iterator` for `await`: a coroutine itself, or what `__await__`
    /// returns (`arg` says whether it follows `__aenter__` (1) or `__aexit__` (2)).
    GetAwaitable = "GET_AWAITABLE", Raw;
    /// `aiterable` -> `aiterator`: `__aiter__()` for `async for`.
    GetAiter = "GET_AITER", None;
    /// `aiterator` -> `aiterator awaitable`: the awaitable of `__anext__()`.
    GetAnext = "GET_ANEXT", None;
    /// `aiterator exc` -> ``: ends an `async for` on `StopAsyncIteration`, else re-raises.
    EndAsyncFor = "END_ASYNC_FOR", None;
    /// `mgr` -> `__aexit__ awaitable`: looks up `__aenter__` and `__aexit__` on the
    /// type, keeps the bound `__aexit__` and calls `__aenter__`.
    BeforeAsyncWith = "BEFORE_ASYNC_WITH", None;
    /// `` -> `__build_class__`.
    LoadBuildClass = "LOAD_BUILD_CLASS", None;
    /// `` -> `AssertionError`.
    LoadAssertionError = "LOAD_ASSERTION_ERROR", None;
    /// `level fromlist` -> `module`: imports `co_names[arg]`.
    ImportName = "IMPORT_NAME", Name;
    /// `module` -> `module attr`: reads `co_names[arg]` from the module.
    ImportFrom = "IMPORT_FROM", Name;
    /// `module` -> ``: binds every public name of the module (`from m import *`).
    ImportStar = "IMPORT_STAR", None;
}

impl Opcode {
    /// Whether the opcode's argument is a jump target.
    pub fn is_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }

    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::JumpForward
                | Opcode::JumpBackward
                | Opcode::JumpBackwardNoInterrupt
                | Opcode::ReturnValue
                | Opcode::RaiseVarargs
                | Opcode::Reraise
        )
    }
}

impl Opcode {
    /// How much the instruction changes the stack depth; `jump` selects the effect
    /// when a conditional jump is taken (`FOR_ITER` popping its exhausted iterator, say).
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        use Opcode::*;
        let arg = arg as i32;
        match self {
            Nop
            | Resume
            | Swap
            | MakeCell
            | CopyFreeVars
            | LoadAttr
            | UnaryNegative
            | UnaryPositive
            | UnaryNot
            | UnaryInvert
            | ListToTuple
            | GetIter
            | KwNames
            | CheckExcMatch
            | JumpForward
            | JumpBackward
            | JumpBackwardNoInterrupt
            | YieldValue
            | GetYieldFromIter
            | GetAwaitable
            | GetAiter
            | DeleteFast
            | DeleteGlobal
            | DeleteName
            | DeleteDeref => 0,
            PushNull | Copy | LoadConst | LoadFast | LoadDeref | LoadClosure | LoadName
            | LoadClassderef | LoadMethod | PushExcInfo | ReturnGenerator | LoadBuildClass
            | LoadAssertionError | ImportFrom | BeforeWith | WithExceptStart | GetAnext
            | BeforeAsyncWith => 1,
            EndAsyncFor => -2,
            LoadGlobal => 1 + (arg & 1),
            PopTop
            | PrintExpr
            | StoreFast
            | StoreName
            | StoreGlobal
            | StoreDeref
            | DeleteAttr
            | BinarySubscr
            | BinaryOp
            | CompareOp
            | IsOp
            | ContainsOp
            | ListAppend
            | SetAdd
            | ListExtend
            | SetUpdate
            | DictUpdate
            | DictMerge
            | PopJumpForwardIfFalse
            | PopJumpForwardIfTrue
            | PopJumpBackwardIfFalse
            | PopJumpBackwardIfTrue
            | PopJumpForwardIfNone
            | PopJumpForwardIfNotNone
            | PopJumpBackwardIfNone
            | PopJumpBackwardIfNotNone
            | ReturnValue
            | PopExcept
            | Reraise
            | ImportName
            | ImportStar => -1,
            StoreAttr | MapAdd | DeleteSubscr => -2,
            StoreSubscr => -3,
            BuildSlice | BuildTuple | BuildList | BuildSet | BuildString => 1 - arg,
            BuildMap => 1 - 2 * arg,
            BuildConstKeyMap => -arg,
            UnpackSequence => arg - 1,
            UnpackEx => (arg & 0xff) + (arg >> 8),
            FormatValue => -i32::from(arg as u32 & FVS_HAVE_SPEC != 0),
            JumpIfFalseOrPop | JumpIfTrueOrPop => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            ForIter => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            Send => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            Call => -arg - 1,
            CallFunctionEx => -2 - (arg & 1),
            MakeFunction => -((arg as u32 & 0xf).count_ones() as i32),
            RaiseVarargs => -arg,
        }
    }
}

/// CPython's `BINARY_OP` operator numbers: `(symbol, inplace symbol)` by argument.
pub const BINARY_OPS: [&str; 13] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
];

/// The offset added to a `BINARY_OP` argument for the in-place (`+=`) form.
pub const INPLACE_OFFSET: u32 = 13;

/// `COMPARE_OP` argument to symbol.
pub const COMPARE_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `MAKE_FUNCTION` flag: a tuple of positional defaults is on the stack.
pub const MAKE_FUNCTION_DEFAULTS: u32 = 0x01;
/// `MAKE_FUNCTION` flag: a dict of keyword-only defaults is on the stack.
pub const MAKE_FUNCTION_KWDEFAULTS: u32 = 0x02;
/// `MAKE_FUNCTION` flag: a tuple of cells (the closure) is on the stack.
pub const MAKE_FUNCTION_CLOSURE: u32 = 0x08;

/// `FORMAT_VALUE` conversion mask and values.
pub const FVC_MASK: u32 = 0x3;
/// `FORMAT_VALUE`: no conversion.
pub const FVC_NONE: u32 = 0x0;
/// `FORMAT_VALUE`: `!s`.
pub const FVC_STR: u32 = 0x1;
/// `FORMAT_VALUE`: `!r`.
pub const FVC_REPR: u32 = 0x2;
/// `FORMAT_VALUE`: `!a`.
pub const FVC_ASCII: u32 = 0x3;
/// `FORMAT_VALUE`: a format spec is on the stack above the value.
pub const FVS_HAVE_SPEC: u32 = 0x4;
