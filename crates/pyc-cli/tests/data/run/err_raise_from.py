# An uncaught exception with an explicit cause.
def load(config, key):
    try:
        return config[key]
    except KeyError as e:
        raise RuntimeError("missing setting " + repr(key)) from e

print(load({"a": 1}, "a"))
load({}, "port")
