# Augmented assignment on names, subscripts and attributes.
n = 10
n += 5
n -= 3
n *= 2
n //= 5
n **= 3
n %= 7
print(n)
s = "ab"
s *= 2
s += "!"
print(s)
xs = [1, 2, 3]
ys = xs
xs += [4]
print(xs, ys, xs is ys)
xs[0] += 100
xs[-1] *= 2
print(xs)
d = {"k": 1}
d["k"] += 1
d["k"] <<= 3
print(d)
grid = [[0, 0], [0, 0]]
grid[1][0] -= 7
print(grid)
def counter():
    return 0
counter.calls = 0
counter.calls += 1
counter.calls += 1
print(counter.calls)
f = 1.5
f /= 2
print(f)
b = 6
b &= 3
b |= 8
b ^= 1
b >>= 1
print(b)
