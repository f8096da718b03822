N = 300_000  # lambdas
# Lambdas built in a loop through a factory (one cell per lambda), then all called.
def make(i):
    return lambda: i * 2

def run(n):
    fs = [make(i) for i in range(n)]
    total = 0
    for f in fs:
        total += f()
    return total

print(run(N))
