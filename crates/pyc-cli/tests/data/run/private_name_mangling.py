# Private names `__x` inside a class are mangled to `_Class__x`, everywhere CPython does it.
__module_secret = "module level, never mangled here"


class Account:
    __count = 0
    __slots_like__ = "dunder names stay as they are"

    def __init__(self, owner, __pin=1234, *, __limit=100):
        self.__owner = owner
        self.__pin = __pin
        self.__limit = __limit
        self.__balance = 0
        Account.__count += 1

    def deposit(self, amount):
        self.__balance += amount
        return self.__check()

    def __check(self):
        return self.__balance <= self.__limit

    def forget(self):
        del self.__pin
        return hasattr(self, "_Account__pin")

    def summary(self):
        __prefix = self.__owner + ":"
        return [__prefix + str(__n) for __n in range(2)], (lambda __s: __prefix + __s)("x")

    def counter(self):
        __value = 0

        def bump():
            nonlocal __value
            __value += 1
            return __value

        return bump

    @staticmethod
    def total():
        return Account.__count

    def set_global(self):
        global __module_secret
        __module_secret = "set from a method"
        return __module_secret

    class __Inner:
        __hidden = "inner"

        def peek(self):
            return self.__hidden


a = Account("ann", 42)
print(a.deposit(50), a.deposit(70))
print(sorted(k for k in a.__dict__))
print(a._Account__owner, a._Account__pin, Account._Account__count, Account.total())
print(a.forget(), sorted(a.__dict__))
print(a.summary())
bump = a.counter()
print(bump(), bump())
print(Account.__slots_like__)
print(a.set_global(), _Account__module_secret)
print(__module_secret)
print(Account._Account__Inner().peek(), Account._Account__Inner.__qualname__)
print(Account._Account__check.__name__, Account._Account__check.__qualname__)
print(Account.__init__.__code__.co_varnames)
print(Account.__init__.__kwdefaults__)
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)
try:
    Account("bob", __pin=1)
except TypeError as e:
    print("TypeError:", e)


class Base:
    def __init__(self):
        self.__tag = "base"

    def base_tag(self):
        return self.__tag


class Derived(Base):
    def __init__(self):
        super().__init__()
        self.__tag = "derived"

    def derived_tag(self):
        return self.__tag


d = Derived()
print(d.base_tag(), d.derived_tag(), sorted(d.__dict__))


class _Underscored:
    def __init__(self):
        self.__x = 1


class __:
    def __init__(self):
        self.__x = 2


print(_Underscored().__dict__, __().__dict__)
