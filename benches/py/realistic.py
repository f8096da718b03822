N = 100_000  # items
# A mixed program: a memoizing decorator, callbacks registered as closures, and
# comprehensions over their results.
def memoize(func):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return wrapped

@memoize
def collatz_len(n):
    return 1 if n == 1 else 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)

def make_handlers():
    seen = []
    def on_value(v):
        seen.append(v)
    def summary():
        return sum(x for x in seen if x % 3 == 0)
    return on_value, summary

def run(n):
    on_value, summary = make_handlers()
    for i in range(1, n):
        on_value(collatz_len(i))
    squares = [x * x for x in range(n) if x % 7 == 0]
    return summary() + len(squares)

print(run(N))
