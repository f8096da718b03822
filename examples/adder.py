# Adder factory: make_adder(n) returns a function that remembers n.
# `n` is a cell of make_adder; each call of make_adder creates a new cell,
# so add5 and add10 each keep their own n long after make_adder returned.

def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add5(10))
print(add10(1), add10(-10))
print([make_adder(i)(100) for i in range(3)])
print(make_adder("!")("hi"))
