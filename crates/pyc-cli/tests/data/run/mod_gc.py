import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(type(gc.get_count()).__name__, len(gc.get_count()))


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


# A cycle that only the collector can free.
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print(gc.collect() > 0)
print(type(gc.collect()).__name__)


def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


inc = make_counter()
cell = inc.__closure__[0]
print(gc.get_referents(cell))
inc()
print(gc.get_referents(cell))
print(cell in gc.get_referents(inc.__closure__))
print(inc.__closure__ in gc.get_referents(inc))
print(gc.get_referents([1, "x", None]))
print(gc.get_referents(1, "s"))

holder = [cell]
print(any(r is holder for r in gc.get_referrers(cell)))
print(any(r is inc.__closure__ for r in gc.get_referrers(cell)))

print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(1.5))
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print(gc.is_tracked(Node("x")), gc.is_tracked(Node), gc.is_tracked(make_counter), gc.is_tracked(range(3)))

# While disabled, nothing is collected automatically; collect() still works.
gc.disable()
for i in range(50000):
    x = [i]
gc.enable()
print(gc.collect() >= 0)
for bad in (lambda: gc.collect(3), lambda: gc.collect("x")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(gc.garbage)
