def f(a, b):
    s = f"{a} {a!s} {a!r} {a!a} {a:>3} {a!r:>3}"
    try:
        for i in range(b):
            while i < 3:
                i += 1
    except ValueError as e:
        print(e)
    return (1, 2.5, None, True, 'x', ..., ('a',), -0.0), [q for q in a]
g = lambda k=1: k
