def counter_gen(start):
    step = 2
    def gen():
        n = start
        while n < start + 10:
            yield n
            n += step
    return gen
