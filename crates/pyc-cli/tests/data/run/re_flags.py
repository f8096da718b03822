# re: flags (re.I, M, S, X, A) and inline flags
import re

print(re.I == 2, re.M == 8, re.S == 16, re.X == 64, re.A == 256, re.U == 32, re.L == 4, re.NOFLAG == 0)
print(re.IGNORECASE | re.MULTILINE == 10, re.T == 1, re.DEBUG == 128)
print(re.findall("ab", "AB ab aB", re.I))
print(re.findall("(?i)ab", "AB ab aB"))
print(re.findall("a(?i:b)", "AB ab aB Ab"))
print(re.findall("(?i)a(?-i:b)", "AB ab aB Ab"))
print(re.findall("[a-c]+", "ABC abc", re.IGNORECASE))
print(re.findall("^\\w+", "one\ntwo\nthree"))
print(re.findall("^\\w+", "one\ntwo\nthree", re.M))
print(re.findall("\\w+$", "one\ntwo\nthree", re.M))
print(re.findall("(?m)^$", "a\n\nb\n"))
print(re.search("a.b", "a\nb"), re.search("a.b", "a\nb", re.S).span())
print(re.search("(?s)a.b", "a\nb").span())
print(re.findall(r"""
    \d+      # digits
    [ ]?     # an optional space
    (?:kg|g) # unit
""", "5 kg, 10g, 7 t", re.X))
print(re.findall("(?x) a b # comment", "ab a b"))
print(re.findall(r"\w+", "café naïve", re.A))
print(re.findall(r"\w+", "café naïve"))
print(re.findall(r"\d", "1٣", re.A), re.findall(r"\d", "1٣"))
print(re.findall(r"\s", "a\x1cb c", re.A), re.findall(r"\s", "a\x1cb c"))
print(re.findall(r"\bb", "ébé", re.A), re.findall(r"\bb", "ébé"))
print(re.findall("(?a)k", "kK"), re.findall("(?ai)k", "kK"))
print(re.compile("a", re.I).flags, re.compile("(?i)a").flags, re.compile("a", re.A).flags)
print(re.compile("(?m)a", re.S).flags, re.compile("(?x)a").flags)
print(repr(re.compile("a+", re.IGNORECASE)))
print(repr(re.compile("(?i)a", re.M)), repr(re.compile("a")), repr(re.compile("a", re.A)))
print(repr(re.compile("a", re.X | re.S | re.U)))
print(repr(re.compile("a", re.I | 8192)))
print(re.compile("x" * 300))
print(re.compile("it's").pattern, re.compile("it's"))
for flags in [re.L, re.A | re.U]:
    try:
        re.compile("a", flags)
    except ValueError as e:
        print("ValueError:", e)
