# An __exit__ that raises while an exception is propagating: CPython prints both,
# chained by "During handling of the above exception".
class Cleanup:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        print("cleaning up after", repr(value))
        raise RuntimeError("cleanup failed")


def work():
    with Cleanup():
        numbers = [1, 2]
        return numbers[5]


work()
