def o():
    x = 1
    def f():
        global x
        nonlocal x
