x = 1
  # comment
if x:
	pass
