//! Closure semantics on hand-assembled code mirroring `python3 -m dis` output.

mod common;

use common::*;
use pyc_bytecode::Constant;

/// `def outer_function(x): def inner_function(y): return x + y; return inner_function`
fn adder_module(
    tail: &str,
    extra_consts: Vec<Constant>,
    names: &[&'static str],
) -> std::rc::Rc<pyc_bytecode::CodeObject> {
    let inner = Asm::func(
        "inner_function",
        "outer_function.<locals>.inner_function",
        1,
    )
    .locals(&[("y", LOCAL), ("x", FREE)])
    .build(
        "2 COPY_FREE_VARS 1
             2 RESUME 0
             3 LOAD_DEREF 1
             3 LOAD_FAST 0
             3 BINARY_OP 0
             3 RETURN_VALUE",
    );
    let outer = Asm::func("outer_function", "outer_function", 1)
        .locals(&[("x", LOCAL | CELL), ("inner_function", LOCAL)])
        .consts(vec![Constant::None, code(inner)])
        .build(
            "1 MAKE_CELL 0
             1 RESUME 0
             2 LOAD_CLOSURE 0
             2 BUILD_TUPLE 1
             2 LOAD_CONST 1
             2 MAKE_FUNCTION 8
             2 STORE_FAST 1
             4 LOAD_FAST 1
             4 RETURN_VALUE",
        );
    let mut consts = vec![code(outer)];
    consts.extend(extra_consts);
    Asm::module().consts(consts).names(names).build(&format!(
        "0 RESUME 0
         1 LOAD_CONST 0
         1 MAKE_FUNCTION 0
         1 STORE_NAME 0
         {tail}"
    ))
}

#[test]
fn adder_closure_prints_results_and_type() {
    let m = adder_module(
        "5 PUSH_NULL
         5 LOAD_NAME 0
         5 LOAD_CONST 1
         5 CALL 1
         5 STORE_NAME 1
         6 PUSH_NULL
         6 LOAD_NAME 2
         6 LOAD_CONST 2
         6 PUSH_NULL
         6 LOAD_NAME 1
         6 LOAD_CONST 3
         6 CALL 1
         6 PUSH_NULL
         6 LOAD_NAME 3
         6 LOAD_NAME 1
         6 CALL 1
         6 CALL 3
         6 POP_TOP
         6 LOAD_CONST 4
         6 RETURN_VALUE",
        vec![
            Constant::Int(5),
            s("Result 1:"),
            Constant::Int(3),
            Constant::None,
        ],
        &["outer_function", "add_five", "print", "type"],
    );
    let (out, err) = run(m);
    assert_eq!(err, None);
    assert_eq!(out, "Result 1: 8 <class 'function'>\n");
}

#[test]
fn closure_introspection_shows_cells_and_code_names() {
    // f = outer_function(5); print(f.__closure__, f.__closure__[0].cell_contents,
    //       f.__code__.co_freevars, outer_function.__code__.co_cellvars, f, f.__qualname__)
    let m = adder_module(
        "2 PUSH_NULL
         2 LOAD_NAME 0
         2 LOAD_CONST 1
         2 CALL 1
         2 STORE_NAME 1
         3 PUSH_NULL
         3 LOAD_NAME 2
         3 LOAD_NAME 1
         3 LOAD_ATTR 3
         3 LOAD_NAME 1
         3 LOAD_ATTR 3
         3 LOAD_CONST 2
         3 BINARY_SUBSCR
         3 LOAD_ATTR 4
         3 LOAD_NAME 1
         3 LOAD_ATTR 5
         3 LOAD_ATTR 6
         3 LOAD_NAME 0
         3 LOAD_ATTR 5
         3 LOAD_ATTR 7
         3 LOAD_NAME 1
         3 LOAD_NAME 1
         3 LOAD_ATTR 8
         3 CALL 6
         3 POP_TOP
         3 LOAD_CONST 3
         3 RETURN_VALUE",
        vec![Constant::Int(5), Constant::Int(0), Constant::None],
        &[
            "outer_function",
            "f",
            "print",
            "__closure__",
            "cell_contents",
            "__code__",
            "co_freevars",
            "co_cellvars",
            "__qualname__",
        ],
    );
    let (out, err) = run(m);
    assert_eq!(err, None);
    assert_eq!(
        mask_addresses(&out),
        "(<cell at 0x?: int object at 0x?>,) 5 ('x',) ('x',) \
         <function outer_function.<locals>.inner_function at 0x?> outer_function.<locals>.inner_function\n"
    );
}

/// `def create_counter(): count = 0; def increment(): nonlocal count; count += 1; return count`
fn counter_def() -> Constant {
    let inc = Asm::func("increment", "create_counter.<locals>.increment", 0)
        .locals(&[("count", FREE)])
        .consts(vec![Constant::None, Constant::Int(1)])
        .build(
            "3 COPY_FREE_VARS 1
             3 RESUME 0
             5 LOAD_DEREF 0
             5 LOAD_CONST 1
             5 BINARY_OP 13
             5 STORE_DEREF 0
             6 LOAD_DEREF 0
             6 RETURN_VALUE",
        );
    let create = Asm::func("create_counter", "create_counter", 0)
        .locals(&[("increment", LOCAL), ("count", CELL)])
        .consts(vec![Constant::None, Constant::Int(0), code(inc)])
        .build(
            "1 MAKE_CELL 1
             1 RESUME 0
             2 LOAD_CONST 1
             2 STORE_DEREF 1
             3 LOAD_CLOSURE 1
             3 BUILD_TUPLE 1
             3 LOAD_CONST 2
             3 MAKE_FUNCTION 8
             3 STORE_FAST 0
             7 LOAD_FAST 0
             7 RETURN_VALUE",
        );
    code(create)
}

#[test]
fn nonlocal_counters_are_independent() {
    // c1 = create_counter(); c2 = create_counter(); print(c1(), c1(), c2(), c1())
    let m = Asm::module()
        .consts(vec![counter_def(), Constant::None])
        .names(&["create_counter", "c1", "c2", "print"])
        .build(
            "1 LOAD_CONST 0
             1 MAKE_FUNCTION 0
             1 STORE_NAME 0
             9 PUSH_NULL
             9 LOAD_NAME 0
             9 CALL 0
             9 STORE_NAME 1
             9 PUSH_NULL
             9 LOAD_NAME 0
             9 CALL 0
             9 STORE_NAME 2
             10 PUSH_NULL
             10 LOAD_NAME 3
             10 PUSH_NULL
             10 LOAD_NAME 1
             10 CALL 0
             10 PUSH_NULL
             10 LOAD_NAME 1
             10 CALL 0
             10 PUSH_NULL
             10 LOAD_NAME 2
             10 CALL 0
             10 PUSH_NULL
             10 LOAD_NAME 1
             10 CALL 0
             10 CALL 4
             10 POP_TOP
             10 LOAD_CONST 1
             10 RETURN_VALUE",
        );
    let (out, err) = run(m);
    assert_eq!(err, None);
    assert_eq!(out, "1 2 1 3\n");
}

#[test]
fn empty_free_variable_raises_name_error_with_traceback() {
    // def outer():
    //     def inner():
    //         return y
    //     r = inner()
    //     y = 1
    // outer()
    let inner = Asm::func("inner", "outer.<locals>.inner", 0)
        .locals(&[("y", FREE)])
        .build(
            "2 COPY_FREE_VARS 1
             2 RESUME 0
             3 LOAD_DEREF 0
             3 RETURN_VALUE",
        );
    let outer = Asm::func("outer", "outer", 0)
        .locals(&[("inner", LOCAL), ("r", LOCAL), ("y", CELL)])
        .consts(vec![Constant::None, code(inner), Constant::Int(1)])
        .build(
            "1 MAKE_CELL 2
             1 RESUME 0
             2 LOAD_CLOSURE 2
             2 BUILD_TUPLE 1
             2 LOAD_CONST 1
             2 MAKE_FUNCTION 8
             2 STORE_FAST 0
             4 PUSH_NULL
             4 LOAD_FAST 0
             4 CALL 0
             4 STORE_FAST 1
             5 LOAD_CONST 2
             5 STORE_DEREF 2
             5 LOAD_CONST 0
             5 RETURN_VALUE",
        );
    let m = Asm::module()
        .consts(vec![code(outer), Constant::None])
        .names(&["outer"])
        .build(
            "1 LOAD_CONST 0
             1 MAKE_FUNCTION 0
             1 STORE_NAME 0
             7 PUSH_NULL
             7 LOAD_NAME 0
             7 CALL 0
             7 POP_TOP
             7 LOAD_CONST 1
             7 RETURN_VALUE",
        );
    let (out, err) = run(m);
    assert_eq!(out, "");
    assert_eq!(
        err.unwrap(),
        "Traceback (most recent call last):\n  File \"x.py\", line 7, in <module>\n  File \"x.py\", line 4, in outer\n  File \"x.py\", line 3, in inner\n\
         NameError: cannot access free variable 'y' where it is not associated with a value in enclosing scope\n"
    );
}

#[test]
fn unbound_local_error_message() {
    // def f(): print(x); x = 2
    let f = Asm::func("f", "f", 0)
        .locals(&[("x", LOCAL)])
        .consts(vec![Constant::None, Constant::Int(2)])
        .names(&["print"])
        .build(
            "2 RESUME 0
             3 LOAD_GLOBAL 1
             3 LOAD_FAST 0
             3 CALL 1
             3 POP_TOP
             4 LOAD_CONST 1
             4 STORE_FAST 0
             4 LOAD_CONST 0
             4 RETURN_VALUE",
        );
    let m = Asm::module()
        .consts(vec![code(f), Constant::None])
        .names(&["f"])
        .build(
            "2 LOAD_CONST 0
             2 MAKE_FUNCTION 0
             2 STORE_NAME 0
             5 PUSH_NULL
             5 LOAD_NAME 0
             5 CALL 0
             5 POP_TOP
             5 LOAD_CONST 1
             5 RETURN_VALUE",
        );
    let (_, err) = run(m);
    assert!(err.unwrap().ends_with(
        "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value\n"
    ));
}
