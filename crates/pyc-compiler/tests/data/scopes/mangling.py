__hidden = "module"


class Account:
    __count = 0
    __slots_like__ = ("not", "mangled")

    def __init__(self, __owner, *__rest, __limit=10, **__extra):
        self.__owner = __owner
        self.__limit = __limit
        self.__balance = 0
        self.__balance += len(__rest)
        Account.__count += 1
        del self.__limit

    def __helper(self):
        return self.__balance

    def report(self):
        __local = self.__helper()
        return [__local + __k for __k in range(2)], lambda __z: __z + __local

    def closure(self):
        __cell = 1

        def inner():
            nonlocal __cell
            __cell += 1
            return __cell

        return inner

    def uses_global(self):
        global __hidden
        __hidden = "changed"
        return __hidden

    def reads_module_name(self):
        return __hidden

    class __Inner:
        __secret = 2

        def peek(self):
            return self.__secret, __secret

    def imports(self):
        import __phantom
        from os import __path as __p
        return __phantom, __p

    def dunder(self):
        return self.__class__, self.__dict__, __name__


class _Leading:
    def method(self):
        return self.__value


class __:
    def method(self):
        return self.__value


class ___Many:
    __attr = 1
