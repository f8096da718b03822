# Subclassing type: a metaclass's methods and attributes seen from its classes,
# type(C), isinstance, repr, __init__ and __call__ of the metaclass.


class Meta(type):
    registry = []
    tag = "meta-tag"

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Meta.registry.append(name)

    def describe(cls):
        return f"{cls.__name__} with {sorted(k for k in cls.__dict__ if not k.startswith('__'))}"

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Base(metaclass=Meta):
    x = 1

    def method(self):
        return "method of " + type(self).__name__


class Derived(Base):
    y = 2


print(type(Base) is Meta, type(Derived) is Meta, type(Meta) is type)
print(isinstance(Base, Meta), isinstance(Base, type), isinstance(Derived, Meta))
print(issubclass(Meta, type), Meta.__mro__)
print(Base, Derived, repr(Derived), str(Base))
print(Meta.registry)
print(Base.describe(), Derived.describe())
print(Base.tag, Derived.tag, Base.upper_name)
print(Derived().method(), Derived().x, Derived().y)
print(hasattr(Derived(), "describe"), hasattr(Derived(), "tag"))
print([Base, Derived], {Base: 1}[Base])
print(Base == Base, Base != Derived, Base.__name__, Derived.__qualname__)
print(type(Derived()).__name__, Derived.__bases__, Derived.__mro__)


# A metaclass's __call__ replaces instance creation; super().__call__ makes the instance.
class Singleton(type):
    def __call__(cls, *args, **kwargs):
        if "instance" not in cls.__dict__:
            print("creating", cls.__name__, args, kwargs)
            cls.instance = super().__call__(*args, **kwargs)
        return cls.instance


class Config(metaclass=Singleton):
    def __init__(self, value, *, flag=False):
        self.value = value
        self.flag = flag


a = Config(1, flag=True)
b = Config(2)
print(a is b, a.value, a.flag)


class Counting(type):
    def __call__(cls, *args):
        cls.calls = getattr(cls, "calls", 0) + 1
        return type.__call__(cls, *args)


class Point(metaclass=Counting):
    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(1, 2)
q = Point(3, 4)
print(p.x + q.y, Point.calls)


# Calling the metaclass directly makes a class.
Dyn = Meta("Dyn", (Base,), {"z": 3, "__module__": "somewhere"})
print(Dyn, type(Dyn).__name__, Dyn.z, Dyn.x, Meta.registry[-1])
Plain = type("Plain", (), {"a": 1})
print(Plain, type(Plain), Plain.a, type(5), type(Plain()))


# A metaclass __repr__ is the class's repr.
class Reprs(type):
    def __repr__(cls):
        return "<<" + cls.__name__ + ">>"


class Shown(metaclass=Reprs):
    pass


print(Shown, repr(Shown), [Shown], f"{Shown!r}")
print(type.__repr__(Shown))
