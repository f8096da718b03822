# Calls that unpack *args and **kwargs: empty and non-empty mappings, duplicates,
# non-mappings, and a wrapper forwarding everything (the same instructions each time).
def show(*args, **kwargs):
    return args, sorted(kwargs.items())

def forward(*args, **kwargs):
    return show(*args, **kwargs)

print(forward())
print(forward(1, 2))
print(forward(1, k=2))
print(forward(*(), **{}))
print(forward(*[1], **{"a": 1, "b": 2}))
for extra in ({}, {"x": 1}, {}, {"y": 2, "z": 3}):
    print(forward(0, **extra))

def kw_only(a, *, b=2):
    return a, b

print(kw_only(**{"a": 1}))
print(kw_only(1, **{"b": 3}))
try:
    kw_only(1, b=2, **{"b": 3})
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1, 2])
except TypeError as e:
    print("TypeError:", e)

class Mapping:
    def keys(self):
        return ["m"]
    def __getitem__(self, key):
        return key * 2

try:
    print(show(**Mapping()))
except TypeError as e:
    print("TypeError:", e)
try:
    print(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    print(*[1], **{"sep": 1}, sep=2)
except TypeError as e:
    print("TypeError:", e)

class Point:
    def __init__(self, **fields):
        self.fields = fields

print(Point(**{"x": 1}).fields)
try:
    Point(**1)
except TypeError as e:
    print("TypeError:", e)
print({**{"a": 1}, **Mapping()})
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
