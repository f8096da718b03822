async def f():
    for await x in y:
        pass
