def make_all():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
        fs.append(lambda i=i: i)
    return fs
