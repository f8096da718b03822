# bytes and bytearray: literals, repr, constructors, indexing, slicing, operators.
print(b'abc', rb'a\nb', b'\x00\x01\x7f\x80\xff', b"it's", b'say "hi"', b'\'"')
print(b'tab\there', b'\\', b'line\r\n', B'upper', Rb'\d+')
print(b'con' b'cat', b'x' * 3, 3 * b'ab', b'ab' * -1, b'a' + b'b')
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(range(65, 70)), bytes(b'copy'))
print(bytes('héllo', 'utf-8'), bytes('abc', 'ascii'), bytes(source=b'kw'), bytes(True))
print(bytearray(), bytearray(2), bytearray(b'abc'), bytearray('xyz', 'latin-1'), bytearray([104, 105]))
print(repr(bytearray(b"'")), repr(bytearray(b'"')), repr(bytearray(b'\'"')))
b = b'hello world'
print(b[0], b[-1], b[1:5], b[::2], b[::-1], b[100:], len(b), list(b[:3]))
print(b'o' in b, b'wor' in b, 111 in b, 200 in b, b'' in b)
print(b == b'hello world', b != b'x', b'a' < b'b', b'ab' < b'a', b'abc' >= b'abc', b'a' == 'a')
print(b'a' == bytearray(b'a'), bytearray(b'a') == b'a', bytearray(b'b') > b'a')
print(hash(b'abc') == hash(b'abc'), hash(b'abc') == hash('abc'), {b'k': 1}[b'k'])
print(bool(b''), bool(b'x'), bool(bytearray()), not b'')
for byte in b'hi':
    print(byte, end=' ')
print()
print(type(b), type(bytearray()), type(iter(b'')).__name__, type(iter(bytearray())).__name__)
print(sorted(b'cab'), max(b'abc'), sum(b'\x01\x02'), list(reversed(b'ab')))
print(bytearray(b'x') + b'y', b'y' + bytearray(b'x'), bytearray(b'ab') * 2)
print(str(b'abc'), repr(b'abc'), f'{b"x"}', '%s' % b'q', [b'in', b'list'])
print(b'%s and %d and %r' % (b'bytes', 42, 'str'), b'%x' % 255, b'%5s|' % b'ab', b'100%%' % ())

ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba.extend([1, 2])
print(ba, ba.pop(), ba.pop(0), ba)
ba[0] = 65
ba[1:3] = b'ZZZ'
print(ba)
del ba[0]
del ba[-2:]
print(ba)
ba += b'!!'
print(ba)
ba *= 2
print(ba, len(ba))
ba.insert(0, 62)
ba.remove(33)
ba.reverse()
print(ba, ba.copy())
ba.clear()
print(ba, len(ba))
