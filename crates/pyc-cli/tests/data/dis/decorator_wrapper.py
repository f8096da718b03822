def traced(func):
    calls = 0
    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        print(func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return wrapper

@traced
def add(a, b=1):
    return a + b
