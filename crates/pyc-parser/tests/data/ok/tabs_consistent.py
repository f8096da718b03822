if 1:
	if 2:
		x = 1
	y = 2
if 3:
  	  w = 4
  	  v = 5
