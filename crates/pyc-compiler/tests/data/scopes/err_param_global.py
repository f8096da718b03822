def f(y):
    global y
