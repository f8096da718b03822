def f():
    return [i for i in (yield)]
