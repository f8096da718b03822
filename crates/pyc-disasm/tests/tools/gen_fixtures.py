"""Regenerates the CPython-derived fixtures of pyc-disasm's tests (run by hand, never by
`cargo test`): `python3 tests/tools/gen_fixtures.py && cargo fmt -p pyc-disasm` from
crates/pyc-disasm.

For each tests/data/NAME.py it compiles the file with CPython 3.11 as "x.py", drops what
pyc's bytecode does not have (CACHE entries and PRECALL), renumbers offsets and jump
arguments, and writes
  - tests/suite/fixtures.rs: one `pub fn NAME() -> Rc<CodeObject>` per file, building the
    same code objects with the test builder, and
  - tests/data/NAME.dis: the expected text, laid out by CPython's own
    `dis.Instruction._disassemble`, with code object addresses written `0xADDR`.
"""
import dis
import pathlib
import re
import sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"

ROOT = pathlib.Path(__file__).resolve().parents[2]
OPCODE_RS = ROOT.parent / "pyc-bytecode/src/opcode.rs"
VARIANTS = dict(
    (name, variant)
    for variant, name in re.findall(r'^\s*(\w+) = "([A-Z_]+)", \w+;', OPCODE_RS.read_text(), re.M)
)
DROPPED = {"CACHE", "PRECALL"}
BACKWARD = {"JUMP_BACKWARD", "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE"}


def kept(code):
    return [i for i in dis.get_instructions(code) if i.opname not in DROPPED]


def new_index(instrs):
    """Old byte offset -> new instruction index (also for offsets of dropped ones)."""
    index = {}
    for n, ins in enumerate(instrs):
        index[ins.offset] = n
    return index


def remapped_table(code, instrs):
    index = new_index(instrs)
    offsets = sorted(index)

    def at_or_after(off):
        return next((index[o] for o in offsets if o >= off), len(instrs))

    return [
        (at_or_after(e.start), at_or_after(e.end), index[e.target], e.depth, e.lasti)
        for e in dis._parse_exception_table(code)
    ]


def jump_target(ins, index):
    return index[ins.argval]


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def rust_const(c):
    if c is None:
        return "Constant::None"
    if c is ...:
        return "Constant::Ellipsis"
    if isinstance(c, bool):
        return f"Constant::Bool({str(c).lower()})"
    if isinstance(c, int):
        if -(2**63) <= c < 2**63:
            return f"Constant::Int({c})"
        return f'Constant::BigInt({rust_str(str(c))}.parse().unwrap())'
    if isinstance(c, float):
        return f"Constant::Float({c!r}_f64)"
    if isinstance(c, str):
        return f"s({rust_str(c)})"
    if isinstance(c, tuple):
        return "tuple(vec![" + ", ".join(rust_const(x) for x in c) + "])"
    if hasattr(c, "co_code"):
        return f"Constant::Code({rust_code(c)})"
    raise TypeError(c)


def slots(code):
    names = list(code.co_varnames)
    names += [c for c in code.co_cellvars if c not in names]
    names += list(code.co_freevars)
    out = []
    for n in names:
        kind = []
        if n in code.co_varnames:
            kind.append("LOCAL")
        if n in code.co_cellvars:
            kind.append("CELL")
        if n in code.co_freevars:
            kind.append("FREE")
        out.append(f"({rust_str(n)}, {' | '.join(kind)})")
    return out


def rust_code(code):
    instrs = kept(code)
    index = new_index(instrs)
    parts = [f"code({rust_str(code.co_name)}, {rust_str(code.co_qualname)}, {code.co_firstlineno})"]
    parts.append(f".args({code.co_argcount})")
    parts.append(".slots(&[" + ", ".join(slots(code)) + "])")
    parts.append(".names(&[" + ", ".join(rust_str(n) for n in code.co_names) + "])")
    parts.append(".consts(vec![" + ", ".join(rust_const(c) for c in code.co_consts) + "])")
    for ins in instrs:
        if ins.opname not in VARIANTS:
            raise SystemExit(f"{ins.opname} is not a pyc opcode")
        line = ins.positions.lineno or 0
        arg = ins.arg or 0
        if ins.opcode in dis.hasjrel:
            arg = jump_target(ins, index)
        parts.append(f".ins({line}, {VARIANTS[ins.opname]}, {arg})")
    for start, end, target, depth, lasti in remapped_table(code, instrs):
        parts.append(f".handler({start}, {end}, {target}, {depth}, {str(lasti).lower()})")
    parts.append(".build()")
    return "\n".join(parts)


def expected(code, out):
    instrs = kept(code)
    index = new_index(instrs)
    labels = set()
    rows = []
    for n, ins in enumerate(instrs):
        arg, argval, argrepr = ins.arg, ins.argval, ins.argrepr
        if ins.opcode in dis.hasjrel:
            target = jump_target(ins, index)
            arg = (n + 1 - target) if ins.opname in BACKWARD else (target - n - 1)
            argval, argrepr = 2 * target, f"to {2 * target}"
            labels.add(target)
        if ins.opname == "LOAD_CONST" and hasattr(argval, "co_code"):
            argrepr = re.sub(r"0x[0-9a-f]+", "0xADDR", argrepr)
        rows.append(ins._replace(offset=2 * n, arg=arg, argval=argval, argrepr=argrepr))
    table = remapped_table(code, instrs)
    labels |= {t for _, _, t, _, _ in table}
    rows = [r._replace(is_jump_target=(r.offset // 2) in labels) for r in rows]
    lines = [r.starts_line for r in rows if r.starts_line is not None]
    lineno_width = (max(3, len(str(max(lines)))) if lines else 0)
    offset_width = max(4, len(str(2 * (len(rows) - 1))))
    for r in rows:
        if lineno_width and r.starts_line is not None and r.offset > 0:
            out.append("")
        out.append(r._disassemble(lineno_width, False, offset_width))
    if table:
        out.append("ExceptionTable:")
        for start, end, target, depth, lasti in table:
            tail = " lasti" if lasti else ""
            out.append(f"  {2 * start} to {2 * (end - 1)} -> {2 * target} [{depth}]{tail}")
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            out.append("")
            out.append(re.sub(r"0x[0-9a-f]+", "0xADDR", f"Disassembly of {c!r}:"))
            expected(c, out)


def main():
    fns = []
    for py in sorted((ROOT / "tests/data").glob("*.py")):
        code = compile(py.read_text(), "x.py", "exec")
        out = []
        expected(code, out)
        py.with_suffix(".dis").write_text("\n".join(out) + "\n")
        fns.append(f"/// Built from `tests/data/{py.name}`.\npub fn {py.stem}() -> Rc<CodeObject> {{\n{rust_code(code)}\n}}\n")
    header = (
        "//! GENERATED by `tests/tools/gen_fixtures.py` from `tests/data/*.py`; do not edit.\n\n"
        "use std::rc::Rc;\n\nuse pyc_bytecode::fast_kind::{CELL, FREE, LOCAL};\n"
        "use pyc_bytecode::{CodeObject, Constant, Opcode::*};\n\n"
        "use crate::support::{code, s, tuple};\n\n"
    )
    (ROOT / "tests/suite/fixtures.rs").write_text(header + "\n".join(fns))


main()
