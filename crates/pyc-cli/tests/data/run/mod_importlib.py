import importlib
import sys

pkg = importlib.import_module("mod_importlib_pkg")
print(pkg.name, pkg.__name__)
sub = importlib.import_module("mod_importlib_pkg.sub")
print(sub.__name__, sub.runs, sub is sys.modules["mod_importlib_pkg.sub"])
other = importlib.import_module(".other", package="mod_importlib_pkg")
print(other.__name__, other.value)
again = importlib.import_module("..other", package="mod_importlib_pkg.sub")
print(again is other)
print(importlib.import_module("keyword").iskeyword("if"))
sub.runs = -1
reloaded = importlib.reload(sub)
print(reloaded is sub, sub.runs)
print(importlib.reload(sys) is sys)
for bad in (lambda: importlib.import_module(".other"),
            lambda: importlib.import_module("...x", package="mod_importlib_pkg"),
            lambda: importlib.import_module("no_such_module_here"),
            lambda: importlib.import_module("mod_importlib_pkg.nope")):
    try:
        bad()
    except (TypeError, ImportError) as e:
        print(type(e).__name__, e)
importlib.invalidate_caches()
