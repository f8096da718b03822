def level1():
    x = 0
    def level2():
        def level3():
            nonlocal x
            x += 10
            return x
        return level3
    return level2(), lambda: x
