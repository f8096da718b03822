import dis


def add(a, b):
    return a + b


def outer(n):
    def inner(k):
        return n * k
    return inner


print(dis.opmap["LOAD_FAST"], dis.opmap["RETURN_VALUE"], dis.opname[124], dis.opname[83])
print(dis.cmp_op, dis.HAVE_ARGUMENT, 100 in dis.hasconst, dis.opmap["LOAD_DEREF"] in dis.hasfree)
for ins in dis.get_instructions(add):
    print(ins.opname, ins.opcode, ins.arg, repr(ins.argval), repr(ins.argrepr), ins.starts_line, ins.is_jump_target, ins.positions)
first = next(dis.get_instructions(add))
print(first.opname, first.offset, first == first, len(first))
print([i.opname for i in dis.get_instructions(outer)])
print([(i.opname, i.argval) for i in dis.get_instructions(outer(2)) if i.opname.startswith("LOAD")])
print([i.argval for i in dis.get_instructions("x = 1; y = x < 2") if i.opname in ("LOAD_CONST", "COMPARE_OP", "STORE_NAME")])
print("\n".join(l for l in dis.code_info(outer).splitlines() if not l.startswith(("Filename", "   1: <code"))))
print(dis.code_info(add).splitlines()[0])
print(dis.pretty_flags(0x23))
try:
    dis.dis(42)
except TypeError as e:
    print("TypeError", e)
