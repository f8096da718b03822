with a as x + 1:
    pass
