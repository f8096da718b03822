# An exception thrown into a generator that does not handle it comes back out of
# throw(), with the generator's frame in the traceback: here at its definition line,
# as it had not started yet.
def numbers():
    yield 1

it = numbers()
it.throw(ValueError("thrown in"))
