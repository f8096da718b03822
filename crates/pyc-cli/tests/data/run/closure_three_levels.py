# Three levels of nesting; the middle function only passes the variable through.
def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle

print(outer(100)(20)(3))

def top():
    secret = "s"
    def mid():
        def low():
            return secret * 3
        return low
    return mid

print(top()()())
m = top()
print(m.__code__.co_freevars, m().__code__.co_freevars)
print(top.__code__.co_cellvars, m.__code__.co_cellvars)

def level1(x):
    def level2():
        y = x * 2
        def level3():
            return x, y
        return level3
    return level2

print(level1(4)()())
