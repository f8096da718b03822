# __traceback__, tb_frame, tb_next, with_traceback, and the traceback module.
import traceback


def inner():
    return 1 / 0


def outer():
    return inner()


try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    print(e.__traceback__ is e.__traceback__)
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
    print(traceback.format_exception_only(e))
    print([(f.name, f.lineno, f.line) for f in traceback.extract_tb(e.__traceback__)])
    text = traceback.format_exc()
    print(text.splitlines()[-1])
    stripped = e.with_traceback(None)
    print(stripped is e, e.__traceback__)


def show_stack():
    return [entry.name for entry in traceback.extract_stack()]


print(show_stack()[-2:])
try:
    raise ValueError("chained") from KeyError("cause")
except ValueError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
outer()
