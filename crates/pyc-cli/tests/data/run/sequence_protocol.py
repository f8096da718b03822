class Seq:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * i
print(list(Seq(5)), 9 in Seq(5), 7 in Seq(5), sorted(Seq(4), reverse=True), sum(Seq(4)))
it = iter(Seq(2)); print(type(it).__name__, next(it), next(it), next(it, "done"), next(it, "done"))
for x in Seq(3): print(x, end=" ")
print()
a, b, c = Seq(3); print(a, b, c, [*Seq(2)], dict(zip(Seq(3), "abc")))
class Bad:
    def __getitem__(self, i): raise KeyError(i)
try: list(Bad())
except KeyError as e: print("KeyError", e)
class NoIter: pass
try: iter(NoIter())
except TypeError as e: print(e)
