# The with statement: items, targets, the parenthesised form, unwinding through __exit__.
with open_thing() as f:
    data = f.read()
with a, b as c, d:
    pass
with (a as b, c as d,):
    x = b + d
with (
    a as b,
    c as d
):
    pass
def gen(m):
    with m as v:
        yield v
        yield from v
    with m:
        return
def closure(m):
    with m as x:
        def inner():
            return x
    return inner
def tryin(m):
    try:
        with m as x:
            raise ValueError
    except ValueError:
        pass
    finally:
        with m:
            return 5
def loops(m):
    while m:
        with m:
            with m as n:
                if n:
                    continue
                break
    for i in m:
        try:
            with m:
                return i
        finally:
            print(i)
    with m as self.x, m as d[k], m as (a, *b):
        pass
class C:
    with m as __private:
        pass
def handler(m):
    try:
        pass
    except E as e:
        with m:
            return e
def ret(m):
    with m:
        return m()
    with m:
        with m:
            return
async_ = 1
with a:
    with b:
        with c:
            pass
