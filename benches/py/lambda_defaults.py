N = 300_000  # lambdas
# Lambdas built in a loop capturing the loop variable through a default argument.
def run(n):
    fs = []
    for i in range(n):
        fs.append(lambda i=i: i * 2)
    total = 0
    for f in fs:
        total += f()
    return total

print(run(N))
