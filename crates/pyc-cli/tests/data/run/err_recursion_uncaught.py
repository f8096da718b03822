# Uncaught RecursionError: CPython collapses the repeated frames.
def countdown(n):
    return countdown(n - 1) + 1
print("going down")
countdown(10)
