class D:
    def __get__(self, obj, t): return ("get", obj is not None, t.__name__)
class DD(D):
    def __set__(self, obj, v): obj.__dict__["seen"] = v
    def __delete__(self, obj): obj.__dict__["deleted"] = True
class C:
    x = D()
    y = DD()
c = C()
print(c.x, C.x)
c.y = 5
print(c.y, c.__dict__)
del c.y
print(c.__dict__)
c.__dict__["x"] = "inst"
c.__dict__["y"] = "inst"
print(c.x, c.y)


class Counter:
    """A data descriptor keeping a per-instance count in a closure-made store."""

    def __init__(self):
        store = {}

        def get(obj):
            return store.get(id(obj), 0)

        def bump(obj, n):
            store[id(obj)] = get(obj) + n
        self.get, self.bump = get, bump

    def __get__(self, obj, owner=None):
        return self if obj is None else self.get(obj)

    def __set__(self, obj, value):
        self.bump(obj, value)


class Account:
    deposits = Counter()


a, b = Account(), Account()
a.deposits = 5
a.deposits = 7
b.deposits = 1
print(a.deposits, b.deposits, type(Account.deposits).__name__)
cm = classmethod(lambda cls: cls.__name__)
sm = staticmethod(lambda x: x * 2)
print(sm(21), cm.__func__ is cm.__wrapped__, sm.__name__, sm.__isabstractmethod__)


class WithCm:
    who = cm
    twice = sm
    nested = classmethod(classmethod(lambda cls: cls.__name__))


print(WithCm.who(), WithCm().twice(4), WithCm.nested())
try:
    del a.deposits
except AttributeError as e:
    print("AttributeError", e)
