# Parameters of async defs and the errors coroutines raise.
async def f(a=1, /, b=2):
    return a, b

def drive(*args, **kwargs):
    try:
        f(*args, **kwargs).send(None)
    except StopIteration as e:
        return e.value
    except TypeError as e:
        return "TypeError: " + str(e)

print(drive())
print(drive(10))
print(drive(10, 20))
print(drive(10, b=20))
print(drive(a=10))
print(drive(1, 2, 3))

async def kw(*, x, y=5):
    return x, y
try:
    kw()
except TypeError as e:
    print(e)
try:
    kw(1)
except TypeError as e:
    print(e)
c = kw(x=1)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)

async def star(*args, **kwargs):
    return args, sorted(kwargs.items())
try:
    star(1, 2, k=3).send(None)
except StopIteration as e:
    print(e.value)

# errors
async def ret():
    return 42

c = ret()
try:
    c.send(5)
except TypeError as e:
    print(e)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
for action in ("send", "throw", "close"):
    try:
        if action == "send":
            c.send(None)
        elif action == "throw":
            c.throw(ValueError("v"))
        else:
            print("close ->", c.close())
    except RuntimeError as e:
        print(action, "->", e)

async def await_it(x):
    return await x

for bad in (1, None, "s", [1], (i for i in ())):
    c = await_it(bad)
    try:
        c.send(None)
    except TypeError as e:
        print(e)

class BadAwait:
    def __await__(self):
        return 3
class CoroAwait:
    def __await__(self):
        return ret()
for bad in (BadAwait(), CoroAwait()):
    try:
        await_it(bad).send(None)
    except TypeError as e:
        print(e)

try:
    iter(ret())
except TypeError as e:
    print(e)
try:
    next(ret())
except TypeError as e:
    print(e)
try:
    for _ in ret():
        pass
except TypeError as e:
    print(e)

def gen():
    yield from ret()
try:
    next(gen())
except TypeError as e:
    print(e)

async def raises_stop():
    raise StopIteration(3)
try:
    raises_stop().send(None)
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

class Forever:
    def __await__(self):
        while True:
            try:
                yield "tick"
            except GeneratorExit:
                yield "refuse"

async def stubborn():
    await Forever()
c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(e)

async def ignore_exit():
    try:
        await Forever2()
    except GeneratorExit:
        pass
    return 1
class Forever2:
    def __await__(self):
        yield 1
c = ignore_exit()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(e)

# the same coroutine awaited twice
async def slow():
    await Forever2()
    return "slow"
s = slow()
async def first():
    return await s
async def second():
    return await s
a = first()
a.send(None)
try:
    second().send(None)
except RuntimeError as e:
    print(e)
try:
    a.send(None)
except StopIteration as e:
    print(e.value)
try:
    first().send(None)
except RuntimeError as e:
    print(e)

# running
async def self_ref():
    return holder[0].send(None)
holder = [self_ref()]
try:
    holder[0].send(None)
except ValueError as e:
    print(e)
