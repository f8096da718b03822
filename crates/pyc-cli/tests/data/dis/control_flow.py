# try/except/finally with return, break and continue; chained comparisons and boolean
# operators as conditions; `is None` tests; swaps and unpacking; generators and lambdas.
def f1(x):
    try:
        return x
    finally:
        print("f")
def f2(x):
    for i in x:
        try:
            if i:
                break
            continue
        finally:
            print(i)
    else:
        return 3
    return 4
def f3(x):
    try:
        x()
    except ValueError as e:
        return e
    except (TypeError, KeyError):
        pass
    except:
        raise
    else:
        return 1
    finally:
        x = None
    return 2
def f4(a, b, c):
    if a < b < c:
        return 1
    while a < b <= c:
        a += 1
    if a is None:
        return 2
    if a is not None and b is None:
        return 3
    if not a is None:
        return 4
    if not (a in b):
        return 5
    if (a if b else c):
        return 6
    x = not (a is b)
    y = a or b and c
    if a and (b or c):
        return 7
    return a < b < c
def f5(a, b):
    a, b = b, a
    a, b, c = b, a, 1
    [a, b] = b, a
    a, *b = 1, 2, 3
    x = y = z = a
    a[0], b.c = b, a
    a += 1
    a.b += 2
    a[b] -= 3
    del a, b[0], b.c
    return x
def f6():
    yield 1
    yield from range(3)
    x = yield
    return x
g = lambda: (yield)
h = lambda x=1, *, y=2: x + y
def f7(a=1, b=(1, 2), *args, c=[], d={"k": 1}, **kw):
    return [i for i in a if i if not i], {i: j for i, j in b}, {i for i in c}, (i for i in d)
def f8(x):
    while x:
        try:
            x -= 1
        except:
            continue
        else:
            break
    return x
def f9(x):
    try:
        pass
    finally:
        return x
def f10(x):
    with_ = 1
    for a in x:
        for b in a:
            if b:
                return b
    return None
def f11():
    try:
        try:
            return 1
        except E:
            return 2
    finally:
        return 3
def f12(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        total += i
    else:
        total = -total
    return total
def f13(s):
    while any(t.busy() for t in s):
        s = [t for t in s
             if t and t != 1]
    try:
        return s
    finally:
        cleanup = lambda: [c for c in s]
        cleanup()
def f(s, p):
    assert (not s or
            p is not s[0])
    assert s, (
        "m")
    return 1
def g(F, o):
    F(o,
      h=2).grid(r=8,
                c=3)
    o.m(1,
      a=2)
