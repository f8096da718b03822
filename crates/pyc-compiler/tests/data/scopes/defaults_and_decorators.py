def count_calls(func):
    calls = 0
    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        return func(*args, **kwargs)
    return wrapper

@count_calls
def add(a, b=0):
    return a + b

fs = []
for i in range(4):
    fs.append(lambda i=i: i)
