# __getattr__ runs only when normal lookup fails: not for instance attributes, class
# attributes or methods, whether read through the same instruction or not.
class Lazy:
    kind = "lazy"

    def __init__(self):
        self.present = 1

    def method(self):
        return "method"

    def __getattr__(self, name):
        if name.startswith("no_"):
            raise AttributeError(f"nothing called {name}")
        return f"computed {name}"

def read(o, names):
    return [getattr(o, n) for n in names]

lazy = Lazy()
print(lazy.present, lazy.kind, lazy.method(), lazy.absent)
print(read(lazy, ["present", "other", "kind", "present"]))
print(hasattr(lazy, "anything"), hasattr(lazy, "no_thing"))
print(getattr(lazy, "no_thing", "default"))
try:
    lazy.no_way
except AttributeError as e:
    print("AttributeError:", e)

class Proxy:
    def __init__(self, target):
        self.target = target

    def __getattr__(self, name):
        return getattr(self.target, name)

class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n

p = Proxy(Counter())
print(p.bump(), p.bump(), p.n, p.target.n)

class Child(Lazy):
    pass

print(Child().whatever, Child().present)
try:
    Counter().missing
except AttributeError as e:
    print("AttributeError:", e)
