# del of locals and of cells.
def del_local():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(del_local())

def del_cell():
    y = "cell value"
    def read():
        return y
    print(read())
    del y
    try:
        read()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    y = "rebound"
    return read()

print(del_cell())
z = 5
del z
try:
    z
except NameError as e:
    print(e)
a, b = 1, 2
del a, b
xs = [1, 2, 3]
del xs[1]
print(xs)
