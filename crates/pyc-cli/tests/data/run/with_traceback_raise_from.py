# __exit__ translating the exception with `raise ... from`.
class Translate:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        if isinstance(value, KeyError):
            raise LookupError("translated") from value


with Translate():
    {}["key"]
