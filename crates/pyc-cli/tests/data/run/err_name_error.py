# An undefined global name, uncaught.
print("before")
def show():
    return undefined_thing + 1
show()
print("not reached")
