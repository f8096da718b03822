//! `closure_report` on CPython-shaped code objects.

use crate::support::code;
use pyc_bytecode::fast_kind::{CELL, FREE, LOCAL};
use pyc_bytecode::{Constant, Opcode::*};
use pyc_disasm::closure_report;

#[test]
fn three_levels_pass_through_the_middle() {
    let want = "<module>
  (no cells or free variables)

outer
  cell x (captured by middle, inner)

outer.<locals>.middle
  free x -> cell of outer

outer.<locals>.middle.<locals>.inner
  free x -> cell of outer (passed through middle)
";
    assert_eq!(closure_report(&crate::fixtures::passthrough()), want);
}

#[test]
fn parameter_cell_and_sibling_code_objects() {
    let want = "<module>
  (no cells or free variables)

outer
  cell x (captured by inner)

outer.<locals>.inner
  free x -> cell of outer
";
    assert_eq!(closure_report(&crate::fixtures::closure()), want);
}

#[test]
fn nonlocal_counter_reports_its_cell() {
    let report = closure_report(&crate::fixtures::counter());
    assert!(report.contains("make_counter\n  cell count (captured by increment)\n"));
    assert!(
        report.contains("make_counter.<locals>.increment\n  free count -> cell of make_counter\n")
    );
}

#[test]
fn free_variable_without_enclosing_cell_is_unresolved() {
    let inner = code("inner", "outer.<locals>.inner", 2)
        .slots(&[("y", FREE), ("z", FREE)])
        .build();
    let outer = code("outer", "outer", 1)
        .slots(&[("y", LOCAL), ("unused", CELL)])
        .consts(vec![Constant::Code(inner)])
        .ins(1, Resume, 0)
        .build();
    let want = "outer
  cell unused (not captured)

outer.<locals>.inner
  free y -> unresolved (no enclosing cell)
  free z -> unresolved (no enclosing cell)
";
    assert_eq!(closure_report(&outer), want);
}
