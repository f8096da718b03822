class A:
    values = [y := i for i in range(3)]
