# async for in a plain def.
def f(xs):
    async for x in xs:
        print(x)
