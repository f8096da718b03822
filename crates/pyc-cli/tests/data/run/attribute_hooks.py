# __getattribute__, __setattr__ and __delattr__ take over attribute access, also through
# the instructions' fast paths, and object's defaults stay reachable from them.
class Plain:
    def __init__(self):
        self.x = 1

    def get(self):
        return self.x

def read_x(o):
    return o.x

def write_x(o, v):
    o.x = v

plain = Plain()
for i in range(3):
    write_x(plain, read_x(plain) + i)
print(plain.x, plain.get())

class Logged:
    def __init__(self):
        self.x = 0

    def get(self):
        return "get"

    def __getattribute__(self, name):
        print("  read", name)
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        print("  write", name, value)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print("  delete", name)
        object.__delattr__(self, name)

logged = Logged()
for i in range(2):
    write_x(logged, read_x(logged) + 1)
print(logged.get())
del logged.x
print(hasattr(logged, "x"))
setattr(logged, "y", 5)
print(getattr(logged, "y"))

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}: frozen")

f = Frozen(3)
print(f.v)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError:", e)

class Fallback:
    def __getattribute__(self, name):
        if name == "hidden":
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback for " + name

fb = Fallback()
print(fb.hidden, fb.__class__.__name__)

# A hook added to a class after its instances and code have run.
class Late:
    def __init__(self):
        self.x = 10

late = Late()
print(read_x(late))
Late.__getattribute__ = lambda self, name: "late " + name
print(read_x(late), late.anything)
del Late.__getattribute__
print(read_x(late), read_x(plain))

try:
    object.__setattr__(plain, 1, 2)
except TypeError as e:
    print("TypeError:", e)

# The same LOAD_METHOD before, while and after a class has __getattribute__.
def call_get(o):
    return o.get()

class M:
    def get(self):
        return "M.get"

m = M()
print(call_get(m), call_get(m))
M.__getattribute__ = lambda self, name: (lambda: "hooked " + name)
print(call_get(m))
del M.__getattribute__
print(call_get(m))

for call in (lambda: getattr(m, 1), lambda: setattr(m, 1, 2), lambda: hasattr(m, None)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
