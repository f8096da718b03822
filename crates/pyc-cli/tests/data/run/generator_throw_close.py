# gen.throw() and gen.close(): handled and escaping exceptions, finally blocks,
# generators that ignore GeneratorExit, fresh and finished generators.
def counter():
    n = 0
    try:
        while True:
            try:
                yield n
            except ValueError as e:
                print("handled", e)
                n = 100
            n += 1
    finally:
        print("cleanup")

g = counter()
print(next(g), next(g))
print(g.throw(ValueError("boom")))
print(g.throw(ValueError, "again"))
print(next(g))
print(g.close(), g.close())
try:
    next(g)
except StopIteration:
    print("stopped")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring")
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def plain():
    yield 1
    yield 2

p = plain()
print(next(p))
try:
    p.throw(KeyError("k"))
except KeyError as e:
    print("KeyError escaped", e)
print(list(p))
fresh = plain()
print(fresh.close(), list(fresh))
fresh2 = plain()
try:
    fresh2.throw(TypeError)
except TypeError:
    print("TypeError from a fresh generator")
print(list(fresh2))

def returns():
    try:
        yield 1
    except ValueError:
        return "done"

r = returns()
next(r)
try:
    r.throw(ValueError)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    plain().throw(1)
except TypeError as e:
    print("TypeError:", e)
