# A tab-indented line after a space-indented one.
if True:
        x = 1
	y = 2
print(x)
