# Position markers under subscripts, calls, method calls and attribute access.
class Box:
    def __init__(self):
        self.items = {"a": [1, 2]}

    def get(self, key):
        return self.items[key]

    def maker(self):
        return lambda n: n.missing


box = Box()
table = {"k": {}}


def first(x):
    return None


try:
    box.items["a"][5]
finally:
    try:
        table ["k"] [ "inner" ]
    finally:
        try:
            first(1)(2)
        finally:
            try:
                box.get("zz")
            finally:
                try:
                    box.maker()(3)
                finally:
                    try:
                        box.nothing
                    finally:
                        try:
                            (box
                                .get)("b")
                        finally:
                            try:
                                box.items[
                                    "c"]
                            finally:
                                box.get(
                                    "long"
                                )
