# More str methods.
s = "pyc compiler"
print(s.center(16, "*"), s.zfill(14), "-5".zfill(4), s.partition(" "), s.rpartition("z"))
print(s.index("c"), s.rfind("c"), s.islower(), s.isupper(), "Ab1".isalnum())
print("a,b,,c".split(","), "a b".split(" ", 1), "line1\nline2\n".splitlines())
print("x".join("abc"), "".join([]), "ab".ljust(4, ".") + "|", "ab".rjust(4) + "|")
print(s.title(), s.count(""), s.replace("c", "C", 1), "%" in s)
print(str(3) * 2, "abc"[5:], "abc"[-10:2], "abcdef"[1:5:2], "é".upper(), len("héllo"))
print(s.strip("pyr"), "  x ".strip() == "x")
print(min(["b", "a"]), "a" * 0 == "")
