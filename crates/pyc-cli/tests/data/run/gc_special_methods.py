# Special methods called from native code (sorting, hashing, containment, mappings,
# iteration protocols) with bodies that allocate while the caller holds values.

def churn(n):
    return [str(j) * 2 for j in range(n)]


class Key:
    def __init__(self, v):
        self.v = str(v)

    def __lt__(self, other):
        churn(4)
        return int(self.v) < int(other.v)

    def __repr__(self):
        churn(2)
        return "Key(" + self.v + ")"


keys = [Key((i * 7919) % 61) for i in range(61)]
print(sorted(keys)[:4], min(keys), max(keys))
print(len(set(keys + keys)), keys[5] in keys, Key(5) in keys)
print(len({k: str(k.v) for k in keys}), sorted(keys, key=lambda k: churn(2) and k)[-1])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        churn(3)
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return str(self.n)


print(list(Countdown(5)), sorted(Countdown(50))[:3], "39" in Countdown(40))
print(list(zip(Countdown(40), Countdown(40)))[-2:])


class Mapping:
    def __init__(self, n):
        self.n = n

    def keys(self):
        churn(3)
        return [str(i) for i in range(self.n)]

    def __getitem__(self, k):
        churn(3)
        return k * 3


def g(**kw):
    return sorted(kw.items())[:3], len(kw)


print(g(**Mapping(60)))
print(dict(Mapping(4)), {**Mapping(3), "z": 1})


class Seq:
    def __len__(self):
        churn(2)
        return 5

    def __getitem__(self, i):
        churn(2)
        if i >= 5:
            raise IndexError(i)
        return str(i) * 2


print([Seq()[i] for i in range(len(Seq()))], len(Seq()), bool(Seq()))
print([repr(k) for k in keys[:3]], str(keys[:2]))
