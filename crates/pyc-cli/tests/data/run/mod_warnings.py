import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


def risky(n):
    warnings.warn("value %d is risky" % n)


for i in range(3):
    risky(1)          # shown once: the default action is once per location
risky(2)
old_api()             # DeprecationWarning from __main__ is shown
warnings.warn("plain", RuntimeWarning)

cm = warnings.catch_warnings(record=True)
log = cm.__enter__()
warnings.simplefilter("always")
for i in range(2):
    risky(3)
warnings.warn(UserWarning("an instance"))
old_api()
cm.__exit__(None, None, None)
print(len(log))
for w in log:
    print(type(w.message).__name__, w.message, w.category.__name__, w.filename == __file__, w.lineno)
print(str(log[0]).startswith("{message : UserWarning('value 3 is risky')"))

cm = warnings.catch_warnings()
cm.__enter__()
warnings.simplefilter("error")
try:
    risky(4)
except UserWarning as e:
    print("raised", repr(e))
warnings.simplefilter("ignore", UserWarning)
risky(5)
cm.__exit__(None, None, None)

cm = warnings.catch_warnings(record=True)
log = cm.__enter__()
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("once only")
    warnings.warn("once only", FutureWarning)
cm.__exit__(None, None, None)
print([(str(w.message), w.category.__name__) for w in log])

print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "x = 1  "), end="")
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, ""), end="")
try:
    warnings.warn("bad", int)
except TypeError as e:
    print("TypeError", e)
print(len(warnings.filters) > 0, warnings.filters[-1][0])
risky(6)
raise SystemExit(3)
