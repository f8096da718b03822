x = b'abc'
y = b'a' + b'b'
z = b'ab' * 3
w = b'abc'[1]
v = (b'x', b'y')
u = not b''
t = b'%s' % (x,)
def f():
    return b"it's" + rb'\d'
b'docstring-like'
