# Asynchronous comprehensions inside a coroutine: async for clauses, await in elements and conditions, nesting.
class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def double(x):
    return x * 2

async def comps(xs):
    a = [i async for i in Counter(4)]
    b = [await double(i) for i in xs]
    c = {i: await double(i) async for i in Counter(3) if i != 2}
    d = {i async for i in Counter(5) if i % 2}
    e = [(i, j) async for i in Counter(2) for j in range(i)]
    f = [(i, j) for i in range(2) async for j in Counter(i + 1)]
    g = [[j async for j in Counter(i)] async for i in Counter(3)]
    return a, b, c, d, e, f, g

c = comps([5, 6])
try:
    c.send(None)
except StopIteration as s:
    for part in s.value:
        print(part)
