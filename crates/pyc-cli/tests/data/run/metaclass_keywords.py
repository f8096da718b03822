# Class keywords: metaclass=, keywords for __prepare__, __new__, __init__ and
# __init_subclass__, the chosen metaclass, and the errors.


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, bases, kw)
        ns = super().__prepare__(name, bases, **kw)
        ns["injected"] = kw.get("answer", 0)
        return ns

    def __new__(mcls, name, bases, ns, **kw):
        print("new", mcls.__name__, name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.options = kw
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)


class A(metaclass=Meta, answer=42, color="red"):
    def f(self):
        return self.injected


print(A.injected, A().f(), A.options, type(A).__name__)


class B(A, answer=7):
    pass


print(B.injected, B.options, type(B) is Meta)


class Plugin:
    plugins = []

    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls.plugin_name)


class First(Plugin, name="one"):
    pass


class Second(Plugin):
    pass


class Third(Second, name="three"):
    pass


print(Plugin.plugins, First.plugin_name, Third.plugin_name)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)


def attempt(make):
    try:
        make()
    except Exception as e:
        print(type(e).__name__ + ":", e)


def plain_keyword():
    class C(flag=True):
        pass


def plugin_unknown():
    class D(Plugin, name="d", extra=1):
        pass


def conflict():
    class M1(type):
        pass

    class M2(type):
        pass

    class X(metaclass=M1):
        pass

    class Y(metaclass=M2):
        pass

    class Z(X, Y):
        pass


def conflict_explicit():
    class M1(type):
        pass

    class X(metaclass=M1):
        pass

    class Z(X, metaclass=type):
        pass

    print("explicit type yields to", type(Z).__name__)


def bad_prepare():
    class P(type):
        @classmethod
        def __prepare__(mcls, name, bases):
            return 5

    class Q(metaclass=P):
        pass


def function_metaclass():
    def maker(name, bases, ns, **kw):
        print("maker", name, bases, sorted(ns), kw)
        return 42

    class R(metaclass=maker, x=1):
        a = 1

    print("R is", R)


def type_with_keywords():
    type("T", (), {}, flag=1)


def type_one_keyword():
    type(1, flag=1)


def type_arg_count():
    type("T", ())


def type_new_errors():
    for args in [(), (1, "a", (), {}), (int, "a", (), {}), (type, 1, (), {}),
                 (type, "a", [], {}), (type, "a", (), [])]:
        attempt(lambda: type.__new__(*args))


def classcell_not_cell():
    type("T", (), {"__classcell__": 5})


for case in [plain_keyword, plugin_unknown, conflict, conflict_explicit, bad_prepare,
             function_metaclass, type_with_keywords, type_one_keyword, type_arg_count,
             type_new_errors, classcell_not_cell]:
    attempt(case)


class Strict(type):
    pass


class Loose(metaclass=Strict):
    pass


# type(name, bases, ns) picks the most derived metaclass of the bases.
T = type("T", (Loose,), {})
print(type(T).__name__, T.__mro__)
print(Strict("S", (), {}, ), type(Strict("S2", (Loose,), {})).__name__)
