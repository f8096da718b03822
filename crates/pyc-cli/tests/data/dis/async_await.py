# await in expressions, statements, returns, try blocks and nested closures.
async def fetch(source, key):
    value = await source.get(key)
    return value


async def pipeline(items, sink):
    total = 0
    for item in items:
        total += await sink(item) * 2
    try:
        await sink(None)
    except ValueError as e:
        total = -1
    finally:
        await sink.flush()
    return total


def outer(n):
    async def inner(x, /, *, y=1):
        return await n(x) + y
    return inner


class Service:
    async def handle(self, req):
        if await self.check(req):
            return await self.run(req)
        return None


async def loop_and_manage(source, manager):
    async for item in source:
        if item is None:
            continue
        async with manager(item) as m, manager(m):
            if m:
                break
            await m.go()
    else:
        return "exhausted"
    async for x in source:
        return x
