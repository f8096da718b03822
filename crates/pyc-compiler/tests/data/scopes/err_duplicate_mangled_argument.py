class A:
    def f(self, __a, _A__a):
        pass
