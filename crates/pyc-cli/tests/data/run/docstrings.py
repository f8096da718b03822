"""Docstrings of the module, functions, classes and methods."""


def documented():
    """Returns one."""
    return 1


def undocumented():
    value = 1
    "not a docstring: the first statement is an assignment"
    return value


class Documented:
    """A documented class."""

    def method(self):
        "A method docstring."
        "a second string is just a statement"


class Plain:
    x = 1


class Child(Documented):
    pass


print(__doc__)
print(documented.__doc__, documented())
print(undocumented.__doc__, undocumented())
print(Documented.__doc__, Documented().__doc__, Documented.method.__doc__)
print(Plain.__doc__, "__doc__" in Plain.__dict__, Child.__doc__)
print((lambda: "a lambda's string is its result").__doc__)
print(documented.__code__.co_consts[0], undocumented.__code__.co_consts[0])
documented.__doc__ = "replaced"
print(documented.__doc__)
del documented.__doc__
print(documented.__doc__)
undocumented.__doc__ = 42
print(undocumented.__doc__, "__doc__" in undocumented.__dict__)
print(Documented().method())
bound = Documented().method
print(bound.__doc__, bound.__name__, bound.__code__.co_consts[0])
try:
    bound.missing
except AttributeError as e:
    print("AttributeError:", e)
