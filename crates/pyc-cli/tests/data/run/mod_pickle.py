import pickle
def f(a, /, b): return (a, b)
class K: pass
for obj in [None, True, 5, 300, 70000, -5, 2**70, -2**70, "hi", "é" * 3, b"xy", [1, 2], [7], {"a": 1}, {"a": 1, "b": [2]}, (1,), (1, 2, 3, 4), (), f, K, [f, f]]:
    data = pickle.dumps(obj)
    back = pickle.loads(data)
    print(repr(obj)[:30], data == __import__("pickle").dumps(obj), back == obj or back is obj, data.hex()[:60])
print(pickle.loads(pickle.dumps(1.5)), pickle.loads(pickle.dumps({1, 2})))
try:
    pickle.dumps(lambda: 1)
except Exception as e:
    print(type(e).__name__, str(e)[:50])
