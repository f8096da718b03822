import sys

print(type(sys).__name__, sys.__name__, repr(sys))
print(sys.version_info[:2] == (3, 11), sys.version.startswith("3.11"))
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform)
print(sys.argv[0].endswith("sys_module.py"), sys.path[0] == __file__.rsplit("/", 1)[0])
print(sys.modules["sys"] is sys, sys.modules["__main__"].__name__, "builtins" in sys.modules)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())


def depth(n):
    return n if n == 0 else 1 + depth(n - 1)


print(depth(1500))
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print(e)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t, v is e, tb is e.__traceback__, tb.tb_lineno, sys.exception() is e)
print(sys.intern("abc") == "abc", sys.getsizeof(1) > 0)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
try:
    int("1" * 1001)
except ValueError as e:
    print(e)
try:
    str(10 ** 1001)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))


def frames():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, sys._getframe(1).f_globals is globals()


print(frames())
try:
    sys._getframe(500)
except ValueError as e:
    print(e)
sys.exit(3)
