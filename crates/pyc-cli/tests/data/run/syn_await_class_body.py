# a class body inside an async def is not a function.
async def f():
    class C:
        y = await g()
