"""Operations on POSIX path names (`os.path`)."""

import posix

sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(path):
    import os
    return os.fspath(path)


def _str_parts(fname, *parts):
    result = []
    for part in parts:
        part = _fspath(part)
        if not isinstance(part, str):
            raise TypeError('%s() argument must be str, bytes, or os.PathLike object, '
                            'not %r' % (fname, type(part).__name__))
        result.append(part)
    return result


def isabs(s):
    """Whether a path is absolute."""
    return _fspath(s).startswith('/')


def join(a, *p):
    """Join path parts: an absolute part discards what came before it."""
    a, *p = _str_parts('join', a, *p)
    path = a
    for b in p:
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    """`(head, tail)`: tail is everything after the final slash."""
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    """`(root, ext)`: ext is the last dot and what follows, unless the dot starts the
    final part."""
    p = _fspath(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, ''


def basename(p):
    """The final part of a path."""
    p = _fspath(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    """Everything but the final part of a path."""
    p = _fspath(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def normpath(path):
    """A path with redundant separators and up-level references collapsed."""
    path = _fspath(path)
    if path == '':
        return '.'
    initial_slashes = 0
    if path.startswith('/'):
        initial_slashes = 2 if path.startswith('//') and not path.startswith('///') else 1
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps)
                or (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    """An absolute, normalized version of a path."""
    path = _fspath(path)
    if not isabs(path):
        path = join(posix.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path: symbolic links resolved, up-level references removed."""
    filename = _fspath(filename)
    path, ok = _joinrealpath('', filename, strict, {})
    return abspath(path)


def _joinrealpath(path, rest, strict, seen):
    if isabs(rest):
        rest = rest[1:]
        path = '/'
    while rest:
        name, _, rest = rest.partition('/')
        if not name or name == '.':
            continue
        if name == '..':
            if path:
                path, name = split(path)
                if name == '..':
                    path = join(path, '..', '..')
            else:
                path = '..'
            continue
        newpath = join(path, name)
        try:
            st = posix.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = st[0] & _S_IFMT == _S_IFLNK
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            if strict:
                posix.stat(newpath)
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, posix.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def _mode(path):
    try:
        return posix.stat(_fspath(path))[0]
    except (OSError, ValueError):
        return None


def exists(path):
    """Whether a path names something (following symbolic links)."""
    return _mode(path) is not None


def lexists(path):
    """Whether a path names something, a broken symbolic link included."""
    try:
        posix.lstat(_fspath(path))
    except (OSError, ValueError):
        return False
    return True


def isdir(s):
    """Whether a path names a folder."""
    mode = _mode(s)
    return mode is not None and mode & _S_IFMT == _S_IFDIR


def isfile(path):
    """Whether a path names a regular file."""
    mode = _mode(path)
    return mode is not None and mode & _S_IFMT == _S_IFREG


def islink(path):
    """Whether a path names a symbolic link."""
    try:
        mode = posix.lstat(_fspath(path))[0]
    except (OSError, ValueError):
        return False
    return mode & _S_IFMT == _S_IFLNK


def getsize(filename):
    """The size of a file, in bytes."""
    return posix.stat(_fspath(filename))[6]


def getatime(filename):
    return posix.stat(_fspath(filename))[7]


def getmtime(filename):
    return posix.stat(_fspath(filename))[8]


def getctime(filename):
    return posix.stat(_fspath(filename))[9]


def expanduser(path):
    """A path with a leading `~` replaced by the home folder."""
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    import os
    userhome = os.environ.get('HOME')
    if userhome is None:
        return path
    userhome = userhome.rstrip('/')
    return (userhome + path[i:]) or '/'


def expandvars(path):
    """A path with `$name` and `${name}` replaced by environment variables that exist."""
    path = _fspath(path)
    if '$' not in path:
        return path
    import os
    result = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != '$':
            result.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == '{':
            end = path.find('}', i + 2)
            if end < 0:
                result.append(path[i:])
                break
            name = path[i + 2:end]
            following = end + 1
        else:
            j = i + 1
            while j < n and (path[j].isalnum() or path[j] == '_'):
                j += 1
            name = path[i + 1:j]
            following = j
        if name and name in os.environ:
            result.append(os.environ[name])
        else:
            result.append(path[i:following])
        i = following
    return ''.join(result)


def commonprefix(m):
    """The longest common leading string of a list of paths."""
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def relpath(path, start=None):
    """A relative path from `start` (the current folder by default) to `path`."""
    path = _fspath(path)
    if not path:
        raise ValueError('no path specified')
    start = curdir if start is None else _fspath(start)
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonpath(paths):
    """The longest common sub-path of a sequence of paths."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = [_fspath(p) for p in paths]
    split_paths = [p.split(sep) for p in paths]
    isabs_flags = set(p.startswith(sep) for p in paths)
    if len(isabs_flags) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if paths[0].startswith(sep) else ''
    return prefix + sep.join(common)
