N = 28  # depth
# Recursion through a cell: the inner function finds itself as a free variable.
def make_fib():
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    return fib

print(make_fib()(N))
