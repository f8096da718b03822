# `%` formats the compiler turns into f-strings must print what `%` prints.
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p"
a, b, c = "ab", 1.5, P()
print("%s-%r %5s|%-3s|%.2s %% %a" % (a, b, c, a, a, "é"))
print("[%s]" % (c,), "%s%s" % (b, c), "%+s|%#r|% s|%05s" % (a, b, c, a))
print("%.s|%.5r|%10.2s|%-10r|" % (a, c, a, b))
print("%s" % (1,), "%s %s" % (1, 2), "%s" % a, "%d" % (3,))
print(f"abc", f"", f"{a!r:>{len(a) + 4}}", f"" "x" f"y")
try:
    print("%s %s" % (a,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (a, b))
except TypeError as e:
    print("TypeError:", e)
