"""Serialising objects to bytes and back (pyc's own implementation of a subset of
CPython's `pickle`: protocol 4 opcodes for None, bools, ints, floats, str, bytes,
bytearray, tuples, lists, dicts, sets, and functions and classes by reference)."""

import sys

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "dumps", "loads", "dump",
           "load", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


MARK, STOP, POP = b'(', b'.', b'0'
BININT, BININT1, BININT2, LONG1 = b'J', b'K', b'M', b'\x8a'
NONE, NEWTRUE, NEWFALSE = b'N', b'\x88', b'\x89'
FLOAT = b'F'
SHORT_BINUNICODE, BINUNICODE = b'\x8c', b'X'
SHORT_BINBYTES, BINBYTES = b'C', b'B'
EMPTY_TUPLE, TUPLE, TUPLE1, TUPLE2, TUPLE3 = b')', b't', b'\x85', b'\x86', b'\x87'
EMPTY_LIST, APPENDS = b']', b'e'
EMPTY_DICT, SETITEMS = b'}', b'u'
EMPTY_SET, ADDITEMS = b'\x8f', b'\x90'
STACK_GLOBAL, MEMOIZE, BINGET, LONG_BINGET = b'\x93', b'\x94', b'h', b'j'
PROTO = b'\x80'
BYTEARRAY8 = b'\x96'


def _to_bytes(n, size):
    """`n` as `size` little-endian bytes, two's complement when negative."""
    if n < 0:
        n += 1 << (8 * size)
    return bytes([(n >> (8 * i)) & 0xff for i in range(size)])


def _from_bytes(data, signed=False):
    """The int of little-endian `data`."""
    n = 0
    for i, byte in enumerate(data):
        n |= byte << (8 * i)
    if signed and data and data[-1] & 0x80:
        n -= 1 << (8 * len(data))
    return n


def _u32(n):
    return _to_bytes(n, 4)


def _whichmodule(obj, name):
    module = getattr(obj, "__module__", None)
    if module is not None:
        return module
    for module_name, module in list(sys.modules.items()):
        if getattr(module, name, None) is obj:
            return module_name
    return "__main__"


class _Pickler:
    def __init__(self, protocol):
        self.out = []
        self.memo = {}
        self.protocol = protocol

    def dump(self, obj):
        self.save(obj)
        self.out.append(STOP)
        body = b"".join(self.out)
        head = PROTO + bytes([self.protocol])
        if self.protocol >= 4 and len(body) >= 4:
            # One frame holds the whole pickle, as CPython frames pickles up to 64 KiB.
            head += b'\x95' + _to_bytes(len(body), 8)
        return head + body

    def memoize(self, obj):
        self.memo[id(obj)] = (len(self.memo), obj)
        self.out.append(MEMOIZE)

    def save(self, obj):
        memo = self.memo.get(id(obj))
        if memo is not None and memo[1] is obj:
            n = memo[0]
            self.out.append(BINGET + bytes([n]) if n < 256 else LONG_BINGET + _u32(n))
            return
        t = type(obj)
        if obj is None:
            self.out.append(NONE)
        elif t is bool:
            self.out.append(NEWTRUE if obj else NEWFALSE)
        elif t is int:
            self.save_int(obj)
        elif t is float:
            self.out.append(FLOAT + repr(obj).encode("ascii") + b"\n")
        elif t is str:
            data = obj.encode("utf-8")
            if len(data) < 256:
                self.out.append(SHORT_BINUNICODE + bytes([len(data)]) + data)
            else:
                self.out.append(BINUNICODE + _u32(len(data)) + data)
            self.memoize(obj)
        elif t is bytes:
            if len(obj) < 256:
                self.out.append(SHORT_BINBYTES + bytes([len(obj)]) + obj)
            else:
                self.out.append(BINBYTES + _u32(len(obj)) + obj)
            self.memoize(obj)
        elif t is bytearray:
            self.out.append(BYTEARRAY8 + _to_bytes(len(obj), 8) + bytes(obj))
            self.memoize(obj)
        elif t is tuple:
            self.save_tuple(obj)
        elif t is list:
            self.out.append(EMPTY_LIST)
            self.memoize(obj)
            self.batch(b'a', APPENDS, obj, self.save)
        elif t is dict:
            self.out.append(EMPTY_DICT)
            self.memoize(obj)

            def pair(kv):
                self.save(kv[0])
                self.save(kv[1])
            self.batch(b's', SETITEMS, list(obj.items()), pair)
        elif t is set:
            self.out.append(EMPTY_SET)
            self.memoize(obj)
            self.batch(None, ADDITEMS, list(obj), self.save)
        elif isinstance(obj, type) or t.__name__ in ("function", "builtin_function_or_method"):
            self.save_global(obj)
        else:
            raise TypeError(f"cannot pickle '{t.__name__}' object")

    def save_int(self, n):
        if 0 <= n < 256:
            self.out.append(BININT1 + bytes([n]))
        elif 0 <= n < 65536:
            self.out.append(BININT2 + _to_bytes(n, 2))
        elif -2 ** 31 <= n < 2 ** 31:
            self.out.append(BININT + _to_bytes(n, 4))
        else:
            size = 1
            while not -(1 << (8 * size - 1)) <= n < (1 << (8 * size - 1)):
                size += 1
            self.out.append(LONG1 + bytes([size]) + _to_bytes(n, size))

    def save_tuple(self, obj):
        if not obj:
            self.out.append(EMPTY_TUPLE)
            return
        if len(obj) <= 3:
            for item in obj:
                self.save(item)
            memo = self.memo.get(id(obj))
            if memo is not None and memo[1] is obj:
                self.out.append(POP * len(obj))
                self.save(obj)
                return
            self.out.append((TUPLE1, TUPLE2, TUPLE3)[len(obj) - 1])
        else:
            self.out.append(MARK)
            for item in obj:
                self.save(item)
            self.out.append(TUPLE)
        self.memoize(obj)

    def batch(self, single, multi, items, save):
        """Appends `items` in chunks of 1000: one item with `single` (when the
        container has such an opcode), more between MARK and `multi`."""
        for start in range(0, len(items), 1000):
            chunk = items[start:start + 1000]
            if len(chunk) == 1 and single is not None:
                save(chunk[0])
                self.out.append(single)
                continue
            self.out.append(MARK)
            for item in chunk:
                save(item)
            self.out.append(multi)

    def save_global(self, obj):
        name = getattr(obj, "__qualname__", None) or obj.__name__
        module_name = _whichmodule(obj, name)
        try:
            __import__(module_name)
            found = sys.modules[module_name]
            for part in name.split("."):
                if part == "<locals>":
                    raise AttributeError(name)
                found = getattr(found, part)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError(
                f"Can't pickle {obj!r}: it's not found as {module_name}.{name}") from None
        if found is not obj:
            raise PicklingError(
                f"Can't pickle {obj!r}: it's not the same object as {module_name}.{name}")
        self.save(module_name)
        self.save(name)
        self.out.append(STACK_GLOBAL)
        self.memoize(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """The pickle of `obj` as bytes."""
    if protocol is None:
        protocol = DEFAULT_PROTOCOL
    if protocol < 0:
        protocol = HIGHEST_PROTOCOL
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    if protocol < 2:
        raise ValueError("pyc's pickle writes protocols 2 to 5 only")
    return _Pickler(protocol).dump(obj)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    file.write(dumps(obj, protocol))


class _Unpickler:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.stack = []
        self.marks = []
        self.memo = {}

    def read(self, n):
        if self.pos + n > len(self.data):
            raise UnpicklingError("pickle data was truncated")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def readline(self):
        end = self.data.find(b"\n", self.pos)
        if end < 0:
            raise UnpicklingError("pickle data was truncated")
        line = self.data[self.pos:end]
        self.pos = end + 1
        return line

    def pop_mark(self):
        items = self.stack[self.marks[-1]:]
        del self.stack[self.marks.pop():]
        return items

    def load(self):
        push = self.stack.append
        while True:
            op = self.read(1)
            if op == PROTO:
                self.read(1)
            elif op == b'\x95':
                self.read(8)
            elif op == STOP:
                return self.stack.pop()
            elif op == MARK:
                self.marks.append(len(self.stack))
            elif op == POP:
                self.stack.pop()
            elif op == NONE:
                push(None)
            elif op == NEWTRUE:
                push(True)
            elif op == NEWFALSE:
                push(False)
            elif op == BININT1:
                push(self.read(1)[0])
            elif op == BININT2:
                push(_from_bytes(self.read(2)))
            elif op == BININT:
                push(_from_bytes(self.read(4), signed=True))
            elif op == LONG1:
                n = self.read(1)[0]
                push(_from_bytes(self.read(n), signed=True))
            elif op == FLOAT:
                push(float(self.readline().decode("ascii")))
            elif op == SHORT_BINUNICODE:
                push(self.read(self.read(1)[0]).decode("utf-8"))
            elif op == BINUNICODE:
                push(self.read(_from_bytes(self.read(4))).decode("utf-8"))
            elif op == SHORT_BINBYTES:
                push(bytes(self.read(self.read(1)[0])))
            elif op == BINBYTES:
                push(bytes(self.read(_from_bytes(self.read(4)))))
            elif op == BYTEARRAY8:
                push(bytearray(self.read(_from_bytes(self.read(8)))))
            elif op == EMPTY_TUPLE:
                push(())
            elif op in (TUPLE1, TUPLE2, TUPLE3):
                n = {TUPLE1: 1, TUPLE2: 2, TUPLE3: 3}[op]
                items = tuple(self.stack[-n:])
                del self.stack[-n:]
                push(items)
            elif op == TUPLE:
                push(tuple(self.pop_mark()))
            elif op == EMPTY_LIST:
                push([])
            elif op == APPENDS:
                items = self.pop_mark()
                self.stack[-1].extend(items)
            elif op == b'a':
                item = self.stack.pop()
                self.stack[-1].append(item)
            elif op == EMPTY_DICT:
                push({})
            elif op == SETITEMS:
                items = self.pop_mark()
                d = self.stack[-1]
                for i in range(0, len(items), 2):
                    d[items[i]] = items[i + 1]
            elif op == b's':
                value = self.stack.pop()
                key = self.stack.pop()
                self.stack[-1][key] = value
            elif op == EMPTY_SET:
                push(set())
            elif op == ADDITEMS:
                items = self.pop_mark()
                self.stack[-1].update(items)
            elif op == STACK_GLOBAL:
                name = self.stack.pop()
                module = self.stack.pop()
                __import__(module)
                obj = sys.modules[module]
                for part in name.split("."):
                    obj = getattr(obj, part)
                push(obj)
            elif op == MEMOIZE:
                self.memo[len(self.memo)] = self.stack[-1]
            elif op == BINGET:
                push(self.memo[self.read(1)[0]])
            elif op == LONG_BINGET:
                push(self.memo[_from_bytes(self.read(4))])
            else:
                raise UnpicklingError("invalid load key, %r." % (op.decode("latin-1"),))


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    """The object a pickle holds."""
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return _Unpickler(bytes(data)).load()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    return loads(file.read())
