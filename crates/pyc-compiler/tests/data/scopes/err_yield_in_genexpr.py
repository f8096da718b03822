def f(x):
    return ((yield from i) for i in x)
