# The global statement, from functions and nested functions.
counter = 0

def bump():
    global counter
    counter += 1

bump()
bump()
print(counter)

def define_new():
    global created
    created = "made inside a function"

define_new()
print(created)

def outer():
    counter = "outer local"
    def inner():
        global counter
        counter = 100
    inner()
    return counter

print(outer(), counter)

def reader():
    return counter * 2
counter = 21
print(reader())
