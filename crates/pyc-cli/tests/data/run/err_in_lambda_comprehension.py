# Traceback frames named <lambda> and <listcomp>.
inverse = lambda v: 1 / v
def inverses(values):
    return [inverse(v) for v in values]
print(inverses([1, 2, 4]))
print(inverses([1, 0]))
