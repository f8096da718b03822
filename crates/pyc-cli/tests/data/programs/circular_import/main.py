import first
print(first.NAME, first.second.NAME, first.second.seen_first_name)
try:
    import third
except ImportError as e:
    print(type(e).__name__, str(e).replace(__file__.rsplit("/", 1)[0], "<dir>"))
    print(e.name, e.path.rsplit("/", 1)[-1])
import fourth
