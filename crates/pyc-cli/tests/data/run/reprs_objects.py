# Reprs of functions, cells, builtins and types (addresses are masked in the golden).
def outer():
    v = 42
    def inner():
        return v
    return inner

f = outer()
print(outer)
print(f)
print(f.__closure__[0])
print(repr(lambda: 1))
print(print, len)
print(type(1), type("s"), type([]), type({}), type(()), type(None), type(f))
print(type(f.__closure__[0]), type(1.5), type(True))
print(repr(None), repr(True), repr(...))
