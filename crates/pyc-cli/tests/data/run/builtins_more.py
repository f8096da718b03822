# abs, min, max, sum, isinstance, id, sorted, enumerate, zip, round, divmod.
print(abs(-3), abs(2.5), abs(-0))
print(min(3, 1, 2), max([4, 9, 2]), min("hello"), max("a", "bb", key=len))
print(sum([1, 2, 3]), sum([]), sum([0.5, 0.25]), sum(range(101)))
print(isinstance(1, int), isinstance("s", str), isinstance(1.0, int), isinstance(True, int))
print(isinstance([], (tuple, list)), isinstance({}, dict))
a = [1]
print(id(a) == id(a), id(a) == id([1]))
print(sorted([3, 1, 2]), sorted("cba"), sorted([("b", 2), ("a", 3)]), sorted([1, 2, 3], reverse=True))
print(list(enumerate("ab")), list(enumerate("ab", 1)))
print(list(zip([1, 2, 3], "ab")), list(zip()))
for i, (x, y) in enumerate(zip("pq", [10, 20])):
    print(i, x, y)
print(round(3.7), round(-3.5), round(2.5), round(1.23456, 2), round(17, -1))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
