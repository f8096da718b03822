# return, break and continue leave a with block through __exit__(None, None, None).
class Log:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ)
        return False


def early_return():
    with Log("r") as name:
        return name + "!"
    print("not reached")


print(early_return())


def return_constant():
    with Log("c"):
        return 42


print(return_constant())


def return_bare():
    with Log("a"), Log("b"):
        return


print(return_bare())


def return_from_nested():
    with Log("outer"):
        with Log("inner") as inner:
            return [inner] * 2


print(return_from_nested())

for i in range(4):
    with Log(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
print("after loop")

n = 0
while True:
    n += 1
    with Log("w"):
        with Log("w2"):
            if n < 2:
                continue
            break
print("after while", n)


def return_in_try_finally():
    try:
        with Log("tf"):
            return "value"
    finally:
        print("finally runs after exit")


print(return_in_try_finally())


def with_in_finally():
    try:
        return "from try"
    finally:
        with Log("fin"):
            print("in finally")


print(with_in_finally())


def return_in_except():
    try:
        raise ValueError("v")
    except ValueError as e:
        with Log("exc"):
            return repr(e)


print(return_in_except())


# A return overriding an exception: the with still runs its normal exit.
def suppressing_return():
    for x in range(3):
        try:
            with Log(str(x)):
                raise KeyError(x)
        except KeyError:
            continue
        finally:
            if x == 1:
                break
    return x


print(suppressing_return())


# An __exit__ that suppresses lets a loop continue past an exception.
class Swallow:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("swallow", exc[0].__name__ if exc[0] else None)
        return True


total = 0
for value in [1, "x", 2, None, 3]:
    with Swallow():
        total += value
print("total", total)


def returns_after_suppression():
    with Swallow():
        raise RuntimeError
    return "fell through"


print(returns_after_suppression())


# The __exit__ of a return is called after the return value is computed.
class Counter:
    count = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        Counter.count += 1


def value_then_exit():
    with Counter():
        return Counter.count


print(value_then_exit(), Counter.count)
