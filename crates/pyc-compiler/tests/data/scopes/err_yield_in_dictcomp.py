def f(x):
    return {i: (yield) for i in x}
