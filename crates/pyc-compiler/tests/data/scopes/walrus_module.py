pairs = [(y := i * 2) for i in range(3)], y
squares = {(last := n): n * n for n in range(4)}


def reader():
    return y, last


class Holder:
    def method(self):
        return [(inside := j) for j in range(2)], inside


nested = [[(deep := a + b) for b in range(2)] for a in range(2)]
print(pairs, squares, deep)
