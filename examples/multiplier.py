# Multiplier factory: the returned lambda reads the free variable `factor`
# from the cell of the call that made it. Functions built in a loop by a
# helper capture one cell per call, so each keeps its own factor.

def make_multiplier(factor):
    return lambda x: x * factor

double = make_multiplier(2)
triple = make_multiplier(3)
print(double(21), triple(7))

table = [make_multiplier(k) for k in range(1, 5)]
results = []
for f in table:
    results.append(f(10))
print(results)

# A lambda defined directly in a comprehension shares the comprehension's
# single cell for `k`, so all of them see its last value.
late = [lambda x: x * k for k in range(1, 5)]
print([f(10) for f in late])
