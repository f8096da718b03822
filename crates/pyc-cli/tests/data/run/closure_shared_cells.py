# Sibling closures made in one call share a cell; each call makes new cells.
def pair():
    value = 0
    def get():
        return value
    def put(v):
        nonlocal value
        value = v
    return get, put

get1, put1 = pair()
get2, put2 = pair()
put1(10)
print(get1(), get2())
put2("two")
print(get1(), get2())
print(get1.__closure__[0] is put1.__closure__[0])
print(get1.__closure__[0] is get2.__closure__[0])

def counters():
    made = []
    for i in range(3):
        def make():
            n = i * 100
            def bump():
                nonlocal n
                n += 1
                return n
            return bump
        made.append(make())
    return made

cs = counters()
print(cs[0](), cs[0](), cs[1](), cs[2](), cs[0]())
