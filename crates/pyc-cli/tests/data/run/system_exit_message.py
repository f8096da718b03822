# A SystemExit whose code is not an int prints it to stderr and exits with status 1,
# with no traceback even when raised while handling another exception.
class Abort(SystemExit):
    pass

try:
    {}["missing"]
except KeyError:
    raise Abort("giving up: no such key")
