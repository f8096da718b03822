# async for and async with driven by hand: else, break, continue, return, exceptions through __aexit__, nesting.
class Counter:
    """An asynchronous iterator counting to n."""
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Step(self.i)
        return self.i

class Step:
    def __init__(self, i):
        self.i = i
    def __await__(self):
        got = yield ("step", self.i)
        return got

class Manager:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    async def __aenter__(self):
        print("enter", self.name)
        await Step(0)
        return self.name.upper()
    async def __aexit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None, exc)
        return self.swallow

def run(coro):
    trail = []
    try:
        while True:
            trail.append(coro.send(None))
    except StopIteration as e:
        print("yields:", len(trail), trail[:3])
        return e.value

async def loops():
    out = []
    async for i in Counter(3):
        out.append(i)
    else:
        out.append("else")
    async for i in Counter(5):
        if i == 2:
            continue
        if i == 4:
            break
        out.append(i * 10)
    return out

print(run(loops()))

async def early_return():
    async for i in Counter(10):
        if i == 3:
            return i
print(run(early_return()))

async def withs():
    async with Manager("a") as a, Manager("b") as b:
        print("body", a, b)
    async with Manager("c", swallow=True):
        raise KeyError("swallowed")
    try:
        async with Manager("d"):
            raise ValueError("passes")
    except ValueError as e:
        print("caught", e)
    for i in range(3):
        async with Manager(f"loop{i}"):
            if i == 1:
                continue
            if i == 2:
                break
    async with Manager("ret") as r:
        return r
print(run(withs()))

async def nested():
    total = 0
    async with Manager("outer"):
        async for i in Counter(2):
            async with Manager(f"inner{i}") as name:
                total += i
    return total
print(run(nested()))

class Broken:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise RuntimeError("anext failed")
async def broken():
    try:
        async for x in Broken():
            pass
    except RuntimeError as e:
        return "caught " + str(e)
print(run(broken()))
