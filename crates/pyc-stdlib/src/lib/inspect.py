"""Get information about live objects: their kinds, signatures, closures and source."""

import sys
import types
import linecache
import builtins

CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8


def ismodule(obj):
    return isinstance(obj, types.ModuleType)


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return isinstance(obj, types.MethodType)


def isfunction(obj):
    return isinstance(obj, types.FunctionType)


def isgeneratorfunction(obj):
    if ismethod(obj):
        obj = obj.__func__
    return isfunction(obj) and bool(obj.__code__.co_flags & CO_GENERATOR)


def iscoroutinefunction(obj):
    if ismethod(obj):
        obj = obj.__func__
    return isfunction(obj) and bool(obj.__code__.co_flags & CO_COROUTINE)


def isgenerator(obj):
    return isinstance(obj, types.GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, types.CoroutineType)


def isawaitable(obj):
    return isinstance(obj, types.CoroutineType) or hasattr(type(obj), "__await__")


def iscode(obj):
    return isinstance(obj, types.CodeType)


def isframe(obj):
    return isinstance(obj, types.FrameType)


def istraceback(obj):
    return isinstance(obj, types.TracebackType)


def isbuiltin(obj):
    return isinstance(obj, types.BuiltinFunctionType)


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj)


def getmro(cls):
    return cls.__mro__


def getmembers(obj, predicate=None):
    """The `(name, value)` pairs of obj's attributes, sorted by name."""
    results = []
    for name in dir(obj):
        try:
            value = getattr(obj, name)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((name, value))
    results.sort(key=lambda pair: pair[0])
    return results


# ---- closures ------------------------------------------------------------------

class ClosureVars:
    """`(nonlocals, globals, builtins, unbound)`: the names a function's code refers
    to, sorted by where they resolve."""

    _fields = ('nonlocals', 'globals', 'builtins', 'unbound')

    def __init__(self, nonlocals, globals, builtins, unbound):
        self.nonlocals = nonlocals
        self.globals = globals
        self.builtins = builtins
        self.unbound = unbound

    def _items(self):
        return (self.nonlocals, self.globals, self.builtins, self.unbound)

    def __iter__(self):
        return iter(self._items())

    def __getitem__(self, index):
        return self._items()[index]

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, ClosureVars):
            return self._items() == other._items()
        if isinstance(other, tuple):
            return self._items() == other
        return NotImplemented

    def __repr__(self):
        return 'ClosureVars(nonlocals=%r, globals=%r, builtins=%r, unbound=%r)' % (
            self._items())


def getclosurevars(func):
    """Where the names in func's code resolve: the cells of its closure, its globals,
    the builtins, or nowhere."""
    if ismethod(func):
        func = func.__func__
    if not isfunction(func):
        raise TypeError('{!r} is not a Python function'.format(func))
    code = func.__code__
    nonlocal_vars = {}
    if func.__closure__ is not None:
        for name, cell in zip(code.co_freevars, func.__closure__):
            nonlocal_vars[name] = cell.cell_contents
    global_ns = func.__globals__
    builtin_ns = global_ns.get('__builtins__', builtins.__dict__)
    if ismodule(builtin_ns):
        builtin_ns = builtin_ns.__dict__
    global_vars = {}
    builtin_vars = {}
    unbound_names = set()
    for name in code.co_names:
        if name in ('None', 'True', 'False'):
            continue
        if name in global_ns:
            global_vars[name] = global_ns[name]
        elif name in builtin_ns:
            builtin_vars[name] = builtin_ns[name]
        else:
            unbound_names.add(name)
    return ClosureVars(nonlocal_vars, global_vars, builtin_vars, unbound_names)


# ---- signatures ----------------------------------------------------------------

class _empty:
    """Marks an absent default or annotation."""


class _void:
    """Marks an argument not given to `Parameter.replace`."""


def _kind_value(kind):
    return kind.value if isinstance(kind, _ParameterKind) else kind


class _ParameterKind:
    """The kind of a parameter: an int-valued enumeration."""

    def __init__(self, value, name, description):
        self.value = value
        self._name_ = name
        self.name = name
        self.description = description

    def __int__(self):
        return self.value

    def __index__(self):
        return self.value

    def __eq__(self, other):
        if isinstance(other, _ParameterKind):
            return self.value == other.value
        if isinstance(other, int):
            return self.value == other
        return NotImplemented

    def __hash__(self):
        return hash(self.value)

    def __lt__(self, other):
        return self.value < _kind_value(other)

    def __le__(self, other):
        return self.value <= _kind_value(other)

    def __gt__(self, other):
        return self.value > _kind_value(other)

    def __ge__(self, other):
        return self.value >= _kind_value(other)

    def __str__(self):
        return self.name

    def __repr__(self):
        return '<_ParameterKind.%s: %d>' % (self.name, self.value)


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD',
                                        'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')


def formatannotation(annotation, base_module=None):
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a signature: its name, kind, default and annotation."""

    empty = _empty
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            raise ValueError("value %r is not a valid Parameter.kind" % (kind,))
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError('%s parameters cannot have default values'
                             % kind.description)
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a %s' % type(name).__name__)
        if not name.isidentifier():
            raise ValueError('%r is not a valid parameter name' % name)
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    @property
    def name(self):
        return self._name

    @property
    def kind(self):
        return self._kind

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return Parameter(self._name if name is _void else name,
                         self._kind if kind is _void else kind,
                         default=self._default if default is _void else default,
                         annotation=(self._annotation if annotation is _void
                                     else annotation))

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = '%s: %s' % (text, formatannotation(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = '%s = %r' % (text, self._default)
            else:
                text = '%s=%r' % (text, self._default)
        if self._kind is _VAR_POSITIONAL:
            text = '*' + text
        elif self._kind is _VAR_KEYWORD:
            text = '**' + text
        return text

    def __repr__(self):
        return '<%s "%s">' % (type(self).__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind
                and self._default == other._default
                and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))


class _OrderedParameters:
    """The name -> Parameter mapping of a signature, shown as CPython shows its
    OrderedDict."""

    def __init__(self, params):
        self._params = params

    def __getitem__(self, name):
        return self._params[name]

    def __contains__(self, name):
        return name in self._params

    def __iter__(self):
        return iter(self._params)

    def __len__(self):
        return len(self._params)

    def keys(self):
        return self._params.keys()

    def values(self):
        return self._params.values()

    def items(self):
        return self._params.items()

    def get(self, name, default=None):
        return self._params.get(name, default)

    def copy(self):
        return dict(self._params)

    def __eq__(self, other):
        if isinstance(other, _OrderedParameters):
            return list(self._params.items()) == list(other._params.items())
        return NotImplemented

    def __repr__(self):
        return 'OrderedDict(%r)' % (list(self._params.items()),)


class BoundArguments:
    """The result of `Signature.bind`: arguments mapped to parameters."""

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            if name not in self.arguments:
                break
            if param.kind is _VAR_POSITIONAL:
                args.extend(self.arguments[name])
            else:
                args.append(self.arguments[name])
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        started = False
        for name, param in self._signature.parameters.items():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
            if not started or name not in self.arguments:
                continue
            if param.kind is _VAR_KEYWORD:
                kwargs.update(self.arguments[name])
            else:
                kwargs[name] = self.arguments[name]
        return kwargs

    def apply_defaults(self):
        """Fill in the defaults of the parameters that got no argument."""
        arguments = self.arguments
        new = {}
        for name, param in self._signature.parameters.items():
            if name in arguments:
                new[name] = arguments[name]
            elif param.default is not _empty:
                new[name] = param.default
            elif param.kind is _VAR_POSITIONAL:
                new[name] = ()
            elif param.kind is _VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __eq__(self, other):
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return (self.signature == other.signature
                and self.arguments == other.arguments)

    def __repr__(self):
        args = ['%s=%r' % (name, value) for name, value in self.arguments.items()]
        return '<%s (%s)>' % (type(self).__name__, ', '.join(args))


class Signature:
    """The parameters a callable takes, and what it returns."""

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        params = {}
        if parameters is not None:
            last_kind = _POSITIONAL_ONLY
            seen_default = False
            for param in parameters:
                kind = param.kind
                if kind < last_kind:
                    raise ValueError(
                        'wrong parameter order: %s parameter before %s parameter'
                        % (last_kind.description, kind.description))
                if kind > last_kind:
                    last_kind = kind
                if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                    if param.default is _empty:
                        if seen_default:
                            raise ValueError('non-default argument follows '
                                             'default argument')
                    else:
                        seen_default = True
                if param.name in params:
                    raise ValueError('duplicate parameter name: %r' % param.name)
                params[param.name] = param
        self._parameters = _OrderedParameters(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return signature(obj)

    @property
    def parameters(self):
        return types.MappingProxyType(self._parameters)

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return Signature(parameters, return_annotation=return_annotation)

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation
                and list(self._parameters.items()) == list(other._parameters.items()))

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self._parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind is _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append('/')
                render_pos_only_separator = False
            if kind is _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind is _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append('/')
        rendered = '(%s)' % ', '.join(result)
        if self._return_annotation is not _empty:
            rendered += ' -> %s' % formatannotation(self._return_annotation)
        return rendered

    def __repr__(self):
        return '<%s %s>' % (type(self).__name__, self)

    def _bind(self, args, kwargs, partial):
        arguments = {}
        params = iter(self._parameters.values())
        parameters_ex = ()
        arg_vals = iter(args)
        while True:
            try:
                arg_val = next(arg_vals)
            except StopIteration:
                try:
                    param = next(params)
                except StopIteration:
                    break
                if param.kind is _VAR_POSITIONAL:
                    break
                if param.name in kwargs:
                    if param.kind is _POSITIONAL_ONLY:
                        raise TypeError('%r parameter is positional only, but was '
                                        'passed as a keyword' % param.name)
                    parameters_ex = (param,)
                    break
                if param.kind is _VAR_KEYWORD or param.default is not _empty:
                    parameters_ex = (param,)
                    break
                if partial:
                    parameters_ex = (param,)
                    break
                raise TypeError('missing a required argument: %r' % param.name)
            else:
                try:
                    param = next(params)
                except StopIteration:
                    raise TypeError('too many positional arguments') from None
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    raise TypeError('too many positional arguments') from None
                if param.kind is _VAR_POSITIONAL:
                    values = [arg_val]
                    values.extend(arg_vals)
                    arguments[param.name] = tuple(values)
                    break
                if param.name in kwargs and param.kind is not _POSITIONAL_ONLY:
                    raise TypeError('multiple values for argument %r' % param.name)
                arguments[param.name] = arg_val
        kwargs_param = None
        for param in list(parameters_ex) + list(params):
            if param.kind is _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind is _VAR_POSITIONAL:
                continue
            name = param.name
            if name not in kwargs:
                if (not partial and param.kind is not _VAR_POSITIONAL
                        and param.default is _empty):
                    raise TypeError('missing a required argument: %r' % name)
                continue
            if param.kind is _POSITIONAL_ONLY:
                raise TypeError('%r parameter is positional only, but was passed '
                                'as a keyword' % name)
            arguments[name] = kwargs.pop(name)
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError('got an unexpected keyword argument %r'
                                % next(iter(kwargs)))
        return BoundArguments(self, arguments)

    def bind(self, *args, **kwargs):
        """Map the arguments to the parameters, as a call would; TypeError if the
        call would fail."""
        return self._bind(args, kwargs, False)

    def bind_partial(self, *args, **kwargs):
        """As bind, but parameters may be left without arguments."""
        return self._bind(args, kwargs, True)


def _signature_from_function(func, skip_first):
    code = func.__code__
    pos_count = code.co_argcount
    posonly = code.co_posonlyargcount
    kwonly_count = code.co_kwonlyargcount
    names = code.co_varnames
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = getattr(func, '__annotations__', None) or {}
    params = []
    first_default = pos_count - len(defaults)
    for i in range(pos_count):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < posonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default,
                                annotation=annotations.get(name, _empty)))
    index = pos_count
    if code.co_flags & CO_VARARGS:
        name = names[pos_count + kwonly_count]
        params.append(Parameter(name, _VAR_POSITIONAL,
                                annotation=annotations.get(name, _empty)))
    for i in range(kwonly_count):
        name = names[index + i]
        params.append(Parameter(name, _KEYWORD_ONLY,
                                default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = names[pos_count + kwonly_count + (1 if code.co_flags & CO_VARARGS else 0)]
        params.append(Parameter(name, _VAR_KEYWORD,
                                annotation=annotations.get(name, _empty)))
    if skip_first:
        if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
            raise ValueError('invalid method signature')
        if params[0].kind is not _VAR_POSITIONAL:
            params = params[1:]
    return Signature(params, return_annotation=annotations.get('return', _empty))


def signature(obj, *, follow_wrapped=True):
    """The Signature of a callable."""
    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))
    if ismethod(obj):
        return _signature_from_function(obj.__func__, True) \
            if isfunction(obj.__func__) else signature(obj.__func__)
    if isfunction(obj):
        return _signature_from_function(obj, False)
    if isclass(obj):
        for klass in obj.__mro__:
            init = klass.__dict__.get('__init__')
            if isfunction(init):
                return _signature_from_function(init, True)
        return Signature()
    call = getattr(type(obj), '__call__', None)
    if isfunction(call):
        return _signature_from_function(call, True)
    raise ValueError('no signature found for builtin {!r}'.format(obj))


# ---- source --------------------------------------------------------------------

def getfile(obj):
    """The name of the file an object was defined in."""
    if ismodule(obj):
        if getattr(obj, '__file__', None):
            return obj.__file__
        raise TypeError('{!r} is a built-in module'.format(obj))
    if isclass(obj):
        module = sys.modules.get(obj.__module__)
        if module is not None and getattr(module, '__file__', None):
            return module.__file__
        raise TypeError('{!r} is a built-in class'.format(obj))
    if ismethod(obj):
        obj = obj.__func__
    if isfunction(obj):
        obj = obj.__code__
    if istraceback(obj):
        obj = obj.tb_frame
    if isframe(obj):
        obj = obj.f_code
    if iscode(obj):
        return obj.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(type(obj).__name__))


getsourcefile = getfile


def getmodule(obj, _filename=None):
    """The module an object was defined in, or None."""
    if ismodule(obj):
        return obj
    name = getattr(obj, '__module__', None)
    if isinstance(name, str):
        return sys.modules.get(name)
    if isframe(obj):
        return sys.modules.get(obj.f_globals.get('__name__'))
    try:
        filename = getfile(obj)
    except TypeError:
        return None
    for module in list(sys.modules.values()):
        if getattr(module, '__file__', None) == filename:
            return module
    return None


def _indent(line):
    return len(line) - len(line.lstrip())


def _block(lines, start):
    """The lines of the block whose header is `lines[start]` (after any decorators)."""
    first = start
    header = start
    while header < len(lines) and lines[header].lstrip().startswith('@'):
        header += 1
    if header >= len(lines):
        return lines[first:]
    base = _indent(lines[header])
    end = header + 1
    stripped = lines[header].split('#')[0].rstrip()
    if not stripped.endswith(':') and not stripped.endswith(('(', ',', '\\')):
        return lines[first:end]
    last = header
    while end < len(lines):
        text = lines[end]
        if text.strip() and _indent(text) <= base and not text.lstrip().startswith(')'):
            break
        if text.strip():
            last = end
        end += 1
    return lines[first:last + 1]


def findsource(obj):
    """`(all lines of the file, index of obj's first line)`."""
    filename = getfile(obj)
    lines = linecache.getlines(filename)
    if not lines:
        raise OSError('could not get source code')
    if ismodule(obj):
        return lines, 0
    if isclass(obj):
        name = obj.__name__
        for i, line in enumerate(lines):
            text = line.lstrip()
            if text.startswith('class ' + name) and \
                    text[6 + len(name):7 + len(name)] in ('(', ':', ' '):
                while i > 0 and lines[i - 1].lstrip().startswith('@'):
                    i -= 1
                return lines, i
        raise OSError('could not find class definition')
    if ismethod(obj):
        obj = obj.__func__
    if isfunction(obj):
        obj = obj.__code__
    if istraceback(obj):
        obj = obj.tb_frame
    if isframe(obj):
        obj = obj.f_code
    if iscode(obj):
        lnum = obj.co_firstlineno - 1
        if lnum >= len(lines):
            raise OSError('lineno is out of bounds')
        return lines, lnum
    raise OSError('could not find code object')


def getsourcelines(obj):
    """`(the lines of obj's source, its first line number)`."""
    lines, lnum = findsource(obj)
    if istraceback(obj):
        obj = obj.tb_frame
    if ismodule(obj) or (isframe(obj) and obj.f_code.co_name == '<module>'):
        return lines, 0
    return _block(lines, lnum), lnum + 1


def getsource(obj):
    """The text of obj's source code."""
    lines, _ = getsourcelines(obj)
    return ''.join(lines)


def cleandoc(doc):
    """A docstring with its indentation removed."""
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(obj):
    """obj's docstring, cleaned up, or None."""
    doc = getattr(obj, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


# ---- the stack -----------------------------------------------------------------

class FrameInfo:
    """`(frame, filename, lineno, function, code_context, index)` of one frame."""

    def __init__(self, frame, filename, lineno, function, code_context, index):
        self.frame = frame
        self.filename = filename
        self.lineno = lineno
        self.function = function
        self.code_context = code_context
        self.index = index

    def _items(self):
        return (self.frame, self.filename, self.lineno, self.function,
                self.code_context, self.index)

    def __iter__(self):
        return iter(self._items())

    def __getitem__(self, index):
        return self._items()[index]

    def __len__(self):
        return 6

    def __repr__(self):
        return ('FrameInfo(frame=%r, filename=%r, lineno=%r, function=%r, '
                'code_context=%r, index=%r)' % self._items())


def _frame_info(frame, context):
    filename = frame.f_code.co_filename
    lineno = frame.f_lineno
    code_context = None
    index = None
    if context > 0:
        line = linecache.getline(filename, lineno)
        if line:
            code_context = [line]
            index = 0
    return FrameInfo(frame, filename, lineno, frame.f_code.co_name, code_context, index)


def currentframe():
    """The caller's frame."""
    return sys._getframe(1)


def stack(context=1):
    """FrameInfo records for the caller's frame and every frame above it."""
    frames = []
    frame = sys._getframe(1)
    while frame is not None:
        frames.append(_frame_info(frame, context))
        frame = frame.f_back
    return frames


def getouterframes(frame, context=1):
    """FrameInfo records for `frame` and every frame above it."""
    frames = []
    while frame is not None:
        frames.append(_frame_info(frame, context))
        frame = frame.f_back
    return frames


def getframeinfo(frame, context=1):
    if istraceback(frame):
        frame = frame.tb_frame
    return _frame_info(frame, context)
