class A:
    def f(self, __a):
        global __a
