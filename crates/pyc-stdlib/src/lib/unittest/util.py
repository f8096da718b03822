"""Small helpers shared by the unittest modules."""

__unittest = True

_MAX_LENGTH = 80


def safe_repr(obj, short=False):
    """repr(obj), which may not fail, shortened to 80 characters when `short`."""
    try:
        result = repr(obj)
    except Exception:
        result = object.__repr__(obj)
    if not short or len(result) < _MAX_LENGTH:
        return result
    return result[:_MAX_LENGTH] + ' [truncated]...'


def strclass(cls):
    """`module.QualifiedName` of a class."""
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def count_diff(actual, expected):
    """(count in actual, count in expected, element) for each element whose counts
    differ, in order of first appearance (actual first)."""
    seen = []
    result = []

    def count(seq, item):
        n = 0
        for x in seq:
            if x is item or x == item:
                n += 1
        return n

    for elem in list(actual) + list(expected):
        if any(elem is s or elem == s for s in seen):
            continue
        seen.append(elem)
        a, b = count(actual, elem), count(expected, elem)
        if a != b:
            result.append((a, b, elem))
    return result
