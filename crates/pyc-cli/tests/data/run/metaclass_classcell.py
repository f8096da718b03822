# The __class__ cell: __classcell__ in the namespace a metaclass sees, set by
# type.__new__ (before a metaclass's mro() runs), checked after the metaclass returns.


def attempt(make):
    try:
        make()
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Snapshot(type):
    def __new__(mcls, name, bases, ns):
        Snapshot.seen = dict(ns)
        return super().__new__(mcls, name, bases, ns)


class Without(metaclass=Snapshot):
    def f(self):
        return 1


print("__classcell__" in Snapshot.seen)


class With(metaclass=Snapshot):
    def f(self):
        return __class__

    def g(self):
        return super().__repr__()[:15]


cell = Snapshot.seen["__classcell__"]
print(type(cell).__name__, cell is With.f.__closure__[0], cell.cell_contents is With)
print(With().f() is With, With().g(), "__classcell__" in With.__dict__)


class EarlyUse(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        print("usable in __new__:", cls.probe() is cls)
        return cls


class Probed(metaclass=EarlyUse):
    @classmethod
    def probe(cls):
        return __class__


class Ordering(type):
    def mro(cls):
        print("mro sees", cls.__dict__["who"]().__name__)
        return super().mro()


class Ordered(metaclass=Ordering):
    def who():
        return __class__


class Deferred(type):
    def __new__(mcls, name, bases, ns):
        Deferred.ns = ns
        return None


class Nothing(metaclass=Deferred):
    @staticmethod
    def f():
        return __class__


print(Nothing)
Later = type("Later", (), Deferred.ns)
print(Later.f() is Later)


class Dropping(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)


class DroppedFine(metaclass=Dropping):
    pass


def dropped():
    class Dropped(metaclass=Dropping):
        def f(self):
            return __class__


class Twice(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        type("Other", (), ns)
        return cls


def twice():
    class Victim(metaclass=Twice):
        def f(self):
            return __class__


class Overwrite(type):
    def __new__(mcls, name, bases, ns, cell):
        ns["__classcell__"] = cell
        return super().__new__(mcls, name, bases, ns)


def overwritten(bad):
    def make():
        class A(metaclass=Overwrite, cell=bad):
            pass
    return make


attempt(dropped)
attempt(twice)
for bad in (None, 0, "", object()):
    attempt(overwritten(bad))


# A class body reads an enclosing method's __class__ while holding its own cell.
class Outer:
    def make(self):
        class Inner:
            outer = __class__

            def f(self):
                return __class__
        return Inner


Inner = Outer().make()
print(Inner.outer is Outer, Inner().f() is Inner)


# __class__ assigned in the body is an ordinary attribute.
class Assigned:
    def f(self):
        return super().__repr__()[:10]
    __class__ = 413


print(Assigned().f(), Assigned().__class__)
