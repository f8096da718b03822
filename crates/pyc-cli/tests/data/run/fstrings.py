# f-strings: expressions, conversions, format specs, nested specs.
x = 42
y = 3.14159
name = "pyc"
n = 1234567
print(f"x={x} y={y} name={name}")
print(f"{x + 1} {x * 2} {name.upper()} {[1, 2][0]}")
print(f"{name!r} {name!s} {[name]!s}")
print(f"[{x:>5}] [{x:<5}] [{x:^6}] [{x:05}]")
print(f"{y:.2f} {y:10.3f} {y:e}")
print(f"{n:,} {n:_} {255:#x} {255:x} {255:#o} {5:b} {255:#X}")
w = 8
v = "hi"
print(f"[{v:>{w}}] [{v:*^{w}}] [{y:.{2}f}]")
print(f"{'nested ' + name}")
print(f"{{literal braces}} {x}")
d = {"k": "val"}
print(f"{d['k']} {len(d)}")
print(f"{-x:+} {x:+} {0.5:%}")
