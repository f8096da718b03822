N = 5_000_000  # calls
# Three levels of nesting: the innermost function reads free variables from two scopes,
# one of them passed through the middle function.
def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle

def run(n):
    inner = outer(1)(2)
    total = 0
    for i in range(n):
        total += inner(i & 7)
    return total

print(run(N))
