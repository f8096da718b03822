# nonlocal: a counter and a running accumulator.
def make_counter(start=0, step=1):
    count = start
    def increment():
        nonlocal count
        count += step
        return count
    return increment

c = make_counter()
print(c(), c(), c())
d = make_counter(10, 5)
print(d(), d(), c())

def make_averager():
    total = 0
    n = 0
    def add(x):
        nonlocal total, n
        total = total + x
        n += 1
        return total / n
    return add

avg = make_averager()
for v in [10, 20, 60, 2]:
    print(avg(v))

def acc():
    items = []
    def push(x):
        items.append(x)
        return items
    return push

p = acc()
p(1)
print(p(2))
