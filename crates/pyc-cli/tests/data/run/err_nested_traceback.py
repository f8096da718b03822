# An uncaught exception deep inside nested calls and closures.
def level_one(x):
    return level_two(x) + 1

def level_two(x):
    helper = make_helper(x)
    return helper()

def make_helper(x):
    def helper():
        return 100 // (x - x)
    return helper

print("calling")
level_one(3)
