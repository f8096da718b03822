def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        flag = count > 1 and step or None
        return -count if not flag else count
    return increment
c = make_counter()
print(c(), c(step=2), 10 ** 20, 0.1, "it's", {'k': [1, 2]})
