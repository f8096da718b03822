class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"K({self.v})"
    def __lt__(self, o): return self.v < o.v
d = {K(1): "a", K(2): "b"}
print(d[K(1)], K(2) in d, K(3) in d, d.get(K(3)), len({K(1), K(1), K(2)}))
print(K(1) in [K(0), K(1)], [K(1), K(2)].index(K(2)), [K(1), K(1)].count(K(1)))
l = [K(1), K(2)]; l.remove(K(2)); print(l)
print([K(1)] == [K(1)], (K(1), 2) == (K(1), 2), {1: K(1)} == {1: K(1)}, {K(1)} == {K(1)})
print(sorted([(1, K(2)), (1, K(1))]), [K(1)] < [K(2)], (K(3),) > (K(2),))
print(hash((K(1), 2)) == hash((1, 2)), K(1) in {K(1): 0}.keys(), K(1) in {0: K(1)}.values())
nan = float("nan"); print(nan in [nan], [nan] == [nan], nan == nan)
class E:
    def __eq__(self, o): return True
try:
    {E(): 1}
except TypeError as e: print(e)
class H:
    def __hash__(self): return -1
print(hash(H()))
print(d)
del d[K(1)]; print(d)
s = {K(5)}; s.discard(K(5)); print(s)
print({(K(1), "x"): 3}[(K(1), "x")])
