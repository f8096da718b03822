N = 2_000_000  # calls
# A decorator's wrapper: a closure over the wrapped function, forwarding *args and **kwargs.
def counted(func):
    calls = 0
    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        return func(*args, **kwargs)
    return wrapper

@counted
def add(a, b):
    return a + b

def run(n):
    total = 0
    for i in range(n):
        total = add(total, 1)
    return total

print(run(N))
