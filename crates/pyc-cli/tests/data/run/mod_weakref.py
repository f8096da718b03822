import gc
import weakref


class Thing:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Thing(%r)" % self.name


def died(r):
    print("callback: referent died; ref() ->", r())


t = Thing("a")
r = weakref.ref(t, died)
r2 = weakref.ref(t)
print(r() is t, r() , weakref.getweakrefcount(t), r.__callback__ is died)
print(r == r2, hash(r) == hash(t), isinstance(r, weakref.ref))
del t
gc.collect()
print(r(), r2(), r == r2)

# A cycle that only the collector frees, while automatic collection is off.
gc.disable()
a = Thing("cycle")
a.me = a
ra = weakref.ref(a, lambda _: print("cycle collected"))
del a
junk = [[i] for i in range(30000)]
print("alive while gc is disabled:", ra() is not None)
gc.enable()
gc.collect()
print("after collect:", ra())

for bad in (1, "s", [1], (1,), {}):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError", e)


def f():
    return 1


print(weakref.ref(f)() is f)

p = weakref.proxy(Thing("p-owner"))
gc.collect()
try:
    p.name
except ReferenceError as e:
    print("ReferenceError", e)
keep = Thing("kept")
p = weakref.proxy(keep)
print(p.name, str(p))
p.name = "renamed"
print(keep.name)

d = weakref.WeakValueDictionary()
x = Thing("x")
y = Thing("y")
d["x"] = x
d["y"] = y
print(sorted(d.keys()), d["x"], "x" in d, len(d))
del x
gc.collect()
print(sorted(d.keys()), "x" in d, d.get("x"), len(d))

k = weakref.WeakKeyDictionary()
key1 = Thing("k1")
key2 = Thing("k2")
k[key1] = 1
k[key2] = 2
print(len(k), k[key1], key2 in k)
del key2
gc.collect()
print(len(k), [v for _, v in k.items()])

obj = Thing("fin")
fin = weakref.finalize(obj, print, "finalized", "obj")
print(fin.alive, fin.peek()[1] is print)
del obj
gc.collect()
print(fin.alive)
obj2 = Thing("fin2")
fin2 = weakref.finalize(obj2, print, "called directly")
fin2()
fin2()
print(fin2.alive)
obj3 = Thing("at exit")
weakref.finalize(obj3, print, "finalized at exit")
print("end of main")
