import sys


def attempt(statement):
    try:
        exec(statement, {"__name__": "probe"})
    except Exception as e:
        text = str(e).replace(sys.path[0], "<dir>")
        print(f"{statement!r}: {type(e).__name__}: {text}")


attempt("import nosuchmodule")
attempt("import broken.nosuch")
attempt("import plain.sub")
attempt("from plain import missing")
attempt("from . import plain")
attempt("from .. import plain")
attempt("from plain import *")
attempt("import raising")
print("raising" in sys.modules)
attempt("import broken.syntax")
e = None
try:
    import nosuchmodule
except ModuleNotFoundError as err:
    e = err
print(e.name, isinstance(e, ImportError))
import raising
