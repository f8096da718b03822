# Unsupported operand types; the last one is uncaught.
for a, b in [(1, "a"), ("a", 1), ([], {}), (None, 1)]:
    try:
        a + b
    except TypeError as e:
        print(e)
try:
    "x" * "y"
except TypeError as e:
    print(e)
try:
    -"s"
except TypeError as e:
    print(e)
try:
    1 < "a"
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    n = 5
    n()
except TypeError as e:
    print(e)
print(3 - [1])
