# A metaclass whose __new__ wraps the methods in closures: each wrapper captures the
# method, its name and a per-class counter cell; super() inside wrapped methods still
# finds the class through its __class__ cell. Enough allocation to collect meanwhile.
import gc


def make_counter():
    count = 0

    def bump(name):
        nonlocal count
        count += 1
        return count

    def total():
        return count

    return bump, total


class Traced(type):
    def __new__(mcls, name, bases, ns, **kw):
        bump, total = make_counter()
        log = []

        def wrap(attr, fn):
            def wrapper(*args, **kwargs):
                n = bump(attr)
                log.append(f"{name}.{attr}#{n}")
                return fn(*args, **kwargs)
            wrapper.__name__ = fn.__name__
            wrapper.__wrapped__ = fn
            return wrapper

        for attr, value in list(ns.items()):
            if callable(value) and not attr.startswith("__"):
                ns[attr] = wrap(attr, value)
        ns["calls"] = staticmethod(total)
        ns["log"] = log
        return super().__new__(mcls, name, bases, ns, **kw)


class Shape(metaclass=Traced):
    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size * self.size

    def describe(self):
        return f"{type(self).__name__}({self.size}) area={self.area()}"


class Square(Shape):
    def area(self):
        return super().area()

    def double(self):
        return Square(self.size * 2)


shapes = [Square(i) for i in range(5)]
for s in shapes:
    s.describe()
big = shapes[-1].double().double()
print(big.describe())
print(Shape.calls(), Square.calls(), len(Shape.log), len(Square.log))
print(Shape.log[:3], Square.log[:3])
print(Square.area.__name__, Square.area.__wrapped__.__name__)
cells = Square.area.__closure__
print(len(cells), sorted(type(c.cell_contents).__name__ for c in cells))


# Many short-lived classes made through the metaclass, collected in between.
def churn(n):
    made = []
    for i in range(n):
        cls = Traced(f"K{i}", (Shape,), {"extra": lambda self, i=i: i})
        obj = cls(i)
        made.append((cls.__name__, obj.extra(), obj.area(), cls.calls()))
        if i % 7 == 0:
            gc.collect()
    return made


result = churn(30)
gc.collect()
print(result[:3], result[-1], len(result))
print(Shape.calls() > 0, type(Shape).__name__)
