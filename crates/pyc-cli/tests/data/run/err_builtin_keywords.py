# Keyword arguments a builtin does not take: CPython's argument-clinic message, or
# "takes no keyword arguments" for types whose constructor takes none.
attempts = [
    lambda: sorted([1], x=1),
    lambda: min([1], x=1),
    lambda: max([1], key=len, x=2),
    lambda: sum([1], x=1),
    lambda: enumerate([], x=1),
    lambda: "a".split(x=1),
    lambda: [].sort(x=1),
    lambda: round(1, x=1),
    lambda: int(x=1),
    lambda: print(x=1),
    lambda: float(x=1),
    lambda: list(x=1),
    lambda: tuple(x=1),
    lambda: set(x=1),
    lambda: range(x=1),
    lambda: map(x=1),
    lambda: filter(x=1),
    lambda: reversed(x=1),
    lambda: bool(x=1),
    lambda: staticmethod(x=1),
    lambda: classmethod(x=1),
    lambda: int("7", base=8),
    lambda: sorted([2, 1], reverse=True),
    lambda: str(x=1),
    lambda: str(object=5),
    lambda: str(5, object=5),
    lambda: str(5, encoding="utf-8"),
    lambda: str("a", errors="strict"),
    lambda: str(encoding="utf-8"),
    lambda: str(1, 2, 3, 4),
    lambda: zip(x=1),
]
for attempt in attempts:
    try:
        print(attempt())
    except TypeError as e:
        print("TypeError:", e)
