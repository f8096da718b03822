# __closure__ and cell_contents: read, write and empty cells.
def outer():
    a = 1
    b = [2]
    def inner():
        return a, b
    return inner

f = outer()
print(len(f.__closure__), type(f.__closure__).__name__)
print([c.cell_contents for c in f.__closure__])
f.__closure__[0].cell_contents = 99
print(f())
f.__closure__[1].cell_contents.append(3)
print(f())
print(outer.__closure__)
print((lambda: 0).__closure__)

def late_cell():
    def get():
        return z
    cell = get.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    z = "now bound"
    print(cell.cell_contents)
    del z
    try:
        print(cell.cell_contents)
    except ValueError as e:
        print("ValueError:", e)
    cell.cell_contents = "written"
    return get()

print(late_cell())
