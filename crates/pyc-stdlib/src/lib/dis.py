"""Disassembly of pyc's bytecode: what `pyc-dis` prints, for live objects.

pyc's bytecode is CPython 3.11's without the inline CACHE entries and PRECALL, so
offsets are twice the instruction index and can differ from CPython's.
"""

import sys
import types
import _dis
from opcode import (cmp_op, HAVE_ARGUMENT, EXTENDED_ARG, opmap, opname, hasconst,
                    hasname, hasjrel, hasjabs, haslocal, hascompare, hasfree)

_HAVE_CODE = (types.MethodType, types.FunctionType, types.CodeType, classmethod,
              staticmethod, type, types.GeneratorType)

COMPILER_FLAG_NAMES = {
    1: 'OPTIMIZED',
    2: 'NEWLOCALS',
    4: 'VARARGS',
    8: 'VARKEYWORDS',
    16: 'NESTED',
    32: 'GENERATOR',
    64: 'NOFREE',
    128: 'COROUTINE',
    256: 'ITERABLE_COROUTINE',
    512: 'ASYNC_GENERATOR',
}


def _write(text, file):
    if file is None:
        print(text, end='')
    else:
        file.write(text)


def _get_code_object(x):
    """The code object behind x (compiling a source string)."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    if isinstance(x, str):
        x = compile(x, '<disassembly>', 'exec')
    if isinstance(x, types.CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble a function, method, class, module, generator, code object or source
    string (classes and modules: each of their functions and classes in turn)."""
    if x is None:
        raise RuntimeError('no last traceback to disassemble')
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    if isinstance(x, (types.ModuleType, type)):
        items = sorted(x.__dict__.items(), key=lambda item: item[0])
        for name, x1 in items:
            if isinstance(x1, _HAVE_CODE):
                _write('Disassembly of %s:\n' % name, file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    _write('Sorry: %s\n' % msg, file)
                _write('\n', file)
    elif isinstance(x, str):
        _write(_dis.disassemble(compile(x, '<dis>', 'exec')), file)
    elif isinstance(x, types.CodeType):
        _write(_dis.disassemble(x), file)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    _write(_dis.disassemble(co), file)


disco = disassemble


class Positions:
    """Where an instruction's source is: lines and UTF-8 columns (None if unknown)."""

    def __init__(self, lineno=None, end_lineno=None, col_offset=None, end_col_offset=None):
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.col_offset = col_offset
        self.end_col_offset = end_col_offset

    def _items(self):
        return (self.lineno, self.end_lineno, self.col_offset, self.end_col_offset)

    def __iter__(self):
        return iter(self._items())

    def __eq__(self, other):
        if isinstance(other, Positions):
            return self._items() == other._items()
        if isinstance(other, tuple):
            return self._items() == other
        return NotImplemented

    def __repr__(self):
        return ('Positions(lineno=%r, end_lineno=%r, col_offset=%r, end_col_offset=%r)'
                % self._items())


class Instruction:
    """One instruction: its name, number, argument and what the argument means."""

    _fields = ('opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset',
               'starts_line', 'is_jump_target', 'positions')

    def __init__(self, opname, opcode, arg, argval, argrepr, offset, starts_line,
                 is_jump_target, positions=None):
        self.opname = opname
        self.opcode = opcode
        self.arg = arg
        self.argval = argval
        self.argrepr = argrepr
        self.offset = offset
        self.starts_line = starts_line
        self.is_jump_target = is_jump_target
        self.positions = positions

    def _items(self):
        return (self.opname, self.opcode, self.arg, self.argval, self.argrepr,
                self.offset, self.starts_line, self.is_jump_target, self.positions)

    def __iter__(self):
        return iter(self._items())

    def __getitem__(self, index):
        return self._items()[index]

    def __len__(self):
        return 9

    def __eq__(self, other):
        if isinstance(other, Instruction):
            return self._items() == other._items()
        return NotImplemented

    def __repr__(self):
        return ('Instruction(opname=%r, opcode=%r, arg=%r, argval=%r, argrepr=%r, '
                'offset=%r, starts_line=%r, is_jump_target=%r, positions=%r)'
                % self._items())


def _argval(code, kind, arg, text, const_index):
    if kind == 'none':
        return None
    if kind == 'const':
        return code.co_consts[const_index]
    if kind == 'int':
        return arg
    if kind == 'jump':
        return int(text)
    return text


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator over the Instructions of x's code (not of nested code objects)."""
    code = _get_code_object(x)
    shift = 0 if first_line is None else first_line - code.co_firstlineno
    for record in _dis.instructions(code):
        name, kind, arg, text, argrepr, offset, line, target, index, pos = record
        if line is not None:
            line += shift
        yield Instruction(name, opmap.get(name, 0), arg,
                          _argval(code, kind, arg, text, index), argrepr, offset, line,
                          target, Positions(*pos))


def findlinestarts(code):
    """`(offset, line)` for each instruction that starts a line."""
    for record in _dis.instructions(code):
        if record[6] is not None:
            yield record[5], record[6]


def pretty_flags(flags):
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ', '.join(names)


def code_info(x):
    """A description of a code object's fields, as text."""
    co = _get_code_object(x)
    lines = [
        'Name:              %s' % co.co_name,
        'Filename:          %s' % co.co_filename,
        'Argument count:    %s' % co.co_argcount,
        'Positional-only arguments: %s' % co.co_posonlyargcount,
        'Kw-only arguments: %s' % co.co_kwonlyargcount,
        'Number of locals:  %s' % co.co_nlocals,
        'Stack size:        %s' % co.co_stacksize,
        'Flags:             %s' % pretty_flags(co.co_flags),
    ]
    for title, items in (('Constants', co.co_consts), ('Names', co.co_names),
                         ('Variable names', co.co_varnames),
                         ('Free variables', co.co_freevars),
                         ('Cell variables', co.co_cellvars)):
        if items:
            lines.append('%s:' % title)
            for i, item in enumerate(items):
                lines.append('%4d: %s' % (i, repr(item) if title == 'Constants' else item))
    return '\n'.join(lines)


def show_code(co, *, file=None):
    """Print code_info(co)."""
    _write(code_info(co) + '\n', file)
