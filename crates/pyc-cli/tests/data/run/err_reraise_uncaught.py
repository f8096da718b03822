# A bare raise in a handler that propagates out of the program.
def check(v):
    if v < 0:
        raise ValueError(f"negative: {v}")
    return v

try:
    check(-1)
except ValueError as e:
    print("seen:", e)
    raise
