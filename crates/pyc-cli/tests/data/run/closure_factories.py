# Adder and multiplier factories; captured parameters and captured default arguments.
def make_adder(n):
    def add(x):
        return x + n
    return add

def make_multiplier(factor=3):
    def mul(x):
        return x * factor
    return mul

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))
triple = make_multiplier()
double = make_multiplier(2)
print(triple(7), double(7), triple(double(1)))
print(make_adder("ab")("cd"))

def scaled(base, *, scale=10):
    def f(x, offset=base):
        return (x + offset) * scale
    return f

g = scaled(1)
print(g(2), g(2, 5), scaled(0, scale=2)(4))
