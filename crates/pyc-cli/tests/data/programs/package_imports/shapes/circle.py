PI = 3.14159


def area(r):
    return PI * r * r
