# A `*` or `**` operand that cannot be unpacked: CPython's message names the call or the
# display, and an error raised while iterating passes through unchanged.
def g(*a, **k):
    return a, k


class Bad:
    def __iter__(self):
        raise TypeError("inner")


attempts = [
    lambda: g(*1),
    lambda: g(*[1], *1),
    lambda: g(1, *1),
    lambda: [*1],
    lambda: (*1,),
    lambda: {*1},
    lambda: print(*1),
    lambda: g(*None, k=1),
    lambda: g(**1),
    lambda: g(**{}, **1),
    lambda: {**1},
    lambda: g(*[1], **1),
    lambda: g(*(x for x in 1)),
    lambda: g(*Bad()),
    lambda: g(*[1], *Bad()),
]
for attempt in attempts:
    try:
        print(attempt())
    except TypeError as e:
        print("TypeError:", e)
try:
    class C(*1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    [].extend(1)
except TypeError as e:
    print("TypeError:", e)
