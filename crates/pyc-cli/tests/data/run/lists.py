# Lists: methods, slicing, reprs and nesting.
xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(xs, len(xs), xs[2], xs[-1], xs[2:5], xs[::-2])
xs.append(7)
xs.extend([8, 8])
print(xs.pop(), xs.pop(0), xs.index(9), xs.count(1))
xs.insert(1, 100)
xs.remove(1)
print(xs)
xs.sort()
print(xs)
xs.reverse()
print(xs, sorted(xs, reverse=True)[:3])
ys = xs[:]
ys[0] = "changed"
print(xs[0], ys[0])
xs[1:3] = ["a", "b", "c"]
print(xs)
del xs[0]
del xs[-2:]
print(xs)
print([1, [2, [3, []]]], [] == [], [1, 2] < [1, 3], [0] * 3 + [1])
print(list("abc"), list(range(3)), 5 in xs, "a" in xs)
nested = [[0] * 2 for _ in range(2)]
nested[0][1] = 9
print(nested, [None, True, "s", 1.5])
