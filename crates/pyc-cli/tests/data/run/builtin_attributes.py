# Attributes of functions, methods, classes, exceptions, generators, cells and builtin
# callables: read, written and deleted through the descriptors of their types.
class C:
    "C doc"
    x = 1
    def f(self, a=1):
        "f doc"
        return a
    @staticmethod
    def sm(): return 'sm'
    @classmethod
    def cm(cls): return cls.__name__
    @property
    def p(self): return 42
class D(C):
    pass
c = C()
print(hasattr([], 'append'), hasattr(1, 'real'), hasattr(1, 'nope'), hasattr(C, 'mro'), hasattr(c, 'mro'))
print(getattr(str, 'upper')('a'), getattr('b', 'upper')(), getattr(1, 'imag'))
print(C.f, C.sm(), C.cm(), D.cm(), c.cm(), c.sm(), c.p, type(C.__dict__['p']).__name__)
m = c.f
print(m.__name__, m.__qualname__, m.__doc__, m.__func__ is C.f, m.__self__ is c, m.__module__)
print(C.f.__doc__, C.f.__name__, C.f.__qualname__, C.f.__defaults__, C.f.__module__)
print(C.__doc__, D.__doc__, c.__doc__, D().__doc__, C.__module__, C.__name__, C.__qualname__)
print(C.__mro__, D.__bases__, D.__base__, C.mro(), D.mro())
C.f.tag = 'tagged'
print(C.f.tag, C.f.__dict__, c.f.tag)
c.f.__func__.other = 2
print(sorted(C.f.__dict__))
try:
    c.f.newattr = 1
except AttributeError as e:
    print('AttributeError', e)
def g(): pass
g.__name__ = 'h'
g.__qualname__ = 'H.h'
print(g, g.__name__)
g.__defaults__ = (1,)
g.__kwdefaults__ = {'k': 2}
print(g.__defaults__, g.__kwdefaults__)
del g.__defaults__
print(g.__defaults__)
print(type(c).__name__, c.__class__, c.__class__.__name__)
c.__class__ = D
print(type(c).__name__, isinstance(c, D))
c.__dict__ = {'y': 5}
print(c.y, c.__dict__)
del c.__dict__
print(c.__dict__)
e = ValueError('m', 2)
print(e.args, e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.note = 'n'
print(e.__dict__, e.note)
e.args = [1, 2]
print(e.args, e)
class E(KeyError):
    pass
e2 = E('k')
print(e2.args, repr(e2), str(e2), e2.__dict__)
def gen():
    yield 1
gg = gen()
print(gg.__name__, gg.__qualname__, gg.gi_running, type(gg).__name__)
print(next(gg), gg.__next__.__name__)
s = staticmethod(g)
print(s.__func__ is g, classmethod(g).__func__ is g)
pr = property(lambda self: 1)
print(pr.fget(None), pr.fset)
print(range(1, 10, 2).start, range(1, 10, 2).stop, range(1, 10, 2).step, slice(1, None).stop)
cell_f = (lambda: g)
def outer():
    v = 5
    def inner(): return v
    return inner
cl = outer().__closure__[0]
print(cl.cell_contents)
cl.cell_contents = 6
print(outer.__code__.co_cellvars, cl.cell_contents)
print(len.__name__, len.__qualname__, len.__module__, [].append.__name__, [].append.__qualname__, True.bit_length.__qualname__)
print([].append.__self__, dict.fromkeys.__self__, str.upper.__objclass__, int.real.__objclass__)
print(type(len).__name__, type([].append).__name__, type(c.f).__name__, type(object.__init__).__name__)
print(int.__dict__['bit_length'], type(int.__dict__['bit_length']).__name__)
print(C.__dict__['f'], C.__dict__['x'])
l = [3, 1, 2]
list.sort(l)
print(l)
print(str.join(',', ['a', 'b']), list.append(l, 4), l, dict.get({1: 2}, 1), set.add(set(), 1))
print(dict.fromkeys('ab'), dict.fromkeys([1, 2], 0), {}.fromkeys('x'))
print(int.mro(), bool.mro(), type.mro(bool))
print(type.__name__, type(int).__name__, type(type).__name__)
