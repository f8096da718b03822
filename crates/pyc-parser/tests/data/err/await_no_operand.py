async def f():
    return await
