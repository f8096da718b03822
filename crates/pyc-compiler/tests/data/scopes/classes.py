def f():
    y = "from f"
    class C:
        a = y
        def m(self):
            return y
    class D:
        y = "class y"
        b = y
        def m(self):
            return y
    return C, D

class Base:
    def hello(self):
        return "base"

class Child(Base):
    def hello(self):
        return "child+" + super().hello()
    def cls(self):
        return __class__.__name__
