"""Operating system interfaces (POSIX): files and folders, the environment, the
process. `os.path` is `posixpath`."""

import sys
import posix
from posix import getpid, cpu_count, strerror, getcwd

import posixpath as path

sys.modules['os.path'] = path

name = 'posix'
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull
linesep = '\n'
error = OSError


def fspath(path):
    """The str of a path: a str itself, or what its `__fspath__` returns."""
    if isinstance(path, str):
        return path
    method = getattr(type(path), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(path).__name__)
    result = method(path)
    if not isinstance(result, str):
        raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                        % (type(path).__name__, type(result).__name__))
    return result


class PathLike:
    """What has an `__fspath__` method."""

    def __fspath__(self):
        raise NotImplementedError


def listdir(path='.'):
    """The names of the entries in a folder."""
    return posix.listdir(fspath(path))


def chdir(path):
    posix.chdir(fspath(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    """Make a folder."""
    posix.mkdir(fspath(path), mode)


def makedirs(name, mode=0o777, exist_ok=False):
    """Make a folder and every missing parent."""
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    """Remove an empty folder."""
    posix.rmdir(fspath(path))


def removedirs(name):
    """Remove a folder, then each parent that became empty."""
    rmdir(name)
    head, tail = path.split(fspath(name))
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def remove(path, *, dir_fd=None):
    """Remove a file."""
    posix.remove(fspath(path))


unlink = remove


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    """Rename a file or folder."""
    posix.rename(fspath(src), fspath(dst))


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    posix.replace(fspath(src), fspath(dst))


def readlink(path, *, dir_fd=None):
    return posix.readlink(fspath(path))


_STAT_FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
                'st_size', 'st_atime', 'st_mtime', 'st_ctime')


class stat_result:
    """What stat() returns: a 10-item sequence with named fields."""

    def __init__(self, fields):
        fields = tuple(fields)
        self._items = tuple(int(f) for f in fields[:7]) + tuple(
            int(f) for f in fields[7:10])
        for name, value in zip(_STAT_FIELDS, fields):
            setattr(self, name, value)

    def __len__(self):
        return 10

    def __getitem__(self, index):
        return self._items[index]

    def __iter__(self):
        return iter(self._items)

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._items == other._items
        return NotImplemented

    def __repr__(self):
        return 'os.stat_result(%s)' % ', '.join(
            '%s=%r' % (name, value) for name, value in zip(_STAT_FIELDS, self._items))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Information about a file: its mode, size, times, ..."""
    path = fspath(path)
    return stat_result(posix.stat(path) if follow_symlinks else posix.lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(posix.lstat(fspath(path)))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """`(folder, subfolder names, file names)` for `top` and each folder below it."""
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for entry in names:
        if path.isdir(path.join(top, entry)):
            dirs.append(entry)
        else:
            nondirs.append(entry)
    if topdown:
        yield top, dirs, nondirs
    for entry in dirs:
        new_path = path.join(top, entry)
        if followlinks or not path.islink(new_path):
            yield from walk(new_path, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs


class _Environ:
    """The environment as a mapping of str to str; changes reach the process."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not %s' % type(value).__name__)
        posix.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        value = self._data[key]
        posix.unsetenv(key)
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    def __repr__(self):
        return 'environ({%s})' % ', '.join(
            '%r: %r' % (key, value) for key, value in self._data.items())

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kwargs):
        items = other.items() if hasattr(other, 'items') else other
        for key, value in items:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value


environ = _Environ(posix.environ)


def getenv(key, default=None):
    """An environment variable's value, or `default`."""
    return environ.get(key, default)


def putenv(key, value):
    posix.putenv(key, value)


def unsetenv(key):
    posix.unsetenv(key)
