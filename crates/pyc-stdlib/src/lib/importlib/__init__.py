"""The import system's interface: import_module(), reload()."""

import sys

__all__ = ['import_module', 'reload', 'invalidate_caches']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """Import a module by name (relative to `package` when it starts with dots) and
    return it: `import_module('a.b')` returns `a.b`, not `a`."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            "relative import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
    if not isinstance(name, str):
        raise TypeError('module name must be str, not {}'.format(type(name)))
    if level > 0:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        name = _resolve_name(name[level:], package, level)
    if not name:
        raise ValueError('Empty module name')
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """pyc's finders keep no caches: every import looks at the files afresh."""


def reload(module):
    """Run a module's source again in its existing namespace and return it. A module
    with no source file (a native module) is returned as it is."""
    name = getattr(module, '__name__', None)
    if not isinstance(module, type(sys)) or name is None:
        raise TypeError('reload() argument must be a module')
    if sys.modules.get(name) is not module:
        raise ImportError('module {} not in sys.modules'.format(name))
    filename = getattr(module, '__file__', None)
    if filename is None:
        return module
    if filename.startswith('<'):
        import linecache
        source = ''.join(linecache.getlines(filename))
    else:
        import posix
        source = posix._read_text(filename)
    code = compile(source, filename, 'exec')
    exec(code, module.__dict__)
    return sys.modules[name]
