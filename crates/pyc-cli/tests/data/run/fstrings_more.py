# More format specs and str/repr corner cases.
x = 1234.5678
print(f"{x:,.2f} {x:g} {x:.3g} {x:10.1f}| {x:<10.1f}| {x:+.0f}")
print(f"{1e20:g} {1e-7:g} {0.0001:g} {123456789:e} {0.1:.20f}")
print(f"{-42:>6} {-42:<6}| {-42:06} {42:=+6} {3:03d}")
print(f"{'s':3}| {'long text':.4} {'c':>3} {True} {None!r} {3.0}")
print(f"{'%'} {100:%} {0.25:.1%} {10**12:,} {-10**6:_}")
print(format(255, "08b"), format(3.5, ".3f"), format("x", "^5") + "|", format(12))
print(str(1e16), str(1e-4), repr(0.000123), 1.5e-10, 2e0, -1e100)
print("{0}-{1}-{0}".format("a", "b"), "{:>4}|".format(7), "{k}".format(k=3))
items = [1, 2]
items.append(items)
print(items)
d = {"self": None}
d["self"] = d
print(d)
