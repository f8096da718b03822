# Raising built-in exception classes and instances with various arguments.
for exc in [ValueError, ValueError("msg"), KeyError("k"), TypeError("a", "b"), RuntimeError()]:
    try:
        raise exc
    except Exception as e:
        print(type(e).__name__, repr(e), str(e), e.args)
try:
    raise 5
except TypeError as e:
    print(e)
raise LookupError("final", 2)
