# An exception escaping nested awaits: the traceback shows each coroutine frame.
async def leaf(x):
    return 10 // x

async def middle(x):
    y = await leaf(x)
    return y

async def top():
    print(await middle(2))
    return await middle(0)

top().send(None)
