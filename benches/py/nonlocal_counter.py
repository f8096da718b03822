N = 5_000_000  # calls
# A counter that rebinds its enclosing variable with `nonlocal` (STORE_DEREF each call).
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

def run(n):
    counter = make_counter()
    last = 0
    for i in range(n):
        last = counter()
    return last

print(run(N))
