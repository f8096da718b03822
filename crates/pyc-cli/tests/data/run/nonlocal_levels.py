# nonlocal through two levels, nonlocal versus global, and shadowing.
x = "global x"

def outer():
    x = "outer x"
    def middle():
        def inner():
            nonlocal x
            x = "set by inner"
        inner()
        return x
    r = middle()
    return r, x

print(outer())
print(x)

def uses_global():
    global x
    x = "changed global"

def uses_nonlocal():
    x = "local to uses_nonlocal"
    def f():
        nonlocal x
        x = "nonlocal changed"
    f()
    return x

print(uses_nonlocal(), "|", x)
uses_global()
print(x)

def shadow():
    v = 1
    def inner():
        v = 2
        def innermost():
            nonlocal v
            v += 10
            return v
        return innermost(), v
    return inner(), v

print(shadow())
