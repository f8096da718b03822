def f():
    pass
break
