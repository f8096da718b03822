# str methods, slicing and reprs.
s = "Hello, World"
print(s.upper(), s.lower(), len(s))
print(s[0], s[-1], s[1:5], s[::-1], s[::2], s[-5:])
print(s.split(", "), "a b  c".split(), ",".join(["x", "y", "z"]))
print(s.replace("l", "L"), s.find("World"), s.find("zzz"), s.count("l"))
print(s.startswith("Hell"), s.endswith("x"), "  pad  ".strip() + "|")
print("abc" * 3, "ab" + "cd", "b" in "abc", "z" not in "abc")
print(repr("it's"), repr('say "hi"'), repr("tab\there"), repr("nl\n"), repr("back\\slash"))
print("x".isdigit(), "123".isdigit(), "abc".isalpha(), " ".isspace())
print("title case".title(), "Cap".capitalize())
print("a-b-c".rsplit("-", 1), "  left".lstrip(), "right  ".rstrip() + "|")
print(str(12) + "!", "{} {}".format(1, "two"))
print(ord("A"), chr(97), "abc" < "abd", "Z" < "a")
