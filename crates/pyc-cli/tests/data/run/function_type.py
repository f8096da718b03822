import types
def f(): pass
try: types.FunctionType(f.__code__, {}, closure=(1,))
except Exception as e: print(e)
def g():
    x=1
    def h(): return x
    return h
h=g()
try: types.FunctionType(h.__code__, {})
except Exception as e: print(e)
try: types.FunctionType(h.__code__, {}, None, None, (1,))
except Exception as e: print(e)
try: types.FunctionType(h.__code__, {}, None, None, [1])
except Exception as e: print(e)
try: types.FunctionType(1, {})
except Exception as e: print(e)
try: types.FunctionType(f.__code__, 1)
except Exception as e: print(e)
print(types.FunctionType(f.__code__, {}, 'nm').__name__)
h2 = types.FunctionType(h.__code__, {}, None, None, (types.CellType(42),))
print(h2(), h2.__closure__[0].cell_contents, h2.__name__, h2.__qualname__)
def k(a, b=2): return a + b
k2 = types.FunctionType(k.__code__, {}, "k2", (10,))
print(k2(1), k2.__defaults__, k2.__builtins__ is __builtins__.__dict__)


def annotated(a, b="x"):
    return [a, b]


print(annotated.__annotations__, annotated.__annotations__ is annotated.__annotations__)
print(f.__annotations__, annotated.__name__ is annotated.__name__)
annotated.__annotations__ = {"z": 1}
print(annotated.__annotations__)
try:
    annotated.__annotations__ = 5
except TypeError as e:
    print(e)
c1, c2, empty = types.CellType(2), types.CellType(3), types.CellType()
print(c1 < c2, empty < c1, empty == types.CellType(), types.CellType(-36) == types.CellType(-36.0), c2 > empty)
