counter = 0
untouched = 1


def bump():
    global counter
    counter += 1
    return counter


class Config:
    global setting
    setting = "on"
    local = setting


def walrus_global():
    global picked
    return [picked := c for c in "xy"]


print(counter, untouched, setting, Config.local, walrus_global(), picked)
del counter
