"""The interface to pyc's garbage collector.

pyc has one tracing collector, not CPython's three generations: `collect()` always
collects everything, `get_count()` counts allocations since the last collection, and
the thresholds are recorded and reported but only a first threshold of 0 has an effect
(it stops automatic collection, as in CPython).
"""

import _gc

garbage = []

_enabled = True
_thresholds = (700, 10, 10)


def _update():
    _gc.set_automatic(_enabled and _thresholds[0] != 0)


def enable():
    """Turn automatic garbage collection on."""
    global _enabled
    _enabled = True
    _update()


def disable():
    """Turn automatic garbage collection off (collect() still works)."""
    global _enabled
    _enabled = False
    _update()


def isenabled():
    """Whether automatic collection is on."""
    return _enabled


def collect(generation=2):
    """Run a full collection; returns the number of objects freed."""
    if not isinstance(generation, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(generation).__name__)
    if generation < 0 or generation > 2:
        raise ValueError('invalid generation')
    return _gc.collect()


def get_count():
    """(objects allocated since the last collection, 0, 0)."""
    return (_gc.count(), 0, 0)


def get_threshold():
    """The thresholds last set."""
    return _thresholds


def set_threshold(threshold0, threshold1=None, threshold2=None):
    """Record the thresholds; a first threshold of 0 stops automatic collection."""
    global _thresholds
    values = [threshold0, threshold1, threshold2]
    for i in range(3):
        if values[i] is None:
            values[i] = _thresholds[i]
        elif not isinstance(values[i], int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(values[i]).__name__)
    _thresholds = (values[0], values[1], values[2])
    _update()


def is_tracked(obj):
    """Whether CPython's collector would track obj."""
    return _gc.is_tracked(obj)


def get_referents(*objs):
    """The objects the arguments refer to directly."""
    result = []
    for obj in objs:
        result.extend(_gc.referents(obj))
    return result


def get_referrers(*objs):
    """The objects that refer directly to any of the arguments."""
    return _gc.referrers(objs)
