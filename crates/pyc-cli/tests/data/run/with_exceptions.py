# Exceptions in with bodies: suppression, re-raising, errors in __enter__ and __exit__.
class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        print("exit sees", typ, repr(value))
        return typ is not None and issubclass(typ, self.types)


with Suppress(ValueError):
    raise ValueError("gone")
print("suppressed ValueError")

try:
    with Suppress(ValueError):
        raise KeyError("kept")
except KeyError as e:
    print("caught", repr(e))


class Truthy:
    def __init__(self, result):
        self.result = result

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.result


for result in (1, 0, "yes", "", [], [0], None):
    try:
        with Truthy(result):
            raise RuntimeError(result)
        print(repr(result), "suppressed")
    except RuntimeError:
        print(repr(result), "propagated")


class BadBool:
    def __bool__(self):
        raise ZeroDivisionError("bool of exit result")


try:
    with Truthy(BadBool()):
        raise IndexError("inner")
except ZeroDivisionError as e:
    print("bool failed:", e, "context:", repr(e.__context__))


class FailingEnter:
    def __enter__(self):
        raise UnicodeError("enter failed")

    def __exit__(self, *a):
        print("never called")


try:
    with FailingEnter():
        print("never run")
except UnicodeError as e:
    print("enter error:", e, e.__context__)


class FailingExit:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        raise LookupError(f"exit failed after {typ.__name__ if typ else None}")


try:
    with FailingExit():
        pass
except LookupError as e:
    print("exit error:", e, "context:", repr(e.__context__))

try:
    with FailingExit():
        raise TypeError("body")
except LookupError as e:
    print("exit error:", e, "context:", repr(e.__context__))


# Multiple managers: inner suppression hides the error from the outer one.
with Suppress(ArithmeticError) as outer, Suppress(ZeroDivisionError) as inner:
    1 / 0
print("both fine")

with Suppress(ArithmeticError), Suppress(KeyError):
    1 / 0
print("outer suppressed")


# The exception being handled is restored after the with statement.
class Show:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        print("in exit, context of value:", repr(value.__context__) if value else None)
        return True


try:
    raise NameError("outer")
except NameError:
    with Show():
        raise AttributeError("inside handler")
    try:
        raise
    except NameError as e:
        print("still handling", repr(e))

# __exit__ raising its argument again keeps it as it was.
class Reraiser:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        if value is not None:
            raise value


try:
    with Reraiser():
        raise ValueError("again")
except ValueError as e:
    print("re-raised", repr(e), e.__context__)


# The manager is evaluated before __enter__; __exit__ is looked up before __enter__ runs.
class Noisy:
    def __enter__(self):
        print("Noisy.__enter__")
        return self


try:
    with Noisy():
        pass
except TypeError as e:
    print(e)

# An exception raised while binding the target reaches __exit__ too.
try:
    with Suppress() as (a, b):
        pass
except TypeError as e:
    print("unpacking:", e)
