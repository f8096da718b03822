# An uncaught SystemExit ends the process with its code and no traceback; finally
# blocks run on the way out, and `except Exception` does not catch it.
def leave(code):
    try:
        exit(code)
    except Exception:
        print("not reached")
    finally:
        print("finally runs")

try:
    exit(5)
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    quit(1, 2)
except TypeError as e:
    print("TypeError:", e)
print("leaving")
leave(3)
