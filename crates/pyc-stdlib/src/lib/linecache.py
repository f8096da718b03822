"""Lines of source files, as tracebacks show them (pyc's own implementation): the files
the interpreter loaded, else read from disk."""

import _traceback_text

__all__ = ["getline", "getlines", "clearcache", "checkcache"]

_cache = {}


def getlines(filename, module_globals=None):
    """All lines of `filename`, each with its line break (empty if unreadable)."""
    if filename in _cache:
        return _cache[filename]
    lines = []
    n = 1
    while True:
        line = _traceback_text.source_line(filename, n)
        if not line:
            break
        lines.append(line)
        n += 1
    if not lines:
        try:
            with open(filename, encoding="utf-8") as f:
                lines = f.readlines()
        except Exception:
            return []
    _cache[filename] = lines
    return lines


def getline(filename, lineno, module_globals=None):
    """Line `lineno` of `filename` with its line break, or ''."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def clearcache():
    _cache.clear()


def checkcache(filename=None):
    if filename is None:
        _cache.clear()
    else:
        _cache.pop(filename, None)
