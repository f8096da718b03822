x = lambda: (yield)
nonlocal = 3
