//! Exceptions, recursion, collection, values and call errors on hand-assembled code.

mod common;

use common::*;
use pyc_bytecode::Constant;

/// `def outer(): def down(n): return down(n + 1); return down`
fn recursive_outer() -> Constant {
    let down = Asm::func("down", "outer.<locals>.down", 1)
        .locals(&[("n", LOCAL), ("down", FREE)])
        .consts(vec![Constant::None, Constant::Int(1)])
        .build(
            "2 COPY_FREE_VARS 1
             2 RESUME 0
             3 PUSH_NULL
             3 LOAD_DEREF 1
             3 LOAD_FAST 0
             3 LOAD_CONST 1
             3 BINARY_OP 0
             3 CALL 1
             3 RETURN_VALUE",
        );
    let outer = Asm::func("outer", "outer", 0)
        .locals(&[("down", CELL)])
        .consts(vec![Constant::None, code(down)])
        .build(
            "1 MAKE_CELL 0
             1 RESUME 0
             2 LOAD_CLOSURE 0
             2 BUILD_TUPLE 1
             2 LOAD_CONST 1
             2 MAKE_FUNCTION 8
             2 STORE_DEREF 0
             4 LOAD_DEREF 0
             4 RETURN_VALUE",
        );
    code(outer)
}

#[test]
fn recursion_error_is_caught_by_exception_table_handler() {
    let m = Asm::module()
        .consts(vec![
            recursive_outer(),
            Constant::Int(0),
            s("RecursionError:"),
            Constant::None,
            s("still running"),
        ])
        .names(&["outer", "RecursionError", "e", "print"])
        .handler(5, 12, 13, 0, false)
        .handler(13, 18, 34, 1, true)
        .handler(18, 24, 29, 1, true)
        .handler(29, 34, 34, 1, true)
        .build(
            "0 RESUME 0
             1 LOAD_CONST 0
             1 MAKE_FUNCTION 0
             1 STORE_NAME 0
             5 NOP
             6 PUSH_NULL
             6 PUSH_NULL
             6 LOAD_NAME 0
             6 CALL 0
             6 LOAD_CONST 1
             6 CALL 1
             6 POP_TOP
             6 JUMP_FORWARD 37
             6 PUSH_EXC_INFO
             7 LOAD_NAME 1
             7 CHECK_EXC_MATCH
             7 POP_JUMP_FORWARD_IF_FALSE 33
             7 STORE_NAME 2
             8 PUSH_NULL
             8 LOAD_NAME 3
             8 LOAD_CONST 2
             8 LOAD_NAME 2
             8 CALL 2
             8 POP_TOP
             8 POP_EXCEPT
             8 LOAD_CONST 3
             8 STORE_NAME 2
             8 DELETE_NAME 2
             8 JUMP_FORWARD 37
             8 LOAD_CONST 3
             8 STORE_NAME 2
             8 DELETE_NAME 2
             8 RERAISE 1
             7 RERAISE 0
             7 COPY 3
             7 POP_EXCEPT
             7 RERAISE 1
             9 PUSH_NULL
             9 LOAD_NAME 3
             9 LOAD_CONST 4
             9 CALL 1
             9 POP_TOP
             9 LOAD_CONST 3
             9 RETURN_VALUE",
        );
    let (out, err) = run(m);
    assert_eq!(err, None);
    assert_eq!(
        out,
        "RecursionError: maximum recursion depth exceeded\nstill running\n"
    );
}

#[test]
fn unmatched_exception_propagates_through_handler_with_full_traceback() {
    // try: 1 / 0  except KeyError: pass   -> ZeroDivisionError escapes
    let m = Asm::module()
        .consts(vec![Constant::Int(1), Constant::Int(0), Constant::None])
        .names(&["KeyError"])
        .handler(1, 5, 5, 0, false)
        .handler(5, 10, 11, 1, true)
        .build(
            "1 NOP
             2 LOAD_CONST 0
             2 LOAD_CONST 1
             2 BINARY_OP 11
             2 POP_TOP
             2 PUSH_EXC_INFO
             3 LOAD_NAME 0
             3 CHECK_EXC_MATCH
             3 POP_JUMP_FORWARD_IF_FALSE 10
             3 POP_TOP
             3 RERAISE 0
             3 COPY 3
             3 POP_EXCEPT
             3 RERAISE 1",
        );
    let (_, err) = run(m);
    assert_eq!(
        err.unwrap(),
        "Traceback (most recent call last):\n  File \"x.py\", line 2, in <module>\nZeroDivisionError: division by zero\n"
    );
}

#[test]
fn dropped_closure_cycles_are_collected() {
    // i = 0
    // while i < 200000: f = outer(); i += 1
    let m = Asm::module()
        .consts(vec![
            recursive_outer(),
            Constant::Int(0),
            Constant::Int(200_000),
            Constant::Int(1),
            Constant::None,
        ])
        .names(&["outer", "i", "f"])
        .build(
            "1 LOAD_CONST 0
             1 MAKE_FUNCTION 0
             1 STORE_NAME 0
             2 LOAD_CONST 1
             2 STORE_NAME 1
             3 LOAD_NAME 1
             3 LOAD_CONST 2
             3 COMPARE_OP 0
             3 POP_JUMP_FORWARD_IF_FALSE 18
             3 PUSH_NULL
             3 LOAD_NAME 0
             3 CALL 0
             3 STORE_NAME 2
             3 LOAD_NAME 1
             3 LOAD_CONST 3
             3 BINARY_OP 13
             3 STORE_NAME 1
             3 JUMP_BACKWARD 5
             4 LOAD_CONST 4
             4 RETURN_VALUE",
        );
    let mut vm = pyc_vm::Vm::with_output(Box::new(Sink::default()));
    vm.run_module(m).expect("runs");
    assert!(
        vm.live_objects() < 100_000,
        "live objects: {}",
        vm.live_objects()
    );
    vm.collect_garbage();
    assert!(
        vm.live_objects() < common::fresh_vm_live_objects() + 200,
        "live objects after collect: {}",
        vm.live_objects()
    );
}

#[test]
fn values_print_like_cpython() {
    // print(2**100, -7//2, -7%3, 7/2, 0.1+0.2, 10**20 + 1 - 1, [1, 'a', None],
    //       {'k': [1, {'n': None}]}, 1e16, -0.0, (1,), True + 1, 2**63 // 2**62)
    let m = Asm::module()
        .consts(vec![
            Constant::Int(2),
            Constant::Int(100),
            Constant::Int(-7),
            Constant::Int(3),
            Constant::Int(7),
            Constant::Float(0.1),
            Constant::Float(0.2),
            Constant::Int(10),
            Constant::Int(20),
            Constant::Int(1),
            s("a"),
            Constant::None,
            s("k"),
            s("n"),
            Constant::Float(1e16),
            Constant::Float(-0.0),
            Constant::Bool(true),
            Constant::Int(63),
            Constant::Int(62),
        ])
        .names(&["print"])
        .build(
            "1 PUSH_NULL
             1 LOAD_NAME 0
             1 LOAD_CONST 0
             1 LOAD_CONST 1
             1 BINARY_OP 8
             1 LOAD_CONST 2
             1 LOAD_CONST 0
             1 BINARY_OP 2
             1 LOAD_CONST 2
             1 LOAD_CONST 3
             1 BINARY_OP 6
             1 LOAD_CONST 4
             1 LOAD_CONST 0
             1 BINARY_OP 11
             1 LOAD_CONST 5
             1 LOAD_CONST 6
             1 BINARY_OP 0
             1 LOAD_CONST 7
             1 LOAD_CONST 8
             1 BINARY_OP 8
             1 LOAD_CONST 9
             1 BINARY_OP 0
             1 LOAD_CONST 9
             1 BINARY_OP 10
             1 LOAD_CONST 9
             1 LOAD_CONST 10
             1 LOAD_CONST 11
             1 BUILD_LIST 3
             1 LOAD_CONST 12
             1 LOAD_CONST 9
             1 LOAD_CONST 13
             1 LOAD_CONST 11
             1 BUILD_MAP 1
             1 BUILD_LIST 2
             1 BUILD_MAP 1
             1 LOAD_CONST 14
             1 LOAD_CONST 15
             1 LOAD_CONST 9
             1 BUILD_TUPLE 1
             1 LOAD_CONST 16
             1 LOAD_CONST 9
             1 BINARY_OP 0
             1 LOAD_CONST 0
             1 LOAD_CONST 17
             1 BINARY_OP 8
             1 LOAD_CONST 0
             1 LOAD_CONST 18
             1 BINARY_OP 8
             1 BINARY_OP 2
             1 CALL 13
             1 POP_TOP
             1 LOAD_CONST 11
             1 RETURN_VALUE",
        );
    let (out, err) = run(m);
    assert_eq!(err, None);
    assert_eq!(
        out,
        "1267650600228229401496703205376 -4 2 3.5 0.30000000000000004 100000000000000000000 \
         [1, 'a', None] {'k': [1, {'n': None}]} 1e+16 -0.0 (1,) 2 2\n"
    );
}

/// Calls `lambda a, b: a` with the given argument instructions; returns the error line.
fn call_lambda_error(args: &str, nargs: usize, consts: Vec<Constant>) -> String {
    let lam = Asm::func("<lambda>", "<lambda>", 2)
        .locals(&[("a", LOCAL), ("b", LOCAL)])
        .build(
            "1 RESUME 0
             1 LOAD_FAST 0
             1 RETURN_VALUE",
        );
    let mut all = vec![code(lam), Constant::None];
    all.extend(consts);
    let m = Asm::module().consts(all).build(&format!(
        "1 PUSH_NULL
         1 LOAD_CONST 0
         1 MAKE_FUNCTION 0
         {args}
         1 CALL {nargs}
         1 RETURN_VALUE"
    ));
    let (_, err) = run(m);
    err.unwrap().lines().last().unwrap().to_string()
}

#[test]
fn call_arity_errors_use_cpython_messages() {
    assert_eq!(
        call_lambda_error("1 LOAD_CONST 2", 1, vec![Constant::Int(1)]),
        "TypeError: <lambda>() missing 1 required positional argument: 'b'"
    );
    assert_eq!(
        call_lambda_error(
            "1 LOAD_CONST 2\n1 LOAD_CONST 2\n1 LOAD_CONST 2",
            3,
            vec![Constant::Int(1)]
        ),
        "TypeError: <lambda>() takes 2 positional arguments but 3 were given"
    );
    assert_eq!(
        call_lambda_error("", 0, vec![]),
        "TypeError: <lambda>() missing 2 required positional arguments: 'a' and 'b'"
    );
    let kw = Constant::Tuple(std::rc::Rc::from(vec![s("z")]));
    assert_eq!(
        call_lambda_error(
            "1 LOAD_CONST 2\n1 LOAD_CONST 2\n1 KW_NAMES 3",
            2,
            vec![Constant::Int(1), kw]
        ),
        "TypeError: <lambda>() got an unexpected keyword argument 'z'"
    );
    let kw = Constant::Tuple(std::rc::Rc::from(vec![s("a")]));
    assert_eq!(
        call_lambda_error(
            "1 LOAD_CONST 2\n1 LOAD_CONST 2\n1 KW_NAMES 3",
            2,
            vec![Constant::Int(1), kw]
        ),
        "TypeError: <lambda>() got multiple values for argument 'a'"
    );
}

#[test]
fn fstring_specs_and_percent_formatting() {
    // print(f"{1.23456:.2f}|{'pi'!r}|{255:#x}", "%s=%d (%.1f%%)" % ("k", 5, 12.345))
    let m = Asm::module()
        .consts(vec![
            Constant::Float(1.23456),
            s(".2f"),
            s("|"),
            s("pi"),
            Constant::Int(255),
            s("#x"),
            s("%s=%d (%.1f%%)"),
            Constant::Tuple(std::rc::Rc::from(vec![
                s("k"),
                Constant::Int(5),
                Constant::Float(12.345),
            ])),
            Constant::None,
        ])
        .names(&["print"])
        .build(
            "1 PUSH_NULL
             1 LOAD_NAME 0
             1 LOAD_CONST 0
             1 LOAD_CONST 1
             1 FORMAT_VALUE 4
             1 LOAD_CONST 2
             1 LOAD_CONST 3
             1 FORMAT_VALUE 2
             1 LOAD_CONST 2
             1 LOAD_CONST 4
             1 LOAD_CONST 5
             1 FORMAT_VALUE 4
             1 BUILD_STRING 5
             1 LOAD_CONST 6
             1 LOAD_CONST 7
             1 BINARY_OP 6
             1 CALL 2
             1 POP_TOP
             1 LOAD_CONST 8
             1 RETURN_VALUE",
        );
    let (out, err) = run(m);
    assert_eq!(err, None);
    assert_eq!(out, "1.23|'pi'|0xff k=5 (12.3%)\n");
}
