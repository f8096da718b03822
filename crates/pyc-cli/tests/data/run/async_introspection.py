# Coroutines seen through inspect, types and dis.
import inspect, types, dis
async def f(): return 1
c = f()
print(inspect.iscoroutinefunction(f), inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isgenerator(c))
print(isinstance(c, types.CoroutineType))
print(dis.pretty_flags(f.__code__.co_flags))
c.close()
