# try/except/else/finally in several shapes.
def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError as e:
        print("caught:", e)
        r = None
    else:
        print("no error")
    finally:
        print("finally for", x)
    return r

print(attempt(2))
print(attempt(0))

def classify(v):
    try:
        return [1, 2][v]
    except (IndexError, TypeError) as e:
        return type(e).__name__
print(classify(1), classify(5), classify("x"))

try:
    try:
        {}["missing"]
    except KeyError as e:
        print("inner got", repr(e))
        raise ValueError("converted")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer got", e)

try:
    int("zz")
except Exception as e:
    print(type(e).__name__, e)
try:
    raise RuntimeError
except RuntimeError as e:
    print(repr(e), str(e) == "")
def no_error():
    try:
        pass
    except Exception:
        print("never")
    return "ok"
print(no_error())
