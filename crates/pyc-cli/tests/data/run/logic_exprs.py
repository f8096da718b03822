# Chained comparisons, and/or values, conditional expressions, truthiness.
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 <= 1 < 2 <= 2)
print(0 or "default", "" or [] or None, 3 and 4, 0 and 1 / 0, [] and "never")
print(not 0, not [1], not "", None is None, 1 is not None)
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
def side(v):
    print("eval", v)
    return v
print(side(1) < side(2) < side(0) < side(3))
print(side(0) or side(2) or side(3))
print(bool(0.0), bool("0"), bool({}), bool((0,)), bool(None))
print(x in [1, 5], x not in (5,), 2 < 3 != 3)
