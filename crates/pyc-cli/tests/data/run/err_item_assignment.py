# Item assignment to immutable sequences.
t = (1, 2)
try:
    t[0] = 5
except TypeError as e:
    print(e)
s = "abc"
try:
    s[0] = "x"
except TypeError as e:
    print(e)
def swap_first(seq):
    seq[0], seq[1] = seq[1], seq[0]
    return seq
print(swap_first([1, 2]))
print(swap_first((1, 2)))
