N = 5_000_000  # calls
# A closure call that reads one free variable (LOAD_DEREF of a cell copied by COPY_FREE_VARS).
def make_adder(k):
    def add(x):
        return x + k
    return add

def run(n):
    add = make_adder(1)
    total = 0
    for i in range(n):
        total = add(total)
    return total

print(run(N))
