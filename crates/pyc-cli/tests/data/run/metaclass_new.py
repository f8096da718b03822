# __new__ of ordinary classes and of metaclasses, object.__new__ and type.__init__.


def attempt(make):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Interned:
    cache = {}

    def __new__(cls, key):
        if key not in cls.cache:
            print("new", cls.__name__, key)
            cls.cache[key] = super().__new__(cls)
        return cls.cache[key]

    def __init__(self, key):
        print("init", key)
        self.key = key


a = Interned("x")
b = Interned("x")
print(a is b, a.key, type(Interned.__dict__["__new__"]).__name__)


class NotMine:
    def __new__(cls, *args):
        return 42

    def __init__(self, *args):
        print("never runs")


print(NotMine(1, 2))


class OnlyNew:
    def __new__(cls, value):
        self = object.__new__(cls)
        self.value = value
        return self


print(OnlyNew(5).value)


class Err(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.extra = "made by __new__"
        return self


e = Err("boom", 1)
print(e.args, e.extra, repr(e))


class Plain:
    pass


class WithInit:
    def __init__(self, x):
        self.x = x


class Meta(type):
    def __new__(mcls, *args, **kw):
        return super().__new__(mcls, *args, **kw)


attempt(lambda: Plain(1))
attempt(lambda: object.__new__(Plain, 1))
attempt(lambda: type(object.__new__(WithInit, 1)).__name__)
attempt(lambda: object.__new__(1))
attempt(lambda: object.__new__(int))
attempt(lambda: object.__new__(Meta))
attempt(lambda: Interned.__new__(Interned, "y").__class__.__name__)
attempt(lambda: OnlyNew())
attempt(lambda: Meta("A", ()))
attempt(lambda: Meta("A"))
attempt(lambda: Meta("A", (), {}, extra=1))
attempt(lambda: type.__init__(Plain, 1, 2))
attempt(lambda: type.__init__(Plain, "a", (), {}, x=1))
attempt(lambda: type.__call__(int, "12"))
attempt(lambda: type.__call__(WithInit, 3).x)
attempt(lambda: type.__prepare__("a", (), x=1))
attempt(lambda: Meta.__prepare__("a", ()))
attempt(lambda: Plain.__init_subclass__())
attempt(lambda: Plain.__init_subclass__(1))
attempt(lambda: Plain.__init_subclass__(x=1))
attempt(lambda: Meta("B", (), {}))
attempt(lambda: type(Meta("C", (Plain,), {"__new__": lambda cls: 7})()))
