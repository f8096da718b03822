# Tuple unpacking, swaps, starred unpacking.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
h, *mid, t = "abcde"
print(h, mid, t)
one, *empty = [1]
print(one, empty)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
print([*range(3), *"ab"], (*[1, 2], 3))
print({**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(4,), k=1, **{"m": 2}))
i = j = 0
i += 1
print(i, j)
