"""Print and format exceptions and stack traces (pyc's own implementation).

The report of an exception comes from the interpreter itself, so it is exactly what an
uncaught exception prints, position markers included.
"""

import sys
import _traceback_text

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'walk_stack',
           'walk_tb', 'FrameSummary', 'StackSummary', 'TracebackException']

_sentinel = object()


def _source_line(filename, lineno):
    try:
        import linecache
    except ImportError:
        return None
    return linecache.getline(filename, lineno).strip() or None


class FrameSummary:
    """One entry of a stack or traceback: where a frame was."""

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._line is None:
            self._line = _source_line(self.filename, self.lineno) or ''
        return self._line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename, self.lineno, self.name, self.line) == (
                other.filename, other.lineno, other.name, other.line)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary:
    """A list of FrameSummary entries."""

    def __init__(self, entries=()):
        self._entries = list(entries)

    def append(self, entry):
        self._entries.append(entry)

    def reverse(self):
        self._entries.reverse()

    def __iter__(self):
        return iter(self._entries)

    def __len__(self):
        return len(self._entries)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return StackSummary(self._entries[index])
        return self._entries[index]

    def __eq__(self, other):
        return list(self) == list(other)

    def __repr__(self):
        return repr(self._entries)

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        entries = [(f, lineno) for f, lineno in frame_gen]
        if limit is not None:
            entries = entries[:limit] if limit >= 0 else entries[limit:]
        result = klass()
        for f, lineno in entries:
            code = f.f_code
            result.append(FrameSummary(code.co_filename, lineno, code.co_name,
                                       lookup_line=lookup_lines))
        return result

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for entry in a_list:
            if isinstance(entry, FrameSummary):
                result.append(entry)
            else:
                filename, lineno, name, line = entry
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format(self):
        lines = []
        for entry in self:
            text = '  File "{}", line {}, in {}\n'.format(entry.filename, entry.lineno, entry.name)
            if entry.line:
                text += '    {}\n'.format(entry.line.strip())
            lines.append(text)
        return lines


def walk_tb(tb):
    """Yields (frame, lineno) for each entry of a traceback, outermost first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """Yields (frame, lineno) from `f` (default: the caller's caller) outward."""
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def extract_tb(tb, limit=None):
    return StackSummary.extract(walk_tb(tb), limit=limit)


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_tb(tb, limit=None, file=None):
    _print_lines(format_tb(tb, limit=limit), file)


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    _print_lines(format_stack(f, limit=limit), file)


def _print_lines(lines, file):
    if file is None:
        file = sys.stderr
    for line in lines:
        print(line, file=file, end="")


def _exception_of(exc, value):
    if value is not _sentinel:
        return value
    return exc


def _split(text):
    return text.splitlines(keepends=True)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines of the report of an exception, as an uncaught one prints it."""
    exc = _exception_of(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    return _split(_traceback_text.format_exception(exc))


def format_exception_only(exc, /, value=_sentinel):
    """The last line of the report of an exception: its type and message."""
    exc = _exception_of(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    stype = type(exc).__qualname__
    smod = type(exc).__module__
    if smod not in ("__main__", "builtins"):
        stype = smod + '.' + stype
    try:
        msg = str(exc)
    except Exception:
        msg = '<exception str() failed>'
    return ['{}: {}\n'.format(stype, msg) if msg else '{}\n'.format(stype)]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    _print_lines(format_exception(exc, value, tb, limit=limit, chain=chain), file)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


class TracebackException:
    """An exception ready to be formatted."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False, _hidden=None):
        self.exc_type = exc_type
        self._exc = exc_value
        self._hidden = _hidden
        self.stack = extract_tb(exc_traceback, limit=limit)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def format(self, *, chain=True):
        if self._hidden is None:
            text = _traceback_text.format_exception(self._exc)
        else:
            text = _traceback_text.format_exception(self._exc, *self._hidden)
        return iter(_split(text))

    def format_exception_only(self):
        return iter(format_exception_only(self._exc))

    def __str__(self):
        return str(self._exc)
