# Position markers count characters, not bytes, and indentation may be tabs.
def tabbed(x):
	if x:
		return "é" + x
	return x


def spaced(x):
        name = "ünï"; return name.upper() + x


try:
    label = "–→" ; tabbed(1)
finally:
    try:
        spaced(2)
    finally:
        try:
            emoji = {"🐍": 1}; emoji["🐍"] + emoji["x"]
        finally:
            {"ä": 1}["ö"]
