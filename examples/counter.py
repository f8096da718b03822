# Counter with nonlocal: increment rebinds `count`, a cell owned by
# make_counter. Two counters come from two calls, so they have two
# independent cells and count separately.

def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

a = make_counter()
b = make_counter(100)
print(a(), a(), a(5))
print(b(), b(-50))
print(a(), b())
