N = 2_000_000  # closures
# Building a closure: MAKE_CELL, LOAD_CLOSURE, BUILD_TUPLE, MAKE_FUNCTION per call.
def make_multiplier(factor):
    def multiplier(number):
        return number * factor
    return multiplier

def run(n):
    total = 0
    for i in range(n):
        m = make_multiplier(3)
        total += 1
    return total + m(2)

print(run(N))
