import inspect
def f(a, b=1, *args, c, d=2, **kw): pass
def g(x, /, y, *, z): pass
s = inspect.signature(f)
print(s, inspect.signature(g))
print(s.parameters)
p = s.parameters['b']
print(p, repr(p), p.kind, repr(p.kind), p.kind.description, p.default, p.name, p.annotation is p.empty)
print(inspect.Parameter.POSITIONAL_ONLY < inspect.Parameter.KEYWORD_ONLY, p.kind.value)
ba = s.bind(1, 2, 3, c=4, e=5)
print(ba, ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults(); print(ba)
print(s.bind_partial(c=1))
x = 5
def outer():
    y = 1
    def inner(): return x + y + len([]) + missing
    return inner
print(inspect.getclosurevars(outer()))
print(repr(inspect.signature(f)))
print(inspect.Parameter('q', inspect.Parameter.KEYWORD_ONLY, default=3))
try: s.bind(1)
except TypeError as e: print(e)
try: s.bind(1, 2, c=1, a=3)
except TypeError as e: print(e)
try: inspect.signature(g).bind(1, 2, 3)
except TypeError as e: print(e)
try: inspect.signature(g).bind(x=1, y=2, z=3)
except TypeError as e: print(e)
class K:
    def __init__(self, a, b=2): pass
    def meth(self, q): pass
print(inspect.signature(K), inspect.signature(K.meth))
print(inspect.signature(lambda *a, **k: 0))
import sys
import types


def deco(fn):
    return fn


@deco
def decorated(a,
              b):
    """Docstring.

        Indented more.
    """
    if a:
        return b

    return a  # end


class Shape:
    """A shape."""
    sides = 0

    def area(self):
        return 0


def gen():
    yield 1


print(inspect.getsource(decorated), end="")
print(inspect.getsource(Shape), end="")
print(inspect.getsource(Shape.area), end="")
lines, start = inspect.getsourcelines(gen)
print(lines, start)
print(repr(inspect.getdoc(decorated)))
print(inspect.cleandoc("  a\n    b\n  c\n"))
print(inspect.isfunction(gen), inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()))
print(inspect.isclass(Shape), inspect.isclass(Shape()), inspect.ismethod(Shape().area), inspect.ismethod(Shape.area))
print(inspect.ismodule(sys), inspect.isbuiltin(len), inspect.isbuiltin(gen), inspect.iscode(gen.__code__))
print(inspect.isframe(sys._getframe()), inspect.isroutine(len), inspect.isroutine(Shape))
try:
    raise KeyError("k")
except KeyError as e:
    tb = e.__traceback__
print(inspect.istraceback(tb), inspect.istraceback(None))
print(inspect.getfile(gen).endswith("mod_inspect.py"), inspect.getfile(Shape) == __file__)
print(inspect.getmodule(gen) is sys.modules[__name__], inspect.getmodule(Shape).__name__)
try:
    inspect.getfile(sys)
except TypeError as e:
    print("TypeError", e)
try:
    inspect.getsource(len)
except TypeError as e:
    print("TypeError", e)


def where():
    frame = inspect.currentframe(); return frame.f_code.co_name, frame.f_lineno, frame.f_back.f_code.co_name


print(where())


def show_stack():
    return [(fi.function, fi.lineno, fi.code_context[0].strip()) for fi in inspect.stack()]


def caller():
    return show_stack()


for entry in caller():
    print(entry)
print([name for name, _ in inspect.getmembers(Shape) if not name.startswith("__")])
print(inspect.getmembers(types.SimpleNamespace(b=2, a=1), lambda v: isinstance(v, int)))
print(inspect.getmro(Shape))


def counter():
    total = 0
    limit = 10

    def step(n):
        nonlocal total
        total += n
        print(limit, len([]))
        return total < limit
    return step


print(inspect.getclosurevars(counter()))
print(inspect.getclosurevars(Shape().area))
