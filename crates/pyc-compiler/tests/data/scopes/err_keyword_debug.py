class C(object, __debug__=1):
    pass
