def outer(n):
    k = 10
    a = [i * k for i in range(n)]
    b = {i: i + k for i in range(3)}
    c = {i % k for i in range(25) if i > k}
    d = [lambda: i for i in range(3)]
    e = [(x, y) for x in range(n) for y in range(x) if y != k]
    g = (x + k for x in range(4))
    return a, b, c, d, e, g
top = [j for j in range(3)]
