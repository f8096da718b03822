values = [x for i in range(3) for x in (y := [i])]
