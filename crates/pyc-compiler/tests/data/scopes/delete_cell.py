def outer():
    x = 1
    def get():
        return x
    del x
    try:
        get()
    except NameError as e:
        print(e)
    def later():
        nonlocal x
        del x
    return get, later
