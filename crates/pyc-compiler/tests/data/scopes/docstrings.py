"""The module docstring."""


def documented():
    """Function docstring."""
    return 1


def undocumented():
    x = 1
    "a string statement, not a docstring"
    return x


class Documented:
    """Class docstring."""

    def method(self):
        "Method docstring."
        "second string"
        pass


class Plain:
    pass


lam = lambda: "never a docstring"
