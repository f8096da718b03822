# with inside generators and closures, and generator-based context managers by hand.
class Log:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return False


def producer():
    with Log("gen") as log:
        yield 1
        yield log.name
    yield "after"


print(list(producer()))

g = producer()
print(next(g))
g.close()
print("closed")

g = producer()
print(next(g))
try:
    g.throw(ValueError("thrown in"))
except ValueError as e:
    print("throw propagated:", e)


def delegating():
    with Log("outer gen"):
        yield from producer()


for item in delegating():
    print("item", item)


# A cell captured inside a with body.
def make_readers():
    readers = []
    with Log("cells") as log:
        count = 10

        def read():
            return count, log.name

        readers.append(read)
        count += 1
    return readers


print(make_readers()[0]())


def counter():
    total = 0
    with Log("nonlocal"):
        def add(n):
            nonlocal total
            total += n
            return total
    return add


add = counter()
print(add(2), add(3))


# A generator-based context manager written by hand (no contextlib).
class GeneratorCM:
    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        return next(self.gen)

    def __exit__(self, typ, value, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def managed(name):
    def body():
        print("setup", name)
        try:
            yield name.upper()
        except KeyError as e:
            print("handled in generator:", repr(e))
        finally:
            print("teardown", name)
    return GeneratorCM(body())


with managed("one") as value:
    print("using", value)

with managed("two") as value:
    raise KeyError(value)
print("KeyError was handled by the generator")

try:
    with managed("three"):
        raise IndexError("not handled")
except IndexError as e:
    print("propagated:", repr(e))


def generator_with_return():
    with managed("gen-return") as v:
        yield v
        return "done"


gen = generator_with_return()
print(next(gen))
try:
    next(gen)
except StopIteration as stop:
    print("StopIteration value:", stop.value)


# with inside a generator expression's consumer and a lambda's result
print([x for x in (lambda: producer())()])
