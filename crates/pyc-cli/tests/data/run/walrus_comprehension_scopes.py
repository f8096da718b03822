# Assignment expressions inside comprehensions bind in the enclosing function or module.
print([y := i * 2 for i in range(3)], y)
print({(last := k): k * k for k in range(4)}, last)
print([[(deep := a * 10 + b) for b in range(2)] for a in range(3)], deep)


def captured():
    [y := i for i in range(3)]
    return lambda: y


print(captured()())


def running_total(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total


print(running_total([1, 2, 3, 4]))


def first_long(words):
    if any(len(hit := w) > 4 for w in words):
        return hit
    return None


print(first_long(["ab", "abcdef", "xyz"]), first_long(["a"]))


def nested_closure():
    found = None

    def search(items):
        nonlocal found
        return [found := x for x in items if x % 2]

    return search([1, 2, 3, 4, 5]), found


print(nested_closure())


def shared_cell():
    fs = [lambda: last for last in range(2)]
    [last := n for n in "pq"]
    return [f() for f in fs], last


print(shared_cell())


def declared_global():
    global chosen
    return [chosen := c for c in "abc"]


print(declared_global(), chosen)


class Holder:
    def method(self):
        squares = [(sq := n * n) for n in range(4)]
        return squares, sq


print(Holder().method())


def not_run():
    [z := 1 for i in range(0)]
    return z


try:
    not_run()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def free_not_run():
    [w := 1 for i in range(0)]
    return lambda: w


try:
    free_not_run()()
except NameError as e:
    print(type(e).__name__ + ":", e)
