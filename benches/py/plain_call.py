N = 5_000_000  # calls
# Baseline: a plain function call with one argument and no free variables.
def f(x):
    return x + 1

def run(n):
    total = 0
    for i in range(n):
        total = f(total)
    return total

print(run(N))
