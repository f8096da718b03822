# Assorted runtime error messages, each caught and printed.
def attempt(label, thunk):
    try:
        thunk()
        print(label, "no error")
    except Exception as e:
        print(label, "|", type(e).__name__, "|", e)

def unpack_two(v):
    a, b = v
    return a, b

attempt("unpack few", lambda: unpack_two([1]))
attempt("unpack many", lambda: unpack_two([1, 2, 3]))
attempt("not iterable", lambda: unpack_two(5))
attempt("unhashable", lambda: {[]: 1})
attempt("str item", lambda: sorted([1, "a"]))
attempt("compare", lambda: 1 < "a" < 2)
attempt("none attr", lambda: None.missing)
attempt("int attr", lambda: (5).real_part)
attempt("call str", lambda: (lambda s: s())("text"))
attempt("index type", lambda: [1, 2]["0"])
attempt("int of none", lambda: int(None))
attempt("list index", lambda: [1, 2, 3].index(7))
attempt("remove", lambda: [].remove(1))
attempt("missing global", lambda: nowhere)
attempt("neg shift", lambda: 1 << -1)
attempt("str plus int", lambda: "n=" + 5)
attempt("dict key", lambda: {"a": 1}["b"])
