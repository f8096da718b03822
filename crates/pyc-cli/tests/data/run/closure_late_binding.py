# Late binding: closures see the variable's final value; default arguments freeze it.
def late():
    fs = []
    for i in range(4):
        fs.append(lambda: i)
    return [f() for f in fs]

def early():
    fs = []
    for i in range(4):
        fs.append(lambda i=i: i)
    return [f() for f in fs]

print(late())
print(early())

def rebind():
    x = "before"
    def show():
        return x
    x = "after"
    return show

print(rebind()())

def rebind_twice():
    x = 1
    f = lambda: x
    r = [f()]
    x = 2
    r.append(f())
    x = x * 10
    r.append(f())
    return r

print(rebind_twice())
