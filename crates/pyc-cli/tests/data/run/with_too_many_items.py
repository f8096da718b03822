# Each with item is a block: twenty of them inside a loop are too many.
def f():
    for x in y:
        with a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t:
            pass
