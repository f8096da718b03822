class A:
    values = [[y := j for j in range(2)] for i in range(3)]
