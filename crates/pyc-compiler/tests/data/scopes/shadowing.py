x = "global"
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "inner-set"
        inner()
        return x
    r = middle()
    return r, x
