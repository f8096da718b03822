# async with is refused by the compiler outside a coroutine, at the whole statement.
def f():
    async with a as b, c:
        pass
