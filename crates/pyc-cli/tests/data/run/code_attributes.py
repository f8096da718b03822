# Code object attributes and function names.
def outer(p, q=1):
    cell_a = p
    local_b = q
    def inner(r):
        s = r + cell_a
        return s + p
    return inner

print(outer.__code__.co_varnames)
print(outer.__code__.co_cellvars)
print(outer.__code__.co_freevars)
inner = outer(1)
print(inner.__code__.co_varnames)
print(inner.__code__.co_cellvars)
print(inner.__code__.co_freevars)
print(outer.__code__.co_name, outer.__code__.co_qualname)
print(inner.__code__.co_name, inner.__code__.co_qualname)
print(outer.__name__, outer.__qualname__)
print(inner.__name__, inner.__qualname__)
lam = lambda: 0
print(lam.__name__, lam.__qualname__)

def maker():
    return lambda y: y
print(maker().__qualname__, maker().__code__.co_varnames)
