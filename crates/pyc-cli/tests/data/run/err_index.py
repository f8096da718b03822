# Index errors on list, tuple and str; the last one uncaught.
for seq in [[1, 2], (1, 2), "ab"]:
    try:
        seq[5]
    except IndexError as e:
        print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
xs = [10, 20, 30]
print(xs[2])
xs[3] = 40
