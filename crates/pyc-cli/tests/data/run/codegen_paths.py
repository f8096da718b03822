# Instruction sequences that only some programs produce must run as in CPython:
# POP_JUMP_*_IF_NONE both ways, yield from's no-interrupt back edge, constant-key
# maps, maps and lists built item by item past 30 values, ''.join for long f-strings,
# CALL_FUNCTION_EX for calls past 30 arguments, and the `for y in [x]` idiom.
def none_jumps(items):
    out = []
    i = 0
    while items[i] is not None:
        out.append(items[i])
        i += 1
    while items[i] is None:
        i += 1
    if items[i] is None or items[-1] is not None:
        out.append("tail")
    return out, i
print(none_jumps([1, 2, None, None, 3, None]))
def gen():
    yield from range(3)
    x = yield from (i * 2 for i in range(2))
    return x
print(list(gen()))
print({"a": 1, "b": 2, "a": 3}, dict(k=1, **{"j": 2}))
big = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11, 12: 12, 13: 13, 14: 14, 15: 15, 16: 16, 17: 17}
print(len(big), big[17])
v = 5
many = [v, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]
print(len(many), many[0], many[-1], (v, *many)[1])
print(f"{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}-{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}{v}")
def count(*args, **kwargs):
    return len(args), len(kwargs)
print(count(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30))
print(count(a0=0, a1=1, a2=2, a3=3, a4=4, a5=5, a6=6, a7=7, a8=8, a9=9, a10=10, a11=11, a12=12, a13=13, a14=14, a15=15))
print([y for x in range(4) for y in [x * x] if y % 2 == 0])
print([(x, y) for x in range(2) for y in (x,)])
def swaps(a, b, c):
    a, b = b, a
    a, b, c = c, a, b
    return a, b, c
print(swaps(1, 2, 3))
def finally_return(flag):
    try:
        if flag:
            return "early"
    finally:
        print("cleanup", flag)
    return "late"
print(finally_return(True), finally_return(False))
def loop_else(n):
    for i in range(n):
        if i == 2:
            break
    else:
        return "no break"
    return "broke at %s" % (i,)
print(loop_else(1), loop_else(5))
print(not (1 is None), not (1 in [2]), [i for i in range(6) if i > 1 and i != 3 or i == 0])
