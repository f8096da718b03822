# a lambda inside an async def is not async.
async def f():
    return lambda: await g()
