value = 1
__all__ = ["value", 42]
