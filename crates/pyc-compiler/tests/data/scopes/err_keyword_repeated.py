def f(g):
    return g(a=1,
             a=2)
