"""Object-oriented file system paths (POSIX): PurePath for the text of a path, Path
for the files and folders it names."""

import os
import posix

__all__ = ['PurePath', 'PurePosixPath', 'Path', 'PosixPath']


def _fnmatch(name, pattern):
    """Whether `name` matches the shell pattern (`*`, `?`, `[seq]`, `[!seq]`)."""
    if not pattern:
        return not name
    first = pattern[0]
    if first == '*':
        rest = pattern.lstrip('*')
        return any(_fnmatch(name[i:], rest) for i in range(len(name) + 1))
    if not name:
        return False
    if first == '?':
        return _fnmatch(name[1:], pattern[1:])
    if first == '[':
        end = pattern.find(']', 2)
        if end > 0:
            chars = pattern[1:end]
            negate = chars.startswith('!')
            if negate:
                chars = chars[1:]
            matched = False
            i = 0
            while i < len(chars):
                if i + 2 < len(chars) and chars[i + 1] == '-':
                    if chars[i] <= name[0] <= chars[i + 2]:
                        matched = True
                    i += 3
                else:
                    if chars[i] == name[0]:
                        matched = True
                    i += 1
            if matched == negate:
                return False
            return _fnmatch(name[1:], pattern[end + 1:])
    return name[0] == first and _fnmatch(name[1:], pattern[1:])


class PurePath:
    """The text of a path, split into parts; no file system access."""

    def __init__(self, *args):
        parts = []
        for a in args:
            if isinstance(a, PurePath):
                a = str(a)
            else:
                a = os.fspath(a)
                if not isinstance(a, str):
                    raise TypeError('argument should be a str or an os.PathLike '
                                    'object returning str, not %r' % type(a))
            parts.append(a)
        text = os.path.join(*parts) if parts else ''
        root = ''
        if text.startswith('/'):
            root = '//' if text.startswith('//') and not text.startswith('///') else '/'
        names = [n for n in text.split('/') if n and n != '.']
        self._root = root
        self._parts = names

    def _from(self, root, names):
        path = type(self)()
        path._root = root
        path._parts = names
        return path

    def __str__(self):
        return (self._root + '/'.join(self._parts)) or '.'

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, str(self))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._root == other._root and self._parts == other._parts

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return (self._root, self._parts) < (other._root, other._parts)

    def __truediv__(self, key):
        try:
            return type(self)(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        return type(self)(self, *args)

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def root(self):
        return self._root

    @property
    def drive(self):
        return ''

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from(self._root, self._parts[:-1])

    @property
    def parents(self):
        result = []
        path = self
        while path._parts:
            path = path.parent
            result.append(path)
        return tuple(result)

    def is_absolute(self):
        return bool(self._root)

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name %r' % (name,))
        return self._from(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix or (suffix and (not suffix.startswith('.') or suffix == '.')):
            raise ValueError('Invalid suffix %r' % (suffix,))
        name = self.name
        if not name:
            raise ValueError('%r has an empty name' % (self,))
        return self.with_name(self.stem + suffix)

    def relative_to(self, *other):
        base = type(self)(*other)
        n = len(base._parts)
        if base._root != self._root or self._parts[:n] != base._parts:
            raise ValueError('%r is not in the subpath of %r OR one path is relative '
                             'and the other is absolute.' % (str(self), str(base)))
        return self._from('', self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
        except ValueError:
            return False
        return True

    def match(self, pattern):
        pattern_parts = [p for p in pattern.split('/') if p]
        if not pattern_parts:
            raise ValueError('empty pattern')
        if pattern.startswith('/'):
            if not self._root or len(pattern_parts) != len(self._parts):
                return False
        elif len(pattern_parts) > len(self._parts):
            return False
        for part, pat in zip(reversed(self._parts), reversed(pattern_parts)):
            if not _fnmatch(part, pat):
                return False
        return True


class PurePosixPath(PurePath):
    """A PurePath with POSIX rules."""


class PosixPath(PurePosixPath):
    """A path and the file or folder it names (`Path`: pyc runs on POSIX only)."""

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def exists(self):
        return os.path.exists(self)

    def is_file(self):
        return os.path.isfile(self)

    def is_dir(self):
        return os.path.isdir(self)

    def is_symlink(self):
        return os.path.islink(self)

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(os.path.realpath(self, strict=strict))

    def expanduser(self):
        return type(self)(os.path.expanduser(str(self)))

    def iterdir(self):
        for name in os.listdir(self):
            yield self / name

    def glob(self, pattern):
        parts = [p for p in pattern.split('/') if p]
        if not parts:
            raise ValueError('Unacceptable pattern: %r' % (pattern,))
        yield from self._glob(parts)

    def rglob(self, pattern):
        yield from self.glob('**/' + pattern)

    def _glob(self, parts):
        first, rest = parts[0], parts[1:]
        if first == '**':
            dirs = [self]
            for top, subdirs, _files in os.walk(self):
                for d in sorted(subdirs):
                    dirs.append(type(self)(top, d))
            for d in dirs:
                if rest:
                    yield from d._glob(rest)
                else:
                    yield d
            return
        try:
            names = sorted(os.listdir(self))
        except OSError:
            return
        for name in names:
            if name.startswith('.') and not first.startswith('.'):
                continue
            if _fnmatch(name, first):
                child = self / name
                if not rest:
                    yield child
                elif child.is_dir():
                    yield from child._glob(rest)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        os.rmdir(self)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError('[Errno 17] File exists: %r' % str(self))
            return
        posix._write_text(str(self), '')

    def read_text(self, encoding=None, errors=None):
        return posix._read_text(str(self))

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % type(data).__name__)
        return posix._write_text(str(self), data)

    def samefile(self, other_path):
        a = self.stat()
        b = os.stat(other_path)
        return a.st_ino == b.st_ino and a.st_dev == b.st_dev


Path = PosixPath
