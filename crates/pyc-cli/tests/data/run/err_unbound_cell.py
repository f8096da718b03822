# A cell variable read in its own function before it is assigned.
def outer():
    def inner():
        return value
    print(value)
    value = 1
    return inner
outer()
