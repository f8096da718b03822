# Builtin methods called wrongly, and builtin attributes written wrongly, raise
# CPython's TypeError/AttributeError: the descriptor call checks the receiver and the
# argument count before the method runs.

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)

class Thing:
    pass

attempt('no receiver', lambda: str.upper())
attempt('no receiver, METH_O', lambda: list.append())
attempt('no receiver, class method', lambda: dict.__dict__['fromkeys']())
attempt('no receiver, slot', lambda: object.__init__())
attempt('wrong receiver', lambda: str.upper(5))
attempt('wrong receiver', lambda: list.append(5, 1))
attempt('wrong receiver', lambda: dict.get(5, 1))
attempt('wrong receiver', lambda: set.add(5, 1))
attempt('wrong receiver', lambda: int.bit_length(5.0))
attempt('wrong receiver', lambda: property.setter(Thing(), 1))
attempt('wrong receiver', lambda: type.mro(5))
attempt('wrong receiver, slot', lambda: BaseException.__init__(5))
attempt('wrong receiver, slot', lambda: ValueError.__init__(KeyError(), 1))
attempt('wrong receiver, class method', lambda: dict.__dict__['fromkeys'](5, []))
attempt('wrong receiver, class method', lambda: dict.__dict__['fromkeys'](int, []))
attempt('no receiver', lambda: property.setter())
attempt('too many', lambda: str.upper('a', 1))
attempt('too many', lambda: 'a'.upper(1))
attempt('too many, bound', lambda: (lambda f: f(1))('a'.upper))
attempt('too many, bound class', lambda: int.__subclasses__(1))
attempt('too few', lambda: list.append([]))
attempt('too many', lambda: [].append(1, 2))
attempt('too many', lambda: [].copy(1))
attempt('too many', lambda: {}.keys(1))
attempt('too many', lambda: (1).bit_length(1))
attempt('too few', lambda: 'a'.zfill())
attempt('too few', lambda: range(3).index())
attempt('too many, slot', lambda: object.__repr__(1, 2))
attempt('too few, slot', lambda: object.__getattribute__(1))
attempt('too few, slot', lambda: object.__setattr__(1))
attempt('too many, slot', lambda: (n for n in []).__next__(1))
attempt('keywords', lambda: 'a'.upper(x=1))
attempt('keywords', lambda: [].append(x=1))
attempt('keywords', lambda: 'a'.join(x=1))
attempt('keywords', lambda: {}.get(1, x=2))
attempt('keywords', lambda: dict.fromkeys([1], x=1))
attempt('keywords, slot', lambda: object.__repr__(1, x=2))
attempt('keywords', lambda: ValueError().__init__(x=1))
attempt('arg counts', lambda: [].insert(1))
attempt('arg counts', lambda: isinstance(1))
attempt('arg counts', lambda: divmod(1, 2, 3))
attempt('arg counts', lambda: 'a'.split(1, 2, 3))
attempt('arg counts', lambda: 'a'.count())
attempt('arg counts', lambda: 'a'.startswith('a', 1, 2, 3))
attempt('arg counts', lambda: dict.fromkeys())
attempt('not in range', lambda: range(0, 10, 3).index(4))
attempt('not in range', lambda: range(3).index('a'))
attempt('binding', lambda: str.upper.__get__(5))
attempt('binding', lambda: int.real.__get__('x'))
attempt('binding', lambda: (lambda: 0).__get__(None, None))
attempt('binding', lambda: (lambda: 0).__get__())

class Copied:
    up = str.upper
attempt('copied descriptor', lambda: Copied().up())
attempt('copied descriptor', lambda: Copied().up)

def store(label, obj, name, value):
    try:
        setattr(obj, name, value)
        print(label, '-> set', getattr(obj, name))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)

store('no dict', 1, 'x', 2)
store('getset', 1, 'real', 2)
store('member', range(1), 'start', 2)
store('method', 1, 'bit_length', 2)
store('immutable type', int, 'x', 1)
store('immutable type', int, 'real', 1)
store('class name', Thing, '__name__', 5)
store('class qualname', Thing, '__qualname__', 5)
store('class mro', Thing, '__mro__', ())
store('class dict', Thing, '__dict__', {})
store('function code', len, '__code__', 1)
store('function code', attempt, '__code__', 5)
store('function defaults', attempt, '__defaults__', 5)
store('function kwdefaults', attempt, '__kwdefaults__', 5)
store('function name', attempt, '__name__', 5)
store('function globals', attempt, '__globals__', {})
store('function dict', attempt, '__dict__', 5)
store('instance dict', Thing(), '__dict__', 5)
store('exception args', ValueError(), 'args', 5)
store('exception cause', ValueError(), '__cause__', 5)
store('exception context', ValueError(), '__context__', 5)
store('suppress context', ValueError(), '__suppress_context__', 5)
store('traceback', ValueError(), '__traceback__', 5)
store('class', Thing(), '__class__', 5)
store('class', Thing(), '__class__', int)
store('class', 1, '__class__', Thing)
store('class', Thing(), '__class__', ValueError)
class Oops(Exception):
    pass
class Other:
    pass
store('class', Thing(), '__class__', Oops)
store('class', Oops(), '__class__', Thing)
store('class', Thing(), '__class__', Other)
store('method attribute', Thing().__init__, 'x', 1)

def delete(label, obj, name):
    try:
        delattr(obj, name)
        print(label, '-> deleted')
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)

delete('getset', 1, 'real')
delete('member', range(1), 'start')
delete('no attribute', Thing(), 'x')
delete('class name', Thing, '__name__')
delete('exception args', ValueError(), 'args')
delete('exception cause', ValueError(), '__cause__')
delete('suppress context', ValueError(), '__suppress_context__')
delete('function dict', attempt, '__dict__')
delete('function name', attempt, '__name__')
delete('class', Thing(), '__class__')

attempt('no attribute', lambda: (1).__dict__)
attempt('no attribute', lambda: Thing().mro)
