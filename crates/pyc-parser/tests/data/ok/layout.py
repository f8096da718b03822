# leading comment

x = 1  # trailing comment


if x:
	# tab indented body
	y = 2
	if y:
	        z = 3
w = 4
def f():

    # comment inside

    return (
        1,  # comment in parens
        2,
    )
s = """multi
line
string"""
t = '''a
# not a comment
b'''
class K:
    def m(self): return 1
    x = 2
l = [
    1,
    2
]
if a: b = 1; c = 2
λ = 1
données = λ
v = "no newline at end"
