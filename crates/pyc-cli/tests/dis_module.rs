//! The `dis` module inside a running program prints what `pyc-dis` prints: a function's
//! listing from `dis.dis(f)` is the section of `pyc-dis FILE` for that function's code.

mod common;

use std::path::PathBuf;

use common::{Run, PYC_DIS, PYC_RUN};

const PROGRAM: &str = "\
def f(items, limit=3):
    total = 0
    for i, x in enumerate(items):
        if i >= limit:
            break
        try:
            total += x * 2
        except TypeError:
            total = -1
    return total


class Shape:
    def area(self):
        return self.w * self.h


import dis
import sys
which = sys.argv[1]
if which == 'f':
    dis.dis(f)
elif which == 'code':
    dis.dis(f.__code__)
else:
    dis.dis(Shape.area)
";

/// The body of the `Disassembly of <code object NAME ...>:` section of a listing.
fn section<'a>(listing: &'a str, name: &str) -> &'a str {
    let header = format!("Disassembly of <code object {name} at ");
    let start = listing.find(&header).expect("the code object's section");
    let body = &listing[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    match body.find("\nDisassembly of ") {
        Some(end) => &body[..end],
        None => body,
    }
}

#[test]
fn dis_dis_prints_the_pyc_dis_listing() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pyc-dis-module");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("prog.py");
    std::fs::write(&path, PROGRAM).unwrap();
    let path = path.to_str().unwrap();
    let listing = Run::new(PYC_DIS, &[path]).output();
    assert_eq!(listing.code, Some(0), "{}", listing.stderr);
    for (which, name) in [("f", "f"), ("code", "f"), ("method", "area")] {
        let out = Run::new(PYC_RUN, &[path, which]).output();
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert_eq!(
            out.stdout,
            section(&listing.stdout, name),
            "dis.dis({which})"
        );
    }
}
