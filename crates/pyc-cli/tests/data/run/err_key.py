# Missing dict keys.
d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print("caught", e, repr(e))
try:
    d.pop("zz")
except KeyError as e:
    print("caught", e)
def lookup(table, key):
    return table[key]
lookup({1: "x"}, (1, 2))
