f()
f(a, b)
f(a, k=1, *args, **kwargs)
f(*a, *b, k=1, **c, **d)
f(x for x in y)
sum(x * 2 for x in range(10) if x if x > 1)
a[1]
a[1:2]
a[::2]
a[:]
a[1:]
a[:-1]
a[1:2:3]
a[1, 2]
a[1:2, ::3]
a[i,]
()
(1,)
(1, 2)
(1, 2,)
(x)
[]
[1, 2, 3,]
[*a, *b]
{}
{1: 2, 'a': b}
{**d, 'k': 1, **e}
{1, 2}
{*a, 1}
[x for x in y]
[x for x in y if x for z in x if z]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[(a, b) for a, b in pairs]
(y := 10)
[y := f(x), y**2]
if (n := len(a)) > 10: pass
x = *a, *b
print(*args, sep='')
a.b
a.b.c
f(a)(b)(c)
x = [1,
     2,
     3]
y = (1 +
     2)
z = 1 + \
    2
[lambda: x for x in y]
lambda *a, **k: 0
lambda *, k: k
a if b else lambda: c
not not x
- - x
2 ** -x ** 2
a < b < c
(yield)
