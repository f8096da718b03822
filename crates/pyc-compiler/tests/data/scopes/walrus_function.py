def captured():
    [y := i for i in range(3)]
    return lambda: y


def nested(rows):
    table = [[(last := cell) for cell in row] for row in rows]
    return table, last


def generator(n):
    total = sum(running := k for k in range(n))
    return total, running


def declared_global():
    global found
    return [found := w for w in "abc" if w != "b"]


def declared_nonlocal():
    hit = None

    def search(items):
        nonlocal hit
        return any((hit := x) > 2 for x in items)

    return search, lambda: hit


def dict_and_set(pairs):
    keys = {(k := a): (v := b) for a, b in pairs}
    seen = {(s := p) for p in pairs}
    return keys, k, v, seen, s


def in_lambda(xs):
    return [lambda: (z := x) for x in xs]


def plain(x):
    if (n := len(x)) > 2:
        return n
