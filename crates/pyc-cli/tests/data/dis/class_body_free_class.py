# A class body inside a method reads the method's free __class__ while holding its own
# __class__ cell: LOAD_CLASSDEREF names the free slot.
class T:
    def t(self):
        class X:
            x = __class__
            def f():
                __class__
        return X.x
print(T().t())
