# an async generator may not return a value.
async def f():
    yield 1
    return 2
