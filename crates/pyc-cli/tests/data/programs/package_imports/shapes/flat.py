from .circle import PI
from . import circle as _c

__all__ = ["square", "triangle", "area_names", "PUBLIC"]
PUBLIC = 1
hidden = 2
_private = 3
area_names = ["square", "triangle"]


def square(a):
    return a * a


def triangle(b, h):
    return b * h / 2
