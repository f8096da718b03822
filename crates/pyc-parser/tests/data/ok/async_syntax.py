@dec
async def f(a=1, /, b=2, *, c):
    x = await g(a) ** 2
    y = -await h
    async for i in aiter():
        await i
    else:
        pass
    async with m as n:
        pass
    return [await z async for z in q if await z]

class C:
    async def m(self):
        return await self.x.y()
