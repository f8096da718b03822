-2**2
2**-1
2**3**2
a + b * c - d / e // f % g @ h
a << b + 1 >> c
a | b ^ c & d
not a == b
a or b and not c
0 < a <= b == c != d > e >= f
a is not b is c
a not in b in c
x if c else y if d else z
~a + -b * +c
(a + b) * c
lambda: 0
lambda x, y=1, *a, k, m=2, **kw: x
(-1) ** 2
a.b.c(d)[e].f
