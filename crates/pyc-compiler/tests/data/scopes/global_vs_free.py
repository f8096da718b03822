x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def glob():
        global x
        x = 5
        return x
    def implicit():
        return len(x) + missing
    return inner, glob, implicit
