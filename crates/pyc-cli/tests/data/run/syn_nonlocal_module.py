def f():
    return 1
nonlocal x
