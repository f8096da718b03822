# int() of a bad string.
for s in ["12", "x", "1.5", ""]:
    try:
        print(int(s))
    except ValueError as e:
        print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
print(int("forty-two"))
