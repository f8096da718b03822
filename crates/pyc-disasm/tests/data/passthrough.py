def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    return middle
