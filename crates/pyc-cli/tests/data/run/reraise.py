# Bare raise re-raises; raise ... from ... sets __cause__.
def risky():
    raise ValueError("original")

def wrapper():
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise

try:
    wrapper()
except ValueError as e:
    print("outer caught:", e)

def convert():
    try:
        {}["key"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e

try:
    convert()
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as e:
    print(e, "| context:", repr(e.__context__))

try:
    raise IndexError("no cause") from None
except IndexError as e:
    print(e, e.__cause__, e.__suppress_context__)
