# Positional-only parameters (before `/`) can never be passed by keyword.
def f(a, /):
    return a


def g(a, b=2, /, c=3, *, d=4, **kwargs):
    return a, b, c, d, kwargs


class Point:
    def __init__(self, x, y, /):
        self.x, self.y = x, y

    def moved(self, dx, /, dy=0):
        return Point(self.x + dx, self.y + dy)


print(f(1), g(1), g(1, 5, 6, d=7))
print(g(1, a=10, b=20, e=30))
print(f.__code__.co_posonlyargcount, g.__code__.co_posonlyargcount, g.__code__.co_argcount)
print(Point.moved.__code__.co_posonlyargcount, (lambda p, /, q: p).__code__.co_posonlyargcount)
p = Point(1, 2).moved(3, dy=4)
print(p.x, p.y)

calls = [
    lambda: f(a=1),
    lambda: f(1, a=2),
    lambda: f(),
    lambda: g(a=1),
    lambda: g(1, 2, 3, 4),
    lambda: Point(x=1, y=2),
    lambda: Point(1, 2).moved(dx=1),
    lambda: (lambda p, q, /: p)(1, q=2),
    lambda: (lambda p, q, /, r: p)(p=1, q=2, r=3),
    lambda: f(1, b=2),
    lambda: f(**{"a": 1}),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
