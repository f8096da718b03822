# re: re.error and the other exceptions, with CPython's messages and positions
import re

patterns = [
    "(a", "a)", "[a", "[z-a]", "*a", "a**", "a{3,1}", "a\\q", "a\\", "\\x1",
    "\\777", "(a)\\2", "(a\\1)", "(?<x)", "(?P<", "(?P<>a)", "(?P<1a>a)",
    "(?P<a>a)(?P<a>b)", "(?P=x)", "(?P<a", "(?z)", "(?i", "(?-i)", "(?i-i:a)",
    "(?<=a+)b", "(?#abc", "(?(1)a|b|c)", "(?(x)a)", "a(?i)b", "a{,3}{2}",
    "(?P", "(?", "[\\q]", "\\u12", "\\U00110000", "(?P<a>x)(?P=a", "x{2}{3}",
    "\\8", "(", ")", "[]", "[^]", "a|*", "(?L)a", "(?au:a)", "(?-a:x)",
    "(?m-:a)", "(?P>a)", "[a-\\d]", "[\\d-z]", "\\c", "(?(0)a)", "(?(1a)a)",
    "\n\n(", "(?(2)a)(b)", "(?<=(a)\\1)b", "^*", "\\b+", "(?iq)",
]
for p in patterns:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == p)

for t in [r"\g", r"\g<", r"\g<>", r"\g<a", r"\g<1a>", r"\g<5>", r"\5", r"\q",
          r"\x41", "\\", r"\777"]:
    try:
        re.sub("(a)", t, "a")
    except re.error as e:
        print(repr(t), "|", e)
try:
    re.sub("(a)", r"\g<x>", "a")
except IndexError as e:
    print("IndexError:", e)
try:
    re.compile("a{4294967296}")
except OverflowError as e:
    print("OverflowError:", e)
try:
    re.search(1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    re.search("a", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError:", e)
try:
    re.sub("a", lambda m: 1, "a")
except TypeError as e:
    print("TypeError:", e)
e = re.error("plain")
print(e, e.msg, e.pattern, e.pos, e.lineno)
print(issubclass(re.error, Exception), re.error.__name__)
