# io.StringIO and print() to files and to objects with a write method.
import io
import sys

s = io.StringIO()
print(s.write('hello '), s.write('wörld'), s.tell(), repr(s.getvalue()))
print('printed', 42, sep=', ', end='!\n', file=s)
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.read(5)), repr(s.readline()), repr(s.read()), s.tell())
s = io.StringIO('line 1\nline 2\nline 3')
print(s.readlines(), s.seek(0), [l for l in s], s.readable(), s.writable(), s.seekable())
s = io.StringIO('abc')
s.seek(1)
s.write('X')
print(repr(s.getvalue()), s.tell(), repr(s.read()))
s = io.StringIO(None)
print(repr(s.getvalue()), type(s), isinstance(s, io.StringIO))
s.close()
print(s.closed)

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)
    def flush(self):
        self.parts.append('<flush>')

c = Collector()
print('a', 'b', 3, file=c)
print('x', end='', file=c, flush=True)
print(file=c)
print(c.parts)
print('to stdout', file=sys.stdout)
print('nothing', file=None)
print('sep', 'none', sep=None, end=None)
print('flushed', flush=True)
sys.stdout.write('written directly\n')
print(sys.stdout.write('abc'), sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable())
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdin.mode)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(type(sys.stdout), io.TextIOWrapper, io.StringIO, io.BytesIO, io.BufferedReader)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.open is open)

saved = sys.stdout
sys.stdout = io.StringIO()
print('captured', 1)
captured = sys.stdout.getvalue()
sys.stdout = saved
print(repr(captured))
print('error text', file=sys.stderr)
sys.stderr.write('more error text\n')
sys.stdout = None
print('silenced')
sys.stdout = saved
print('back')
