"""Regular expressions with Python's syntax and semantics (pyc's own module).

Patterns are compiled and matched by the native _re module (fancy-regex underneath);
this module builds the Pattern and Match objects around the spans it returns.
"""

import _re
import sys

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
    "compile", "purge", "escape", "error", "Pattern", "Match",
    "A", "I", "L", "M", "S", "X", "U", "T",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE",
    "TEMPLATE", "DEBUG", "NOFLAG",
]

NOFLAG = 0
T = TEMPLATE = 1
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
DEBUG = 128
A = ASCII = 256

_FLAG_NAMES = [
    (TEMPLATE, "re.TEMPLATE"), (IGNORECASE, "re.IGNORECASE"), (LOCALE, "re.LOCALE"),
    (MULTILINE, "re.MULTILINE"), (DOTALL, "re.DOTALL"), (UNICODE, "re.UNICODE"),
    (VERBOSE, "re.VERBOSE"), (DEBUG, "re.DEBUG"), (ASCII, "re.ASCII"),
]

_MODE_SEARCH, _MODE_MATCH, _MODE_FULLMATCH = 0, 1, 2


class error(Exception):
    """A pattern or template that cannot be compiled.

    msg: the message without position; pattern, pos: where (or None);
    lineno, colno: the position's line and column (or None).
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            self.lineno = pattern.count("\n", 0, pos) + 1
            self.colno = pos - pattern.rfind("\n", 0, pos)
            msg = "%s at position %d" % (msg, pos)
            if "\n" in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        super().__init__(msg)


error.__module__ = "re"


def _raise(failure, pattern):
    """Raises what a failure list from _re describes."""
    kind, msg, pos = failure
    if kind == "error":
        raise error(msg, pattern if pos is not None else None, pos)
    if kind == "overflow":
        raise OverflowError(msg)
    if kind == "index":
        raise IndexError(msg)
    raise ValueError(msg)


def _check_string(string):
    if not isinstance(string, str):
        raise TypeError(
            "expected string or bytes-like object, got '%s'" % type(string).__name__)


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        info = _re.compile(pattern, flags)
        if type(info) is list:
            _raise(info, pattern)
        self._given_flags = flags
        self.pattern = pattern
        self.flags, self.groups, names, self._parents = info
        self.groupindex = dict(names)
        self._names = {number: name for name, number in names}

    def __repr__(self):
        flags = self.flags
        if flags & (LOCALE | UNICODE | ASCII) == UNICODE:
            flags &= ~UNICODE
        text = "re.compile(%s" % repr(self.pattern)[:200]
        if flags:
            names = []
            for bit, name in _FLAG_NAMES:
                if flags & bit:
                    names.append(name)
                    flags &= ~bit
            if flags:
                names.append(hex(flags))
            text += ", " + "|".join(names)
        return text + ")"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _find(self, string, pos, endpos, mode):
        _check_string(string)
        spans = _re.search(self.pattern, self._given_flags, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def search(self, string, pos=0, endpos=sys.maxsize):
        """The first match anywhere in string[pos:endpos], or None."""
        return self._find(string, pos, endpos, _MODE_SEARCH)

    def match(self, string, pos=0, endpos=sys.maxsize):
        """A match starting at pos, or None."""
        return self._find(string, pos, endpos, _MODE_MATCH)

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        """A match of all of string[pos:endpos], or None."""
        return self._find(string, pos, endpos, _MODE_FULLMATCH)

    def _scan(self, string, pos=0, endpos=sys.maxsize, limit=0):
        _check_string(string)
        return _re.scan(self.pattern, self._given_flags, string, pos, endpos, limit)

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        """An iterator over the successive non-overlapping matches."""
        for spans in self._scan(string, pos, endpos):
            yield Match(self, string, pos, endpos, spans)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        """The matched strings, or the groups' strings (a tuple for several groups)."""
        found = []
        groups = self.groups
        for spans in self._scan(string, pos, endpos):
            if groups == 0:
                found.append(string[spans[0]:spans[1]])
            elif groups == 1:
                found.append(string[spans[2]:spans[3]] if spans[2] >= 0 else "")
            else:
                found.append(tuple(
                    string[spans[2 * g]:spans[2 * g + 1]] if spans[2 * g] >= 0 else ""
                    for g in range(1, groups + 1)))
        return found

    def split(self, string, maxsplit=0):
        """string cut at each match (with the groups' strings in between)."""
        if maxsplit < 0:
            return [string]
        parts = []
        last = 0
        for spans in self._scan(string, 0, sys.maxsize, maxsplit):
            parts.append(string[last:spans[0]])
            for g in range(1, self.groups + 1):
                start = spans[2 * g]
                parts.append(string[start:spans[2 * g + 1]] if start >= 0 else None)
            last = spans[1]
        parts.append(string[last:])
        return parts

    def subn(self, repl, string, count=0):
        """(string with matches replaced by repl, number of replacements)."""
        _check_string(string)
        if count < 0:
            return (string, 0)
        if not callable(repl):
            if not isinstance(repl, str):
                raise TypeError(
                    "expected str instance, %s found" % type(repl).__name__)
            result = _re.sub(self.pattern, self._given_flags, repl, string, count)
            if type(result) is list:
                _raise(result, repl)
            return result
        # The pieces are gathered as CPython gathers them (no empty slices, no None
        # results), so that a result that is not a str is reported at the same index.
        pieces = []
        last = 0
        n = 0
        for spans in self._scan(string, 0, sys.maxsize, count):
            if last < spans[0]:
                pieces.append(string[last:spans[0]])
            text = repl(Match(self, string, 0, sys.maxsize, spans))
            if text is not None:
                pieces.append(text)
            last = spans[1]
            n += 1
        if last < len(string):
            pieces.append(string[last:])
        return ("".join(pieces), n)

    def sub(self, repl, string, count=0):
        """string with matches replaced by repl (a template or a function of the match)."""
        return self.subn(repl, string, count)[0]

    def _template(self, template):
        pieces = _re.template(self.pattern, self._given_flags, template)
        if type(pieces) is list:
            _raise(pieces, template)
        return pieces


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, spans):
        n = len(string)
        self.re = pattern
        self.string = string
        self.pos = min(max(pos, 0), n)
        self.endpos = min(max(endpos, 0), n)
        self.regs = tuple((spans[i], spans[i + 1]) for i in range(0, len(spans), 2))
        self.lastindex = self._last_closed()
        self.lastgroup = pattern._names.get(self.lastindex)

    def _last_closed(self):
        """The group whose match closed last (None if none took part)."""
        regs = self.regs
        ends = [regs[g][1] for g in range(1, len(regs)) if regs[g][0] >= 0]
        if not ends:
            return None
        end = max(ends)
        candidates = [g for g in range(1, len(regs)) if regs[g][0] >= 0 and regs[g][1] == end]
        last = candidates[-1]
        parents = self.re._parents
        parent = parents[last - 1]
        while parent:
            if parent in candidates:
                last = parent
            parent = parents[parent - 1]
        return last

    def _index(self, group):
        if isinstance(group, str):
            number = self.re.groupindex.get(group)
            if number is not None:
                return number
        elif isinstance(group, int) and 0 <= group < len(self.regs):
            return group
        raise IndexError("no such group")

    def _group(self, group, default=None):
        start, end = self.regs[self._index(group)]
        if start < 0:
            return default
        return self.string[start:end]

    def group(self, *groups):
        """The text of group 0 or of each group asked for (a tuple for several)."""
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, group):
        return self._group(group)

    def groups(self, default=None):
        """The texts of all groups, default for those that did not take part."""
        return tuple(self._group(g, default) for g in range(1, len(self.regs)))

    def groupdict(self, default=None):
        """Named groups' texts by name."""
        return {name: self._group(number, default)
                for name, number in self.re.groupindex.items()}

    def start(self, group=0):
        """Where the group's match starts (-1 if it did not take part)."""
        return self.regs[self._index(group)][0]

    def end(self, group=0):
        """Where the group's match ends (-1 if it did not take part)."""
        return self.regs[self._index(group)][1]

    def span(self, group=0):
        """(start, end) of the group's match."""
        return self.regs[self._index(group)]

    def expand(self, template):
        """template with its group references replaced by this match's groups."""
        parts = []
        for piece in self.re._template(template):
            if isinstance(piece, str):
                parts.append(piece)
            else:
                text = self._group(piece)
                if text is not None:
                    parts.append(text)
        return "".join(parts)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self.regs[0][0], self.regs[0][1], repr(self._group(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Pattern.__module__ = Match.__module__ = "re"

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    compiled = _cache.get(key)
    if compiled is None:
        compiled = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    """Compiles pattern into a Pattern object."""
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    """The first match of pattern anywhere in string, or None."""
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    """A match of pattern at the start of string, or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """A match of pattern against all of string, or None."""
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    """All non-overlapping matches (or their groups) in string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator over the Match objects of all non-overlapping matches."""
    return _compile(pattern, flags).finditer(string)


def split(pattern, string, maxsplit=0, flags=0):
    """string split by the occurrences of pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    """string with the occurrences of pattern replaced by repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """(new string, number of substitutions made)."""
    return _compile(pattern, flags).subn(repl, string, count)


_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def escape(pattern):
    """pattern with every character special in patterns backslashed."""
    return "".join("\\" + c if c in _SPECIAL else c for c in pattern)


def purge():
    """Clears the caches of compiled patterns."""
    _cache.clear()
    _re.purge()
