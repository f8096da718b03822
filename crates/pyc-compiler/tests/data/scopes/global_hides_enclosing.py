x = 7


def f():
    x = 1

    def g():
        global x

        def i():
            def h():
                return x
            return h()
        return i()
    return g()


def outer():
    y = 1

    class C:
        global y

        def m(self):
            return y
    return C


print(f(), x, outer()().m() if False else "ok")
