# A free variable whose cell is still empty when the closure runs.
def outer():
    def inner():
        return y * 2
    result = inner()
    y = 3
    return result
outer()
