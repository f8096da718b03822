def f():
    [y := 1 for i in range(3)]
    global y
