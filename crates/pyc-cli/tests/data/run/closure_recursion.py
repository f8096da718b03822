# Recursion through a cell, mutual recursion, and memoisation with a captured dict.
def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact

print(make_fact()(20))

def parity():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)
    def is_odd(n):
        return False if n == 0 else is_even(n - 1)
    return is_even, is_odd

ev, od = parity()
print(ev(10), od(10), ev(7), od(7))

def memo_fib():
    cache = {}
    calls = [0]
    def fib(n):
        calls[0] += 1
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib, cache, calls

fib, cache, calls = memo_fib()
print(fib(90), len(cache), calls[0])
print(fib(50), calls[0])
print(make_fact.__code__.co_cellvars, make_fact().__code__.co_freevars)
