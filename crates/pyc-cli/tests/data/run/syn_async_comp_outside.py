# an await inside a list comprehension makes it asynchronous.
def f(xs):
    return [await x for x in xs]
