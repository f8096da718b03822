# Errors of open() and file objects, and the OSError family.
import io

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
        if isinstance(e, OSError):
            print('   ', e.errno, e.strerror, repr(e.filename), e.args)

path = '/tmp/pyc-golden-file-errors.txt'
open(path, 'w').close()
attempt(lambda: open('/nonexistent/dir/file.txt'))
attempt(lambda: open('/tmp'))
attempt(lambda: open(path, 'x'))
attempt(lambda: open(path, 'rr'))
attempt(lambda: open(path, 'rw'))
attempt(lambda: open(path, 'q'))
attempt(lambda: open(path, 'b'))
attempt(lambda: open(path, '+'))
attempt(lambda: open(path, 'rbt'))
attempt(lambda: open(path, 'rb', encoding='utf-8'))
attempt(lambda: open(path, 'rb', errors='strict'))
attempt(lambda: open(path, 'rb', newline=''))
attempt(lambda: open(path, 'r', newline='x'))
attempt(lambda: open(path, 'r', encoding='no-such'))
attempt(lambda: open(3.5))
attempt(lambda: open(path, mode=1))
attempt(lambda: open())
attempt(lambda: open(path, bogus=1))
attempt(lambda: io.StringIO(b'x'))
attempt(lambda: io.BytesIO('x'))
attempt(lambda: io.StringIO().write(b'x'))
attempt(lambda: io.BytesIO().write('x'))
attempt(lambda: io.StringIO('abc').read('x'))
attempt(lambda: io.StringIO().name)
attempt(lambda: io.StringIO().seek(-1))
attempt(lambda: io.StringIO().seek(0, 5))
attempt(lambda: io.StringIO().seek(3, 1))
attempt(lambda: io.BytesIO().seek(-1))

w = open(path, 'w')
attempt(lambda: w.read())
attempt(lambda: w.write(b'bytes'))
w.close()
r = open(path)
attempt(lambda: r.write('x'))
r.close()
for f in [open(path), open(path, 'rb'), open(path, 'wb'), io.StringIO(), io.BytesIO()]:
    f.close()
    print(type(f).__name__)
    attempt(lambda: f.read())
    attempt(lambda: f.readline())
    attempt(lambda: f.write(b'x' if type(f).__name__ in ('BufferedWriter', 'BytesIO', 'BufferedReader') else 'x'))
    attempt(lambda: f.tell())
    attempt(lambda: f.seek(0))
    attempt(lambda: list(f))
    attempt(lambda: f.readable())

for args in [(2, 'No such file'), (2, 'No such file', 'name.txt'), (17, 'Exists', 'a', None, 'b'), ('msg',), (99999, 'odd'), (13, 'denied'), ()]:
    e = OSError(*args)
    print(type(e).__name__, repr(str(e)), e.errno, e.strerror, e.filename, e.filename2, e.args)
print(isinstance(FileNotFoundError(), OSError), issubclass(io.UnsupportedOperation, ValueError), issubclass(io.UnsupportedOperation, OSError))
e = FileNotFoundError(2, 'gone', 'f.txt')
print(repr(e), str(e))
raise FileNotFoundError(2, 'No such file or directory', 'missing.txt')
