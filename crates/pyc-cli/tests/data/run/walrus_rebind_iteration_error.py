# An assignment expression may not rebind a comprehension's iteration variable.
def pairs():
    return [[(i := j) for j in range(2)] for i in range(3)]
