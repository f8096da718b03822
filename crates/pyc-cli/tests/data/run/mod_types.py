import types
import sys


def f(x):
    return x


class A:
    def m(self):
        return 42


def gen():
    yield 1


print(type(f) is types.FunctionType, types.LambdaType is types.FunctionType)
print(isinstance(lambda: 0, types.LambdaType), isinstance(f.__code__, types.CodeType))
print(isinstance(gen(), types.GeneratorType), isinstance(A().m, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType))
print(types.NoneType is type(None), types.FunctionType.__name__, types.CodeType.__name__)
print(types.CellType.__name__, types.MethodType.__name__, types.ModuleType.__name__)
print(isinstance(sys._getframe(), types.FrameType))
try:
    1 / 0
except ZeroDivisionError as e:
    print(isinstance(e.__traceback__, types.TracebackType))

c = types.CellType(5)
print(c.cell_contents, type(c).__name__)
empty = types.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print("ValueError", e)
empty.cell_contents = "now"
print(empty.cell_contents)

m = types.MethodType(f, A())
print(type(m).__name__, m.__func__ is f, m() is m.__self__)
try:
    types.MethodType(1, 2)
except TypeError as e:
    print("TypeError", e)

mod = types.ModuleType("mymod")
print(mod, mod.__name__, mod.__doc__)
mod.x = 3
print(mod.x)
mod2 = types.ModuleType("other", "the docs")
print(mod2.__doc__)

ns = types.SimpleNamespace(a=1, b="two")
print(ns, ns.a, ns.b)
ns.c = [3]
print(ns)
print(ns == types.SimpleNamespace(a=1, b="two", c=[3]), ns == types.SimpleNamespace(a=1))
del ns.a
print(ns, types.SimpleNamespace())
try:
    types.SimpleNamespace({"k": 1})
except TypeError as e:
    print("TypeError", e)

mp = types.MappingProxyType({"x": 1, "y": 2})
print(mp["x"], len(mp), "x" in mp, list(mp), mp.get("z", 0), sorted(mp.items()))
try:
    mp["x"] = 5
except TypeError as e:
    print("TypeError", e)


def body(ns):
    ns["greet"] = lambda self: "hi " + self.name
    ns["name"] = "cls"


B = types.new_class("B", (A,), exec_body=body)
print(B.__name__, B.__module__, B().greet(), B().m(), B.__mro__)
C = type("C", (), {"v": 7})
print(C.v, C.__name__, C.__module__, C())
