# Methods and attributes of builtin types are descriptors in the types' namespaces:
# reachable unbound from the type and bound from an instance, with CPython's reprs.

print(str.upper, type(str.upper).__name__, str.__dict__['upper'] is str.upper)
print('a'.upper, type('a'.upper).__name__)
print(str.upper('ab'), str.join(',', ['a', 'b']), int.bit_length(True), int.bit_length(255))
items = [3, 1, 2]
list.append(items, 4)
list.sort(items)
print(items, list.pop(items), tuple.count((1, 1, 2), 1), dict.get({1: 'one'}, 1))
adds = set()
set.add(adds, 5)
print(adds, dict.keys({'k': 1}), str.split('a b'), str.startswith('abc', 'b', 1))

# Bound builtin methods remember their receiver; calling one is calling the method.
append = items.append
append(9)
print(items, append.__self__ is items, append.__name__, append.__qualname__)
print(True.bit_length.__qualname__, len.__name__, len.__qualname__, len.__module__)

# Class methods bind to the class, from the class or an instance.
print(dict.fromkeys, type(dict.__dict__['fromkeys']).__name__, dict.__dict__['fromkeys'])
print(dict.fromkeys('ab'), dict.fromkeys([1, 2], 0), {}.fromkeys('x', []))
print(dict.fromkeys.__self__, dict.fromkeys.__qualname__)

# Special methods are slot wrappers; bound, method-wrappers.
print(object.__init__, type(object.__init__).__name__)
class Point:
    def __init__(self, x):
        self.x = x
p = Point(1)
print(p.__repr__, type(p.__repr__).__name__, p.__repr__.__qualname__)
print(object.__repr__(p) == repr(p), ValueError.__init__, KeyError.__dict__['__init__'])
gen = (n for n in range(3))
print(type(gen).__dict__['__next__'], gen.__next__(), type(gen).send)

# Attributes: getset and member descriptors.
print(int.real, type(int.real).__name__, range.start, type(range.start).__name__)
print((5).real, (5).imag, (5).numerator, (5).denominator, True.real, (2 ** 70).denominator)
print((2.5).real, (2.5).imag, (2.5).is_integer(), (3.0).is_integer(), (2.5).conjugate())
print(range(1, 10, 3).start, range(1, 10, 3).step, slice(1, None, 2).stop)
print(range(0, 10, 3).index(9), range(5).count(2), range(5).count('x'), range(3).index(True))

# Descriptors have names and know their class.
print(str.upper.__name__, str.upper.__qualname__, str.upper.__objclass__)
print(int.real.__name__, int.real.__qualname__, range.start.__objclass__)
print(type.__dict__['__name__'], type.__dict__['__mro__'], object.__dict__['__class__'])

# __get__, __set__ and __delete__ of the descriptors themselves.
print(str.upper.__get__('x')(), str.upper.__get__(None, str), int.real.__get__(7, int))
print((lambda: 0).__get__, staticmethod(len).__get__(1) is len)
print(dict.__dict__['fromkeys'].__get__({})('z'))

# type's own methods and attributes, found through the same lookup.
print(int.mro(), bool.mro(), type.mro(bool), type.mro)
class Base:
    pass
class Child(Base):
    pass
print(Base.__subclasses__(), Child.__subclasses__(), bool.__subclasses__())
print(Child.__mro__, Child.__bases__, Child.__base__, Child.__name__, Child.__qualname__)
print(str.__name__, str.__module__, str.__base__, Child.__module__, Child.__doc__)
print(int.__class__, (1).__class__, type.__class__, Child().__class__)

# hasattr and getattr agree with the lookup.
print(hasattr([], 'append'), hasattr(list, 'append'), hasattr(1, 'real'), hasattr(1, 'mro'))
print(hasattr(int, 'mro'), hasattr(type, 'mro'), hasattr(1, 'nope'), getattr(str, 'upper')('q'))
print(callable(str.upper), callable(int.real), callable([].append))
