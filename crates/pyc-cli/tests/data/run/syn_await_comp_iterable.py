# await in the outermost iterable is compiled in the plain def.
def f():
    return [x for x in await g()]
