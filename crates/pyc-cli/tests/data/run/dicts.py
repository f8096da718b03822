# Dicts: insertion order, methods, reprs.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], "c" in d, "z" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("zz"), d.get("zz", "default"))
print(d.pop("a"), d)
d.update({"x": 0, "b": -1})
print(d)
print(d.setdefault("new", []), d.setdefault("b", 99))
del d["c"]
print(d)
for k, v in d.items():
    print(k, "->", v)
print({1: "one", (1, 2): [3], None: {}}, dict(), {} == {})
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts), max(counts, key=lambda k: counts[k]))
print(dict([("p", 1), ("q", 2)]), dict(a=1, b=2))
