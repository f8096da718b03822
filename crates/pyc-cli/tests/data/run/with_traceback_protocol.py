# A manager without __exit__ fails before __enter__ runs.
class OnlyEnter:
    def __enter__(self):
        print("not called")
        return self


def use(manager):
    with manager as m:
        print("not reached", m)


try:
    use(42)
except TypeError as e:
    print(e)
use(OnlyEnter())
