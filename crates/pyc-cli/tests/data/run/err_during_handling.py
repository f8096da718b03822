# A new exception raised inside an except handler.
def parse(text):
    try:
        return int(text)
    except ValueError:
        return fallback[text]

fallback = {"one": 1}
print(parse("7"), parse("one"))
parse("two")
