# with statements whose __enter__/__exit__ allocate, found through properties that
# allocate too: everything held between the lookups and the calls must survive.
class Resource:
    def __init__(self, n):
        self.n = n
        self.events = []

    @property
    def __enter__(self):
        junk = [[i] * 3 for i in range(50)]

        def enter():
            more = {str(i): [i] for i in range(30)}
            self.events.append(("enter", len(junk), len(more)))
            return [self.n] * 4

        return enter

    @property
    def __exit__(self):
        junk = [(i, str(i)) for i in range(50)]

        def exit(typ, value, tb):
            self.events.append(("exit", typ.__name__ if typ else None, len(junk)))
            return typ is KeyError

        return exit


total = 0
for n in range(60):
    r = Resource(n)
    with r as values, Resource(n + 1) as others:
        total += sum(values) + sum(others)
        if n % 3 == 0:
            raise KeyError(n)
    total += len(r.events)
print(total)


def gen(n):
    for i in range(n):
        with Resource(i) as v:
            yield [x * 2 for x in v]


print(sum(sum(x) for x in gen(40)))
