# The errors of the asynchronous iteration and context manager protocols.
async def af(x):
    async for i in x: pass
async def aw(x):
    async with x: pass
class NoNext:
    def __aiter__(self): return 1
class BadNext:
    def __aiter__(self): return self
    def __anext__(self): return 1
class OnlyEnter:
    async def __aenter__(self): pass
class BadEnter:
    def __aenter__(self): return 1
    def __aexit__(self, *a): return 1
class BadExit:
    async def __aenter__(self): return 1
    def __aexit__(self, *a): return 1
for f, x in [(af, 1), (af, NoNext()), (af, BadNext()), (aw, 1), (aw, OnlyEnter()), (aw, BadEnter()), (aw, BadExit())]:
    try: f(x).send(None)
    except Exception as e: print(type(e).__name__, e, repr(e.__cause__))
