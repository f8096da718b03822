# Arity errors: missing and extra positional arguments, unexpected keyword.
def two(a, b):
    return a + b
def kw(x, *, flag=False):
    return x
def make():
    def inner(p):
        return p
    return inner
for call in [lambda: two(1), lambda: two(1, 2, 3), lambda: two(1, c=2),
             lambda: kw(), lambda: kw(1, 2), lambda: make()(), lambda: two(),
             lambda: two(1, a=1), lambda: (lambda: 0)(1)]:
    try:
        call()
    except TypeError as e:
        print(e)
two(1, 2, b=3)
