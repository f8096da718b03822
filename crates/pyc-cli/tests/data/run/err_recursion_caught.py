# Unbounded recursion raises RecursionError, which can be caught.
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
def make():
    def again():
        return again()
    return again
try:
    make()()
except RecursionError as e:
    print("again:", e)
print("still running")
