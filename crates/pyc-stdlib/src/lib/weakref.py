"""Weak references: refer to an object without keeping it alive.

pyc frees objects when its collector runs, not when their last reference goes: a
referent dies (its weak references return None and their callbacks run) at the next
collection that finds it unreachable — `gc.collect()` forces one.
"""

import _weakref

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary',
           'ReferenceType', 'ProxyType', 'CallableProxyType', 'WeakValueDictionary',
           'WeakSet', 'finalize']


class ReferenceType:
    """`ref(obj[, callback])`: calling it returns obj, or None once obj died; then
    `callback(the ref)` runs."""

    def __init__(self, ob, callback=None):
        self._handle = _weakref.new(ob, callback, self)
        self._callback = callback
        self._hash = None

    def __call__(self):
        return _weakref.target(self._handle)

    @property
    def __callback__(self):
        return self._callback

    def __hash__(self):
        if self._hash is None:
            ob = self()
            if ob is None:
                raise TypeError('weak object has gone away')
            self._hash = hash(ob)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a = self()
        b = other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __repr__(self):
        ob = self()
        if ob is None:
            return '<weakref at %#x; dead>' % id(self)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(ob).__name__, id(ob))


ref = ReferenceType


def _referent(proxy):
    ob = proxy._ref()
    if ob is None:
        raise ReferenceError('weakly-referenced object no longer exists')
    return ob


class ProxyType:
    """A stand-in for an object that does not keep it alive; using it after the object
    died raises ReferenceError."""

    def __init__(self, ob, callback=None):
        object.__setattr__(self, '_ref', ref(ob, callback and
                                             (lambda r: callback(self))))

    def __getattr__(self, name):
        return getattr(_referent(self), name)

    def __setattr__(self, name, value):
        setattr(_referent(self), name, value)

    def __delattr__(self, name):
        delattr(_referent(self), name)

    def __repr__(self):
        ob = self._ref()
        if ob is None:
            return '<weakproxy at %#x; dead>' % id(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(ob).__name__,
                                                        id(ob))

    def __str__(self):
        return str(_referent(self))

    def __bool__(self):
        return bool(_referent(self))

    def __len__(self):
        return len(_referent(self))

    def __iter__(self):
        return iter(_referent(self))

    def __getitem__(self, key):
        return _referent(self)[key]

    def __setitem__(self, key, value):
        _referent(self)[key] = value

    def __contains__(self, item):
        return item in _referent(self)

    def __eq__(self, other):
        return _referent(self) == other

    def __lt__(self, other):
        return _referent(self) < other

    def __add__(self, other):
        return _referent(self) + other

    def __hash__(self):
        raise TypeError("unhashable type: 'weakproxy'")


class CallableProxyType(ProxyType):
    """A proxy for a callable object."""

    def __call__(self, *args, **kwargs):
        return _referent(self)(*args, **kwargs)


def proxy(ob, callback=None):
    """A proxy to `ob`."""
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


def getweakrefcount(ob):
    """How many weak references and proxies refer to `ob`."""
    return len(_weakref.referrers(ob))


def getweakrefs(ob):
    """The weak references and proxies that refer to `ob`."""
    return _weakref.referrers(ob)


class _WeakMapping:
    """What the weak dictionaries derive from their live `items()`."""

    def __len__(self):
        return len(self.items())

    def __iter__(self):
        return iter(self.keys())

    def __repr__(self):
        return '<%s at %#x>' % (type(self).__name__, id(self))

    def keys(self):
        return [key for key, _ in self.items()]

    def values(self):
        return [value for _, value in self.items()]


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), **kwargs):
        self.data = {}
        self.update(other, **kwargs)

    def _remover(self, key):
        def remove(wr, selfref=ref(self)):
            owner = selfref()
            if owner is not None and owner.data.get(key) is wr:
                del owner.data[key]
        return remove

    def __getitem__(self, key):
        ob = self.data[key]()
        if ob is None:
            raise KeyError(key)
        return ob

    def __setitem__(self, key, value):
        self.data[key] = ref(value, self._remover(key))

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        ob = wr()
        return default if ob is None else ob

    def items(self):
        result = []
        for key, wr in list(self.data.items()):
            ob = wr()
            if ob is not None:
                result.append((key, ob))
        return result

    def pop(self, key, *default):
        try:
            ob = self.data.pop(key)()
        except KeyError:
            ob = None
        if ob is None:
            if default:
                return default[0]
            raise KeyError(key)
        return ob

    def setdefault(self, key, default=None):
        ob = self.get(key)
        if ob is None:
            self[key] = default
            return default
        return ob

    def update(self, other=(), **kwargs):
        items = other.items() if hasattr(other, 'items') else other
        for key, value in items:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def copy(self):
        return WeakValueDictionary(self.items())


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self.data = {}

        def remove(k, selfref=ref(self)):
            owner = selfref()
            if owner is not None:
                owner.data.pop(k, None)
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def items(self):
        result = []
        for wr, value in list(self.data.items()):
            ob = wr()
            if ob is not None:
                result.append((ob, value))
        return result

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, **kwargs):
        if dict is not None:
            items = dict.items() if hasattr(dict, 'items') else dict
            for key, value in items:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value


class WeakSet:
    """A set whose items are held weakly."""

    def __init__(self, data=None):
        self.data = set()

        def remove(item, selfref=ref(self)):
            owner = selfref()
            if owner is not None:
                owner.data.discard(item)
        self._remove = remove
        if data is not None:
            for item in data:
                self.add(item)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        return iter([ob for ob in (wr() for wr in list(self.data)) if ob is not None])

    def __len__(self):
        return sum(1 for wr in self.data if wr() is not None)


class finalize:
    """`finalize(obj, func, *args, **kwargs)`: calls `func(*args, **kwargs)` once,
    when `obj` dies, when called, or at exit (if `atexit` is true and it is still
    alive)."""

    _registry = {}
    _index = 0
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        finalize._index += 1
        self._key = finalize._index
        self._ref = ref(obj, self)
        self.atexit = True
        finalize._registry[self] = (func, args, kwargs or None, finalize._index)

    def __hash__(self):
        return hash(self._key)

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info is not None:
            func, args, kwargs, _index = info
            return func(*args, **(kwargs or {}))

    def detach(self):
        """Forget the callback; return `(obj, func, args, kwargs)` if it was alive."""
        obj = self._ref()
        info = finalize._registry.get(self)
        if obj is not None and info is not None:
            del finalize._registry[self]
            return (obj, info[0], info[1], info[2] or {})
        return None

    def peek(self):
        """`(obj, func, args, kwargs)` if alive, else None."""
        obj = self._ref()
        info = finalize._registry.get(self)
        if obj is not None and info is not None:
            return (obj, info[0], info[1], info[2] or {})
        return None

    @property
    def alive(self):
        return self in finalize._registry

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @staticmethod
    def _exitfunc():
        pending = [f for f in finalize._registry if f.atexit]
        pending.sort(key=lambda f: finalize._registry[f][3], reverse=True)
        for f in pending:
            f()
