with a:
    pass
with a as b, c as d:
    pass
with a() as (x, y), b as self.x, c as d[k], e as [*f, g]:
    pass
with (a as b, c as d,):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with (a, b).m() as c, (d):
    pass
with ():
    pass
with (a as b): x = 1
with (yield) as y:
    pass
with a as *b: pass
with (a, *b): pass
with a if b else c as d: pass
async with a as b, (c):
    pass
