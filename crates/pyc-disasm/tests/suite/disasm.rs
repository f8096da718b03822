//! `disassemble` and `instructions` against CPython 3.11's `dis` (see `tools/gen_fixtures.py`)
//! and against hand-built code objects covering every argument kind.

use std::rc::Rc;

use crate::support::{code, normalize, s, tuple};
use pyc_bytecode::fast_kind::{CELL, FREE, LOCAL};
use pyc_bytecode::{CodeObject, Constant, Opcode::*};
use pyc_disasm::{code_repr, disassemble, format_instruction, instructions, InstrInfo, Layout};

#[test]
fn closure_matches_cpython() {
    let text = disassemble(&crate::fixtures::closure());
    assert_eq!(normalize(&text), include_str!("../data/closure.dis"));
}

#[test]
fn pass_through_closure_matches_cpython() {
    let text = disassemble(&crate::fixtures::passthrough());
    assert_eq!(normalize(&text), include_str!("../data/passthrough.dis"));
}

#[test]
fn loops_try_except_fstrings_and_comprehension_match_cpython() {
    let text = disassemble(&crate::fixtures::control());
    assert_eq!(normalize(&text), include_str!("../data/control.dis"));
}

#[test]
fn nonlocal_counter_with_kwnames_and_bool_ops_matches_cpython() {
    let text = disassemble(&crate::fixtures::counter());
    assert_eq!(normalize(&text), include_str!("../data/counter.dis"));
}

#[test]
fn nested_header_names_the_same_address_as_load_const() {
    let module = crate::fixtures::closure();
    let Constant::Code(outer) = &module.consts[0] else {
        panic!("outer is the first constant")
    };
    let repr = code_repr(outer);
    assert_eq!(
        repr,
        format!(
            "<code object outer at {:p}, file \"x.py\", line 1>",
            Rc::as_ptr(outer)
        )
    );
    let text = disassemble(&module);
    assert!(text.contains(&format!("LOAD_CONST               0 ({repr})\n")));
    assert!(text.contains(&format!("\nDisassembly of {repr}:\n")));
}

/// One code object using every argument kind, each on its own line.
fn every_arg_kind() -> Rc<CodeObject> {
    let inner = code("inner", "f.<locals>.inner", 3).build();
    let consts = vec![
        Constant::None,
        Constant::Bool(false),
        Constant::Int(-7),
        Constant::BigInt("-123456789012345678901234567890".parse().unwrap()),
        Constant::Float(1e16),
        s("it's"),
        tuple(vec![]),
        tuple(vec![s("a")]),
        tuple(vec![
            Constant::Int(1),
            tuple(vec![Constant::Float(2.0), Constant::Ellipsis]),
        ]),
        Constant::Code(inner),
    ];
    let mut b = code("f", "f", 1)
        .slots(&[("a", LOCAL), ("c", LOCAL | CELL), ("fr", FREE)])
        .names(&["print", "attr"])
        .consts(consts);
    for i in 0..10 {
        b = b.ins(1, LoadConst, i);
    }
    b.ins(2, LoadConst, 99)
        .ins(2, KwNames, 7)
        .ins(2, LoadGlobal, 1)
        .ins(2, LoadGlobal, 2)
        .ins(2, LoadAttr, 1)
        .ins(2, StoreName, 5)
        .ins(3, LoadFast, 0)
        .ins(3, LoadClosure, 1)
        .ins(3, LoadDeref, 2)
        .ins(3, CopyFreeVars, 1)
        .ins(4, BinaryOp, 5)
        .ins(4, BinaryOp, 13 + 8)
        .ins(4, BinaryOp, 40)
        .ins(4, CompareOp, 5)
        .ins(5, MakeFunction, 0)
        .ins(5, MakeFunction, 0x0f)
        .ins(5, FormatValue, 5)
        .ins(5, BuildTuple, 3)
        .ins(5, PopTop, 0)
        .build()
}

#[test]
fn every_arg_kind_renders_like_dis() {
    let want = "  1           0 LOAD_CONST               0 (None)
              2 LOAD_CONST               1 (False)
              4 LOAD_CONST               2 (-7)
              6 LOAD_CONST               3 (-123456789012345678901234567890)
              8 LOAD_CONST               4 (1e+16)
             10 LOAD_CONST               5 (\"it's\")
             12 LOAD_CONST               6 (())
             14 LOAD_CONST               7 (('a',))
             16 LOAD_CONST               8 ((1, (2.0, Ellipsis)))
             18 LOAD_CONST               9 (<code object inner at 0xADDR, file \"x.py\", line 3>)

  2          20 LOAD_CONST              99 (<index out of range>)
             22 KW_NAMES                 7
             24 LOAD_GLOBAL              1 (NULL + print)
             26 LOAD_GLOBAL              2 (attr)
             28 LOAD_ATTR                1 (attr)
             30 STORE_NAME               5 (<index out of range>)

  3          32 LOAD_FAST                0 (a)
             34 LOAD_CLOSURE             1 (c)
             36 LOAD_DEREF               2 (fr)
             38 COPY_FREE_VARS           1

  4          40 BINARY_OP                5 (*)
             42 BINARY_OP               21 (**=)
             44 BINARY_OP               40 (<index out of range>)
             46 COMPARE_OP               5 (>=)

  5          48 MAKE_FUNCTION            0
             50 MAKE_FUNCTION           15 (defaults, kwdefaults, annotations, closure)
             52 FORMAT_VALUE             5 (str, with format)
             54 BUILD_TUPLE              3
             56 POP_TOP

Disassembly of <code object inner at 0xADDR, file \"x.py\", line 3>:
";
    assert_eq!(normalize(&disassemble(&every_arg_kind())), want);
}

#[test]
fn records_carry_values_lines_and_relative_jumps() {
    let code = code("f", "f", 1)
        .ins(0, Nop, 0)
        .ins(2, JumpForward, 3)
        .ins(2, LoadGlobal, 1)
        .ins(3, ForIter, 0)
        .ins(2, JumpBackward, 3)
        .names(&["g"])
        .build();
    let infos = instructions(&code);
    let summary: Vec<_> = infos
        .iter()
        .map(|i: &InstrInfo| {
            (
                i.offset,
                i.arg,
                i.argval.as_str(),
                i.starts_line,
                i.is_jump_target,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (0, None, "", None, true),
            (2, Some(1), "6", Some(2), false),
            (4, Some(1), "g", None, false),
            (6, Some(-4), "0", Some(3), true),
            (8, Some(2), "6", Some(2), false),
        ]
    );
    assert_eq!(infos[2].argrepr, "NULL + g");
    assert_eq!(infos[3].argrepr, "to 0");
    assert_eq!(infos[0].opname, "NOP");
}

#[test]
fn line_zero_is_shown_only_on_resume() {
    let module = code("<module>", "<module>", 1)
        .ins(0, Resume, 0)
        .ins(0, PopTop, 0)
        .build();
    assert_eq!(instructions(&module)[0].starts_line, Some(0));
    assert_eq!(instructions(&module)[1].starts_line, None);
}

#[test]
fn exception_table_rows_show_the_last_covered_offset() {
    let code = code("f", "f", 1)
        .ins(1, Nop, 0)
        .ins(1, Nop, 0)
        .ins(1, PushExcInfo, 0)
        .ins(1, Reraise, 1)
        .handler(0, 2, 2, 0, false)
        .handler(2, 3, 3, 1, true)
        .build();
    let want = "  1           0 NOP
              2 NOP
        >>    4 PUSH_EXC_INFO
        >>    6 RERAISE                  1
ExceptionTable:
  0 to 2 -> 4 [0]
  4 to 4 -> 6 [1] lasti
";
    assert_eq!(disassemble(&code), want);
}

#[test]
fn line_column_is_omitted_without_lines_and_widened_past_999() {
    let no_lines = code("f", "f", 1).ins(0, Nop, 0).ins(0, PopTop, 0).build();
    assert_eq!(
        disassemble(&no_lines),
        "          0 NOP\n          2 POP_TOP\n"
    );
    let long = code("f", "f", 1).ins(1000, Nop, 0).build();
    assert_eq!(disassemble(&long), "1000           0 NOP\n");
}

#[test]
fn offset_column_widens_past_9998() {
    let mut b = code("f", "f", 1);
    for _ in 0..5001 {
        b = b.ins(1, Nop, 0);
    }
    let infos = instructions(&b.build());
    let layout = Layout::for_instructions(&infos);
    assert_eq!(
        layout,
        Layout {
            lineno_width: 3,
            offset_width: 5
        }
    );
    assert_eq!(
        format_instruction(&infos[5000], layout, false),
        "           10000 NOP"
    );
}

#[test]
fn current_instruction_gets_an_arrow() {
    let code = code("f", "f", 7)
        .ins(7, LoadFast, 0)
        .slots(&[("x", LOCAL)])
        .build();
    let infos = instructions(&code);
    let layout = Layout::for_instructions(&infos);
    assert_eq!(
        format_instruction(&infos[0], layout, true),
        "  7 -->       0 LOAD_FAST                0 (x)"
    );
}
