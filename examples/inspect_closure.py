# Inspecting closures: a function's __closure__ is a tuple of cells, one per
# name in __code__.co_freevars; the enclosing function lists the same names
# in co_cellvars. Sibling closures from one call share the very same cell
# objects; closures from different calls get different cells.

def make_pair(value):
    def get_value():
        return value
    def set_value(new):
        nonlocal value
        value = new
    return get_value, set_value

get1, set1 = make_pair("first")
get2, set2 = make_pair("second")

print("cellvars of make_pair:", make_pair.__code__.co_cellvars)
print("freevars of get_value:", get1.__code__.co_freevars)
print("freevars of set_value:", set1.__code__.co_freevars)
print("closure length:", len(get1.__closure__))
print("cell contents:", get1.__closure__[0].cell_contents)

print("siblings share the cell:", get1.__closure__[0] is set1.__closure__[0])
print("different calls share the cell:", get1.__closure__[0] is get2.__closure__[0])
print("same code object:", get1.__code__ is get2.__code__)

set1("changed")
print("after set1:", get1(), get2())
print("cell now holds:", get1.__closure__[0].cell_contents)

def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    return middle

inner = outer()()
print("outer cellvars:", outer.__code__.co_cellvars)
print("middle passes x through:", outer().__code__.co_freevars)
print("inner freevars:", inner.__code__.co_freevars, inner())
print("plain function has no closure:", outer.__closure__ is None)
