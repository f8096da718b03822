# List, dict and set comprehensions, including capturing enclosing variables.
def scale_all(values, factor):
    return [v * factor for v in values]

print(scale_all([1, 2, 3], 4))
print([x for x in range(10) if x % 3 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print({k: k * k for k in range(5)})
print(sorted({c for c in "mississippi"}))

def offsets(n):
    base = 100
    return {i: base + i for i in range(n)}

print(offsets(3))

def adders():
    return [lambda x, i=i: x + i for i in range(3)]

print([f(10) for f in adders()])

def late_adders():
    return [lambda x: x + i for i in range(3)]

print([f(10) for f in late_adders()])
x = "outer"
print([x for x in "ab"], x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
