# await in a plain def.
def f(x):
    return await x
