from ..flat import square
from .. import VERSION


def volume(a):
    return square(a) * a


def describe():
    return f"cube from {__name__} ({__package__}), version {VERSION}"
