# throw() and close() on a generator suspended in yield from reach the delegated-to iterator first.
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
    finally:
        print("inner finally")
    return "inner done"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "after"

g = outer()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
print(next(g, "end"))

g = outer()
next(g)
g.close()
print("closed")

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        return self.n
    def throw(self, *a):
        raise StopIteration("from throw")
def deleg():
    r = yield from It()
    yield ("got", r)
g = deleg()
next(g)
print(g.throw(KeyError))

def deleg2():
    try:
        yield from iter([1, 2])
    except KeyError:
        yield "outer handled"
g = deleg2()
next(g)
print(g.throw(KeyError))
