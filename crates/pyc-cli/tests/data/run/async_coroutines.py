# Coroutines driven by hand: awaiting coroutines and __await__ iterators, closures, throw and close through nested awaits, the coroutine's attributes.
import types

def run(coro):
    """Drive a coroutine by hand until it returns."""
    sent = None
    while True:
        try:
            got = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("yielded", got)
        sent = got * 10 if isinstance(got, int) else None

class Ticket:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        got = yield self.n
        return ("ticket", got)

async def inner(x):
    a = await Ticket(x)
    return a, x + 1

async def outer():
    r1 = await inner(1)
    r2 = await inner(2)
    return [r1, r2]

print(run(outer()))

# closures captured inside async functions
def make(k):
    async def add(v):
        return v + k
    return add

async def use_closure():
    total = 0
    async def bump(n):
        nonlocal total
        total += await make(n)(1)
        return total
    await bump(3)
    await bump(4)
    return total

print(run(use_closure()))

# throw into a coroutine suspended in a nested await
class Pause:
    def __await__(self):
        try:
            yield "paused"
        except KeyError as e:
            print("Pause saw", repr(e))
            raise

async def guarded():
    try:
        await Pause()
    except KeyError:
        return "handled"

c = guarded()
print(c.send(None))
print(type(c.cr_await).__name__)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("done", e.value)

# throw handled by the innermost iterator
class Catcher:
    def __await__(self):
        try:
            yield 1
        except ValueError:
            yield 2
        return "caught"

async def w():
    return await Catcher()

c = w()
print(c.send(None), c.throw(ValueError))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)

# close while awaiting: the inner iterator is closed first
class Closable:
    def __await__(self):
        try:
            yield "x"
        finally:
            print("inner finally")

async def closer():
    try:
        await Closable()
    finally:
        print("outer finally")

c = closer()
c.send(None)
c.close()
print(c.cr_frame, c.cr_running)

# reprs and types
async def f():
    return 1
c = f()
print(type(c).__name__, type(c) is types.CoroutineType, repr(c).startswith("<coroutine object f at 0x"))
print(c.__name__, c.__qualname__, c.cr_code is f.__code__, c.cr_await, c.cr_running)
print(c.cr_frame.f_code.co_name, c.cr_frame.f_lineno)
w2 = c.__await__()
print(type(w2).__name__, iter(w2) is w2, repr(w2).startswith("<coroutine_wrapper object at 0x"))
try:
    next(w2)
except StopIteration as e:
    print("stop", e.value)
print(f.__code__.co_flags & 0x80 != 0, f.__code__.co_flags)

class Meth:
    async def m(self, x):
        return x * 2
    @staticmethod
    async def s():
        return "static"
print(run(Meth().m(21)), run(Meth.s()))
m1 = Meth().m(1)
print(m1.__qualname__)
m1.close()
