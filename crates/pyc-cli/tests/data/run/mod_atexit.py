import atexit


def goodbye(name, punctuation="!"):
    print("goodbye", name + punctuation)


@atexit.register
def first():
    print("registered first, runs last")


atexit.register(goodbye, "alice")
atexit.register(goodbye, "bob", punctuation="?")
atexit.register(goodbye, "carol")
atexit.unregister(goodbye)
atexit.register(goodbye, "dave")


def broken():
    raise ValueError("in a callback")


atexit.register(broken)
print(atexit.unregister(broken) is None)
atexit.register(broken)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)
print("main done")
raise KeyError("uncaught")
