x = 1
a = b = c = 0
a, b = b, a
a, *b = [1, 2, 3]
[a, b] = c
(a, b), c = d
x.y = 1
x[0] = 2
x[1:2] = y
x += 1
x -= 1
x *= 2
x /= 2
x //= 2
x %= 2
x **= 2
x @= m
x &= 1
x |= 1
x ^= 1
x <<= 1
x >>= 1
x.a += 1
pass; pass;
del a, b[0], c.d
del (a, b)
global g
global g1, g2
assert x
assert x, 'message'
raise
raise E
raise E('m') from cause
import a
import a.b.c as d, e
from m import a
from m.n import a as b, c
from . import x
from ..p import (y, z,)
from q import *
x = yield
x = yield 1, 2
