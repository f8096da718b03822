# Context managers written as classes: enter/exit order, targets, multiple items.
class Tracker:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, typ, value, tb):
        self.log.append(f"exit {self.name} {typ} {value!r} {tb}")
        return False


log = []
with Tracker("a", log) as a:
    log.append("body " + a)
print(log)

log = []
with Tracker("a", log) as a, Tracker("b", log) as b, Tracker("c", log):
    log.append(a + b)
print("\n".join(log))

log = []
with (Tracker("x", log) as x, Tracker("y", log) as y,):
    log.append(x + y)
print(log)


class Pair:
    def __enter__(self):
        return (1, [2, 3, 4])

    def __exit__(self, *args):
        print("exit args", args)


with Pair() as (first, (second, *rest)):
    print(first, second, rest)


class Holder:
    pass


h = Holder()
d = {}
with Pair() as h.value, Pair() as d["key"]:
    pass
print(h.value, d)

# The parenthesised form without `as` is two managers; `(a, b) as c` is a tuple.
log = []
with (Tracker("p", log), Tracker("q", log)):
    pass
print(log)
try:
    with (Tracker("p", log), Tracker("q", log)) as both:
        pass
except TypeError as e:
    print("TypeError:", e)


class EnterReturnsNone:
    def __enter__(self):
        print("entered")

    def __exit__(self, *a):
        print("exited")


with EnterReturnsNone() as nothing:
    print(nothing)


# __enter__ and __exit__ are looked up on the type, not the instance.
class Plain:
    pass


p = Plain()
p.__enter__ = lambda: 1
p.__exit__ = lambda *a: None
try:
    with p:
        pass
except TypeError as e:
    print("TypeError:", e)


class Base:
    def __enter__(self):
        print("Base.__enter__", type(self).__name__)
        return self

    def __exit__(self, *a):
        print("Base.__exit__")


class Derived(Base):
    pass


with Derived() as obj:
    print(type(obj).__name__)


class StaticExit:
    def __enter__(self):
        return "s"

    @staticmethod
    def __exit__(*args):
        print("static exit", args)


with StaticExit() as s:
    print(s)


class CallableExit:
    def __call__(self, *args):
        print("callable exit", args[:2])
        return True


class UsesCallable:
    __exit__ = CallableExit()

    def __enter__(self):
        return self


with UsesCallable():
    raise KeyError("swallowed by a callable __exit__")
print("after")

with Tracker("module", []) as name:
    pass
print(name)
