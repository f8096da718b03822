from contextlib import contextmanager, suppress, nullcontext, ExitStack, closing, ContextDecorator

events = []


@contextmanager
def tag(name):
    events.append(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        events.append(f"handled {e!r}")
    finally:
        events.append(f"</{name}>")


with tag("a") as t:
    events.append(t)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    events.append(f"escaped {e}")
print(events)


@tag("deco")
def decorated(x):
    return x * 2


events.clear()
print(decorated(21), events)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
with nullcontext(5) as five:
    print(five)


class Resource:
    def __init__(self, name, log):
        self.name, self.log = name, log

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, *exc):
        self.log.append(f"exit {self.name} {exc[0].__name__ if exc[0] else None}")
        return False

    def close(self):
        self.log.append("close " + self.name)


log = []
with ExitStack() as stack:
    for n in "xyz":
        stack.enter_context(Resource(n, log))
    stack.callback(log.append, "callback")
print(log)
log.clear()
try:
    with ExitStack() as stack:
        stack.enter_context(Resource("p", log))
        stack.push(lambda *exc: True)
        raise RuntimeError("swallowed by push")
except RuntimeError:
    log.append("not swallowed")
print(log)
with closing(Resource("c", log)):
    pass
print(log[-1])


class Counted(ContextDecorator):
    calls = 0

    def __enter__(self):
        Counted.calls += 1
        return self

    def __exit__(self, *exc):
        return False


@Counted()
def work():
    return Counted.calls


print(work(), work())


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print(e)
