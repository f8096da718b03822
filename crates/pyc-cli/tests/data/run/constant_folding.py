# Values the compiler folds at compile time must be the values CPython computes, and
# the operations it leaves to run time must still run (and raise) as in CPython.
print(2 * 3, 7 // 2, 7 % 3, -7 // 2, -7 % 3, 2 ** 10, 2 ** -1, 1 / 4, 10 / 5, 3 - 5)
print(1 << 4, 256 >> 3, -256 >> 3, 6 & 3, 6 | 3, 6 ^ 3, ~5, -(-5), +7, not 0, not 1)
print(1.5 + 2, 2.5 * 2, 7.5 // 2, -7.5 % 2, 7.5 % -2, -7.5 // 2, 2.0 ** 0.5, 1e308 * 10)
print(-0.0 // 1, 0.0 % -3, -1e-300 % 1, 5 // 0.5, 1.5 % 0.1)
print("ab" + "cd", "ab" * 3, 3 * "ab", (1, 2) + (3,), (1, 2) * 2, "abc"[1], "abc"[-1])
print((1, 2, 3)[0], "abc"[True], "ñandú"[1], "ñandú"[-1], ("a", ("b", 2))[1])
print(True + True, True * 3, True & False, True | False, True ^ True, -True, ~True)
print(True << 3, False ** 0, 0 ** 0, 0.0 ** 0, (-2) ** 3, (-2.0) ** 3, (-2) ** -2)
print(10 ** 30 / 7, 2 ** 64, 2 ** 63 - 1, -2 ** 63, (1 << 64) * (1 << 64), 3 ** 80)
print((2 ** 53 + 1) / 1, (10 ** 20 + 1) / 3, -(10 ** 25) // 7, -(10 ** 25) % 7)
print(1 << 127, 255 >> 100, -255 >> 100, 12345678901234567890 & 0xFFFF)
print(len("x" * 4096), len("ab" * 2048), len("x" * 4097), len((1,) * 256), len((1,) * 257))
print(len(((1, 2, 3, 4),) * 300), "x" * -1, () * 5, (1, 2) * 0, "" * 10)
print(__debug__, not __debug__, f"abc", f"", 1 - 1.0, 1e16, 1e-5, 2.5e-3)
for v in {3, 1, 2}:
    print(v, end=" ")
for v in {10, 2, 33, 8}:
    print(v, end=" ")
for v in [1, 2, 3]:
    print(v, end=" ")
print()
print(5 in {1, 2, 5}, 4 in [1, 2], not 3 in {3}, 2.0 in {1, 2}, "b" not in ("a", "b"))
print({1: "a", 2: "b"}, {"x": 1, **{"y": 2}, "z": 3}, {1 + 1: 2, -1: -1, (1, 2): "t"})
print([1, 2, 3], {1, 2, 3}, [*"ab", 1, 2, 3], (1, *[2, 3]))
def refused():
    values = []
    try:
        values.append(1 / 0)
    except ZeroDivisionError as e:
        values.append(str(e))
    try:
        values.append(1 << -1)
    except ValueError as e:
        values.append(str(e))
    try:
        values.append(0.0 ** -1)
    except ZeroDivisionError as e:
        values.append(str(e))
    try:
        values.append(1 % 0)
    except ZeroDivisionError as e:
        values.append(str(e))
    try:
        values.append("abc"[5])
    except IndexError as e:
        values.append(str(e))
    try:
        values.append("a" - "b")
    except TypeError as e:
        values.append(str(e))
    return values
print(refused())
if 0:
    print("never")
while False:
    print("never")
if True:
    print("always")
else:
    print("never")
assert True
try:
    assert False, "boom"
except AssertionError as e:
    print("assert:", e)
def after_return():
    return "returned"
    print("never")
print(after_return())
