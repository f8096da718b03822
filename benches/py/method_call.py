N = 2_000_000  # calls
# A method call on an instance (LOAD_METHOD + CALL with self).
class Accumulator:
    def __init__(self, step):
        self.total = 0
        self.step = step

    def add(self, x):
        self.total += x * self.step
        return self.total

def run(n):
    acc = Accumulator(2)
    for i in range(n):
        acc.add(1)
    return acc.total

print(run(N))
