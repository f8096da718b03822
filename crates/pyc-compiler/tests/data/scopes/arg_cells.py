def outer(b, a, c=3, *rest, k, **kw):
    z = 1
    y = 2
    unused = 0
    def inner():
        return a + b + z + y + k + len(rest) + len(kw)
    return inner, unused
