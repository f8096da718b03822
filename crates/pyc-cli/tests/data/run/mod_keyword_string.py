import keyword
import string

print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.iskeyword("x"))
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), repr(string.punctuation), len(string.printable))
print(string.capwords("hello   big  world"), string.capwords("a-b-c", "-"), repr(string.capwords("")))

t = string.Template("$who likes ${what}; costs $$5 for $who")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}, what="coffee"))
print(t.safe_substitute(who="bob"))
print(t.get_identifiers(), t.is_valid(), t.template)
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
bad = string.Template("cost: $ 5\nnext $")
print(bad.is_valid(), bad.safe_substitute())
try:
    bad.substitute()
except ValueError as e:
    print("ValueError", e)
print(string.Template("${a}b $a_1 $1").safe_substitute(a="A", a_1="Z"))


class Percent(string.Template):
    delimiter = "%"


print(Percent("%x and %%").substitute(x=1))
