g = lambda a, /, b, /: a
