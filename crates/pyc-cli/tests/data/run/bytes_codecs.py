# str.encode / bytes.decode with utf-8, ascii and latin-1 and the error handlers.
s = 'héllo wörld €'
print(s.encode(), s.encode('utf-8'), s.encode('UTF8'), s.encode(encoding='utf_8'))
print(s.encode('ascii', 'replace'), s.encode('ascii', 'ignore'), s.encode('latin-1', 'replace'))
print(s.encode('ascii', 'backslashreplace'), s.encode('ascii', 'xmlcharrefreplace'), 'é'.encode('latin1'))
data = s.encode()
print(data.decode(), data.decode('utf-8'), data.decode('latin-1'), data.decode('ascii', 'replace'))
print(data.decode('ascii', 'ignore'), data.decode(errors='strict'), b'a\xffb'.decode('utf-8', 'replace'))
print(b'a\xffb'.decode('utf-8', 'backslashreplace'), str(b'abc', 'ascii'), str(b'\xe9', 'latin-1'), str(bytearray(b'x'), encoding='utf-8'))
print(b'\xe2\x82\xac'.decode(), b'\xf0\x9f\x98\x80'.decode() == '\U0001F600', bytearray('ünï', 'utf-8').decode())

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
        if isinstance(e, UnicodeError):
            print('  ', e.encoding, repr(e.object), e.start, e.end, e.reason, e.args[2:])

attempt(lambda: 'héllo'.encode('ascii'))
attempt(lambda: 'hé€llo'.encode('ascii'))
attempt(lambda: '€'.encode('latin-1'))
attempt(lambda: '\U0001F600'.encode('ascii'))
attempt(lambda: b'\xff'.decode())
attempt(lambda: b'ok\xe2\x82'.decode())
attempt(lambda: b'\xe0\x80'.decode())
attempt(lambda: b'ab\xc3(x'.decode('utf-8'))
attempt(lambda: b'a\xff\xfe'.decode('ascii'))
attempt(lambda: 'x'.encode('no-such-codec'))
attempt(lambda: b'x'.decode('no-such-codec'))
attempt(lambda: b'\xff'.decode('utf-8', 'bogus'))
attempt(lambda: b'fine'.decode('utf-8', 'bogus'))
attempt(lambda: 'x'.encode(1))
attempt(lambda: 'x'.encode('ascii', 'strict', 3))
attempt(lambda: b'x'.decode(foo=1))
attempt(lambda: str(b'a', 1))
attempt(lambda: bytes('é', 'ascii'))
attempt(lambda: UnicodeDecodeError('utf-8', b'\x80abc', 0, 2, 'custom reason'))
e = UnicodeDecodeError('utf-8', b'\x80abc', 1, 2, 'why')
print(str(e), e.start, e.end)
