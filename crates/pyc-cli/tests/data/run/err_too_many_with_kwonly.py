def f(a, b, /, c, *, d, e):
    pass
for args, kw in [((1, 2, 3, 4, 5, 6), {"d": 1, "e": 2}), ((1, 2, 3, 4), {"d": 1}), ((1,) * 5, {})]:
    try:
        f(*args, **kw)
    except TypeError as e:
        print(e)
def g(a, *, k=1): pass
try: g(1, 2, k=3)
except TypeError as e: print(e)
