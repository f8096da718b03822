counter = 0
def reset():
    counter = 0
    global counter
