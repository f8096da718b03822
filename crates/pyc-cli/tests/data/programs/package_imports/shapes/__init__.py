"""Shapes package."""
from . import circle
VERSION = (1, 0)
print("init", __name__, __package__)
