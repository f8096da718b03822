//! pyc-disasm's integration tests, one binary: expected output comes from CPython 3.11
//! (`tests/data/*.dis`, made by `tests/tools/gen_fixtures.py`) or is written by hand.

mod closures;
mod disasm;
mod fixtures;
mod support;
