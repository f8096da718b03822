# Position markers through several frames: nested calls, raise statements, lambdas,
# comprehensions and generators.
def level3(n):
    return n.upper()


def level2(n):
    value = level3(n) + "!"
    return value


def level1(n):
    return [level2(n)]


def check(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n


def gen(items):
    for item in items:
        yield 10 / item


try:
    level1(5)
finally:
    try:
        check(-1)
    finally:
        try:
            squares = [x * x for x in [1, None]]
        finally:
            try:
                total = sum(gen([1, 0]))
            finally:
                try:
                    pick = (lambda d: d["missing"])({})
                finally:
                    try:
                        raise KeyError("plain")
                    finally:
                        found = {k: v.strip() for k, v in {"a": 1}.items()}
