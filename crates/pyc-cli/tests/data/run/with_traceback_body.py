# An exception leaving nested with blocks keeps the frames it was raised through;
# each __exit__ sees it and lets it go.
class Quiet:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        print(self.name, "exits with", typ.__name__)


def inner(d):
    with Quiet("inner"):
        return d["missing"]


def outer():
    with Quiet("a"), Quiet("b"):
        inner({})


outer()
