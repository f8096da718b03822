# Tuples: reprs, indexing, comparison, as keys.
t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[:2], t[::-1])
print((), (1,), ((1, 2), (3,)), tuple([4, 5]), tuple("ab"))
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 2, 0), (2,) > (1, 9))
print(t.index("two"), (1, 1, 2).count(1), 3.0 in t)
grid = {(0, 0): "origin", (1, 2): "p"}
print(grid[(1, 2)], grid[0, 0])
a = 1, 2
print(type(a).__name__, a)
print(hash((1, 2)) == hash((1, 2)))
