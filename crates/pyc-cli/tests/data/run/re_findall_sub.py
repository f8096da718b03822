# re: findall, finditer, sub, subn, split, escape, purge
import re

print(re.findall(r"\d+", "a1b22c333"))
print(re.findall(r"(\w)(\d)", "a1 b2 c"))
print(re.findall(r"(\w)\d", "a1 b2 c"))
print(re.findall(r"(a)|b", "ab"))
print(re.findall(r"x*", "axb"))
print(re.findall(r"x*|a", "a"))
print([m.span() for m in re.finditer(r"\w+", "ab cd  ef")])
it = re.finditer("a", "aa")
print(next(it), next(it))

print(re.sub(r"\d", "#", "a1b22"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home"))
print(re.sub(r"(?P<a>\w)(?P<b>\d)", r"\g<b>\g<a>\g<0>\g<1>", "x1 y2"))
print(re.sub(r"a(b)?", r"[\1]", "ac ab"))
print(re.sub("a", r"\n\t\\-\&", "a"))
print(repr(re.sub("a", r"\0\08\101", "a")))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples, 12 pears"))
print(re.sub("x*", "-", "abxd"))
print(re.sub("", "-", "abc"))
print(re.sub("a", "b", "aaaa", 2), re.sub("a", "b", "aaaa", count=1))
print(re.subn("a", "b", "aaaa"), re.subn("z", "b", "aaaa"))
print(re.sub("A", "b", "aA", flags=re.I))
print(re.compile("o").sub("0", "foo boo", 3))

m = re.search(r"(?P<k>\w+)=(?P<v>\w+)", "x key=val")
print(m.expand(r"\g<v>:\g<k> \2\1 \n|"))

print(re.split(r",\s*", "a, b,c,  d"))
print(re.split(r"(,)\s*", "a, b,c"))
print(re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r",", "a,b,c,d", maxsplit=2), re.split(r",", "a,b,c", 1))
print(re.split(r"x*", "axbc"))
print(re.split(r"\b", "hi there"))
print(re.split("z", "abc"), re.split(",", ""))

print(re.escape("a.b*c?d+e(f)[g]{h}^$|\\ i-j&k~l#m\tn"))
print(re.escape("plain_text123é"))
print(re.search(re.escape("1+1=2?"), "is 1+1=2?").group())
re.purge()
print(re.match("a", "a").group())
print(re.sub("a", lambda m: None, "xay"))
try:
    re.sub("a", lambda m: 5, "bab")
except TypeError as e:
    print("TypeError:", e)
