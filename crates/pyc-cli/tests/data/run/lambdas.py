# Lambdas with defaults, closures, and as arguments.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(9), add(1), add(1, 2))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
print(sorted([3, -1, 2, -5], key=lambda v: abs(v)))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
k = 7
get_k = lambda: k
k = 8
print(get_k())
print((lambda *args, **kw: (args, kw))(1, 2, a=3))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
