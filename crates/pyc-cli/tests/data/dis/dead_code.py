# Code under constant conditions: dead branches, loops that never run, asserts that
# always hold or always fail, and code after return, raise, break and continue.
if False:
    print("never")
if 0:
    print("never")
if True:
    print("always")
else:
    print("never")
while 0:
    print("never")
while False:
    pass
else:
    print("else")
if "":
    x = 1
elif ():
    x = 2
elif None:
    x = 3
else:
    x = 4
assert True
assert 1, "msg"
assert False, "boom" if x else "bam"
def f(a):
    return a
    print("unreachable")
def g(a):
    if a:
        return 1
    else:
        return 2
    print("unreachable")
def h():
    while True:
        if f(1):
            break
    for i in range(3):
        continue
        print("x")
    raise ValueError
    print("after raise")
def k(x):
    while 1:
        x += 1
        if x > 10:
            return x
def m(x):
    if x and True:
        return 1
    if x or False:
        return 2
    if not True:
        return 3
    return 4 if False else 5
x = 1 if 0 else 2
y = 3 and x
z = 0 or x
