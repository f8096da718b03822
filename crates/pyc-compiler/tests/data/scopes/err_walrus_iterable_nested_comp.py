values = [[k for k in (y := [i])] for i in range(3)]
