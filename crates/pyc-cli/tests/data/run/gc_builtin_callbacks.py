# Builtins that call back into Python while holding values in native code, with
# callbacks that allocate: each result must keep every value the builtin holds.

def churn(n):
    # Allocates garbage so that collections find something to free.
    return [str(j) for j in range(n)]


def strs(n, sign=1):
    for i in range(n):
        churn(3)
        yield str(sign * i)


pairs = list(map(lambda a, b: (a, b, churn(2) and a + b), strs(100), strs(100, -1)))
print(len(pairs), sum(1 for a, b, _ in pairs if a == b), pairs[:2], pairs[-1])

print(list(filter(lambda s: churn(4) and s.endswith("7"), strs(100))))

zipped = list(zip(strs(80), strs(80, -1), (churn(2) for _ in range(80))))
print(len(zipped), zipped[5][:2], sum(1 for a, b, _ in zipped if a == b))

words = [[i, str(i)] for i in range(150)]
print(max(words, key=lambda p: churn(5) and p[1]))
print(min(words, key=lambda p: churn(5) and p[1][::-1]))
print(max(strs(80), key=lambda s: (len(s), churn(2) and s)))
print(min((str(i) for i in range(50)), default="none"), max([], default=churn(2)[:1]))

print(sorted(strs(60), key=lambda s: [churn(2) and s[::-1]])[:6])
items = [str(i) * 2 for i in range(80)]
items.sort(key=lambda s: (churn(3) and s[-1], s))
print(items[:5])
print(sorted(strs(40), reverse=True)[:4])

print(sum((float(i) for i in range(100) if churn(1)), 0.5))
print(sum(len(s) for s in strs(100)))
print(any(churn(3) and s == "90" for s in strs(100)), all(churn(3) and s for s in strs(100)))

print(len(dict((s, churn(2)) for s in strs(150))), dict(zip(strs(3), strs(3, -1))))
print(list(strs(5)), tuple(strs(5)), sorted(set(strs(5))))
print(",".join(strs(20)))
print("".join(s[::-1] for s in strs(30) if churn(2)))


def f(*args, **kwargs):
    return len(args), args[:2], args[-1], sorted(kwargs.items())


print(f(*strs(150), **{"k": str(1)}))
print(f(*strs(100), *strs(50, -1), x=str(3), **dict((s, s) for s in strs(3))))


def outer():
    for s in strs(80):
        churn(2)
        yield s + "!"


def outermost():
    yield from (t.upper() for t in outer() if churn(1))


print(list(outermost())[-3:])

acc = []
acc.extend(strs(100))
s = set()
s.update(strs(50))
d = {}
d.update((x, x * 2) for x in strs(50))
print(len(acc), acc[-1], len(s), len(d), d["49"])
print(list(enumerate(strs(4))), list(reversed(list(strs(4)))))
