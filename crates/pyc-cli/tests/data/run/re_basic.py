# re: search, match, fullmatch and the Match object
import re

m = re.search(r"(\d+)-(\d+)", "call 555-1234 now")
print(m)
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(1, 2))
print(m[0], m[1], m[2])
print(m.groups(), m.start(), m.end(), m.span(), m.span(2), m.start(1), m.end(2))
print(m.string, m.re, m.pos, m.endpos, m.lastindex, m.lastgroup)
print(m.regs)

print(re.match("abc", "abcdef"))
print(re.match("bcd", "abcdef"))
print(re.fullmatch("abc", "abc"), re.fullmatch("abc", "abcd"))
print(re.fullmatch("a|ab", "ab"))
print(re.search("x", "abc"))

m = re.match(r"(a)(b)?(c)?", "ac")
print(m.groups(), m.groups("-"), m.group(2), m.span(2), m.start(2), m.end(2))
print(m.lastindex)

m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?P<rest> .*)?", "Ada Lovelace")
print(m.group("first"), m["last"], m.group("first", 2))
print(m.groupdict(), m.groupdict("n/a"))
print(m.lastindex, m.lastgroup, m.span("last"))

print(re.match("(a)()", "a").lastindex, re.match("(a())", "a").lastindex)
print(re.match("((a)b)", "ab").lastindex, re.match("(a)(b)?", "a").lastindex)
print(re.match("a", "a").lastindex, re.match("a", "a").lastgroup)

for bad in [3, -1, "nope"]:
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError:", e)

print(repr(re.match(".*", "x" * 100)))
print(re.search("é+", "caféé!"))
print(re.search("b", "ééb").span())
print(bool(re.match("", "")))
