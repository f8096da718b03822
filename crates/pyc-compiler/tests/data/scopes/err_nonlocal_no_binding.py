def outer():
    def inner():
        nonlocal zzz
        zzz = 1
    return inner
