"""Time access and conversions: the clocks, and broken-down times as struct_time."""

import _time
from _time import (time, time_ns, monotonic, monotonic_ns, perf_counter,
                   perf_counter_ns, process_time, process_time_ns, sleep)

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
           'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time:
    """A broken-down time: a 9-item sequence with named fields (and tm_zone,
    tm_gmtoff)."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __init__(self, seq):
        items = tuple(seq)
        if len(items) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence '
                            '(%d-sequence given)' % len(items))
        if len(items) > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence '
                            '(%d-sequence given)' % len(items))
        self._items = items[:9]
        for name, value in zip(_FIELDS, items):
            setattr(self, name, value)
        self.tm_zone = items[9] if len(items) > 9 else None
        self.tm_gmtoff = items[10] if len(items) > 10 else None

    def __len__(self):
        return 9

    def __getitem__(self, index):
        return self._items[index]

    def __iter__(self):
        return iter(self._items)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._items == other._items
        if isinstance(other, tuple):
            return self._items == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __hash__(self):
        return hash(self._items)

    def __repr__(self):
        fields = ', '.join('%s=%r' % (name, value)
                           for name, value in zip(_FIELDS, self._items))
        return 'time.struct_time(%s)' % fields


def _tuple(t, fname):
    if isinstance(t, struct_time):
        return t._items
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % fname)
    return t


def gmtime(secs=None):
    """The UTC time of `secs` seconds since the epoch (now by default)."""
    return struct_time(_time.gmtime(secs))


def localtime(secs=None):
    """The local time of `secs` seconds since the epoch (now by default)."""
    return struct_time(_time.localtime(secs))


def mktime(t):
    """The seconds since the epoch of a local time."""
    return _time.mktime(_tuple(t, 'mktime'))


def strftime(format, t=None):
    """`t` (the local time now by default) formatted as the C library's strftime."""
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s'
                        % type(format).__name__)
    if t is None:
        t = localtime()
    return _time.strftime(format, _tuple(t, 'strftime'))


_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
           'Oct', 'Nov', 'Dec')


def asctime(t=None):
    """A time as 'Sun Jun 20 23:21:05 1993'."""
    if t is None:
        t = localtime()
    t = _tuple(t, 'asctime')
    return '%s %s %2d %02d:%02d:%02d %d' % (
        _DAYS[t[6]], _MONTHS[t[1] - 1], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    """`asctime(localtime(secs))`."""
    return asctime(localtime(secs))


timezone, altzone, daylight, _std, _dst = _time.tzinfo()
tzname = (_std, _dst)
del _std, _dst
