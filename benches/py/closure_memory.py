N = 1_000_000  # closures
# Memory: one million live closures, each with its own cell.
def make(i):
    def get():
        return i
    return get

def run(n):
    fs = [make(i) for i in range(n)]
    return len(fs) + fs[-1]()

print(run(N))
