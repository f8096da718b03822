# `"..." % (a, b)` with only %s, %r and %a units becomes an f-string (CPython's
# optimize_format); other formats, counts that differ and constant tuples stay `%`.
# An f-string is never a constant, even without replacement fields.
def formats(a, b, c):
    x = "%s-%r %5s|%-3s|%.2s %% %a" % (a, b, c, a, b, c)
    y = "%s" % (a,), "[%s]" % (a,), "%s%s" % (a, b), "%+s %#r % s %05s" % (a, b, c, a)
    z = "%d" % (a,), "%123s" % (a,), "%s %s" % (a,), "%s" % (a, b), "%s" % (*a,)
    w = "%s" % (1,), "%s %s" % (1, 2), "%s" % a, "%(k)s" % (a,), "%" % (a,), "%5" % (a,)
    v = "%.s|%.5r|%10.2s" % (a, b, c)
    return (
        "%s, %s"
        % (a,
           b)
    )
def fstrings(a):
    f"abc"
    f""
    t = f"abc" + "d", f"a{a}b", f"{a!r:>{a}}", f"" "x" f"y"
    return f"done"
