calls = 0


def counter():
    global calls
    calls += 1
    count = 0

    def step():
        nonlocal count
        count += 1
        return (calls, count)
    return step


print("helpers imported once:", __name__)
