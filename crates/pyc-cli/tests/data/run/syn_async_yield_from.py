# yield from is refused in coroutines.
async def f():
    yield from g()
