g = lambda /, a: a
