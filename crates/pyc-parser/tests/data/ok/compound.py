if a:
    pass
elif b:
    x = 1
elif c: y = 2
else:
    z = 3

while x:
    x -= 1
    if x: break
    continue
else:
    done()

for i in range(10):
    print(i)
for k, v in d.items(): pass
for (a, b), c in z:
    pass
else:
    pass

try:
    f()
except ValueError as e:
    g(e)
except (TypeError, KeyError):
    pass
except:
    raise
else:
    ok()
finally:
    cleanup()

try:
    pass
finally:
    pass

def f(a, b=1, *args, c, d=2, **kw):
    nonlocal_thing = 1
    return a

def g(*, k): return k
def h(a, /, b): pass

@dec
@dec2(1)
def decorated():
    def inner():
        nonlocal x
        yield x
        yield from y
    return inner

@cls_dec
class C(Base, metaclass=Meta):
    attr = 1
    def method(self):
        return self.attr

class D: pass

class E():
    pass
def annotated(x: int, *a: str, **k: float) -> int:
    return x
