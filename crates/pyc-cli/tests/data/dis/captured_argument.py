def remember(value, label="v"):
    def show():
        return label + "=" + str(value)
    value = value * 2
    return show
