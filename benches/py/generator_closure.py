N = 2_000_000  # items
# A generator closing over a cell of its enclosing function.
def make_stepper(step):
    def steps(n):
        value = 0
        for i in range(n):
            value += step
            yield value
    return steps

def run(n):
    total = 0
    for v in make_stepper(3)(n):
        total += v & 0xFF
    return total

print(run(N))
