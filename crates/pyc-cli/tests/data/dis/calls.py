# Calls with positional, *, keyword and ** arguments, method calls (not on modules
# imported at module level), calls past the stack guideline, and class definitions.
def f(*a, **k): return a, k
f()
f(1)
f(1, 2, 3)
f(*x)
f(*x, *y)
f(1, *x)
f(*x, 1)
f(a=1)
f(a=1, b=2)
f(**k)
f(**k, **j)
f(a=1, **k)
f(**k, a=1)
f(a=1, **k, b=2, c=3)
f(1, *x, a=1, **k)
f(*x, a=1)
f(*[1, 2], sep="-")
f(1, 2, 3, **k)
f(x, 1, 2, 3, *y)
o.m()
o.m(1, a=2)
o.m(*x)
o.m(**k)
o.m(1, *x, a=2)
o.a.b.m(1)
import math
math.sqrt(2)
math.floor(1.5, *x)
def g():
    math.sqrt(1)
    o.m(1)
    f(1, *x, k=1)
    return math.pi
f(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30)
o.m(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28)
o.m(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29)
f(a0=0, a1=1, a2=2, a3=3, a4=4, a5=5, a6=6, a7=7, a8=8, a9=9, a10=10, a11=11, a12=12, a13=13, a14=14, a15=15)
f(a0=0, a1=1, a2=2, a3=3, a4=4, a5=5, a6=6, a7=7, a8=8, a9=9, a10=10, a11=11, a12=12, a13=13, a14=14, a15=15, **k)
class A(*bases): pass
class B(A, metaclass=M): pass
class C(*bases, metaclass=M, **kw): pass
@deco(1, *x, k=2)
def h(): pass
@o.deco(1)
class D: pass
