# exec, eval and compile with the real compiler: namespaces, closures, modes, errors.
x = 10
print(eval("x + 1"), eval("x * y", {"x": 3, "y": 4}), eval("  x", {}, {"x": 5}))
g = {}
exec("def make(n):\n    def add(m):\n        return n + m\n    return add\nadd5 = make(5)", g)
print(g["add5"](1), g["add5"].__closure__[0].cell_contents, g["make"].__code__.co_cellvars)
print(g["add5"].__code__.co_freevars, g["add5"].__qualname__)


def runs_in_function():
    a = 1
    exec("b = a + 1")
    return locals()["b"], eval("a + 41")


print(runs_in_function())


class Namespace:
    exec("def method(self):\n    return 'from exec'")
    value = eval("len('abc')")


print(Namespace().method(), Namespace.value)
code = compile("total = sum(range(5))\nprint('total', total)", "<made>", "exec")
print(type(code).__name__, code.co_filename, code.co_name)
ns = {}
exec(code, ns)
print(ns["total"], "__builtins__" in ns)
expr = compile("1 + 2 * 3", "<expr>", "eval")
print(eval(expr))
single = compile("40 + 2", "<single>", "single")
exec(single)
exec(compile("None", "<single>", "single"))
for source, mode in [("x = (", "exec"), ("a = 1", "eval"), ("(1, 2", "eval"),
                     ("if x:\n pass\n  y", "exec"), ("def f():\n    nonlocal q", "exec")]:
    try:
        compile(source, "<probe>", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset)
for bad in [(1, "<f>", "exec"), ("x", "<f>", "run"), ("x", 5, "exec")]:
    try:
        compile(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("caught", e)
try:
    eval("undefined_name")
except NameError as e:
    print("caught", e)
try:
    exec("x", [])
except TypeError as e:
    print(e)
print(sorted(k for k in globals() if not k.startswith("__"))[:4])
exec("oops = (", {})
